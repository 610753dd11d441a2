import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ProjectionsAdminController } from './projectionsAdmin.controller';
import { SalesOverTimeController } from './salesOverTime.controller';

/** Operations on the running system: the read models' state and their rebuilds, and the sales chart. */
@Module({
  imports: [CatalogModule],
  controllers: [ProjectionsAdminController, SalesOverTimeController],
})
export class AdminModule {}
