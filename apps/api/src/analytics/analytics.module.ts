import { Module, type OnModuleInit } from '@nestjs/common';
import { ReadDatabase, SalesAnalyticsProjection, SalesAnalyticsQueries } from '@app/read-models';
import { CatalogModule } from '../catalog/catalog.module';
import { ProjectionsService } from '../projections/projections.service';
import { SalesAnalyticsController } from './salesAnalytics.controller';
import { SalesAnalyticsReport } from './salesAnalyticsReport';

/** Partner analytics: aggregated, suppressed sales of a show or an event (see docs/decisions.md). */
@Module({
  imports: [CatalogModule],
  controllers: [SalesAnalyticsController],
  providers: [{ provide: SalesAnalyticsQueries, useFactory: (readDb: ReadDatabase) => new SalesAnalyticsQueries(readDb), inject: [ReadDatabase] }, SalesAnalyticsReport],
})
export class AnalyticsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionsService) {}

  onModuleInit(): void {
    this.projections.register(new SalesAnalyticsProjection());
  }
}
