import { Module } from '@nestjs/common';
import { ProjectionsAdminController } from './projectionsAdmin.controller';

/** Operations on the running system: the read models' state and their rebuilds. */
@Module({
  controllers: [ProjectionsAdminController],
})
export class AdminModule {}
