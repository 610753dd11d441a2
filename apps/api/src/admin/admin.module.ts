import { Module } from '@nestjs/common';
import { ProjectionsAdminController } from './projectionsAdmin.controller';
import { SalesOverTimeController } from './salesOverTime.controller';

/** Operations on the running system: the read models' state and their rebuilds, and the sales chart. */
@Module({
  controllers: [ProjectionsAdminController, SalesOverTimeController],
})
export class AdminModule {}
