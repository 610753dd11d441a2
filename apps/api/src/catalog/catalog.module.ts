import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogProjection } from '@app/read-models';
import { ProjectionsService } from '../projections/projections.service';
import { AdminCatalogController } from './adminCatalog.controller';
import { CatalogController } from './catalog.controller';
import { CatalogRepository } from './catalogRepository';
import { CreateCityHandler } from './commands/createCity.handler';
import { CreateEventHandler } from './commands/createEvent.handler';
import { CreatePerformerHandler } from './commands/createPerformer.handler';
import { CreateVenueHandler } from './commands/createVenue.handler';
import { ScheduleShowHandler } from './commands/scheduleShow.handler';
import { DemoCatalogSeeder } from './demo/demoCatalogSeeder';
import { GetEventHandler } from './queries/getEvent.handler';
import { GetShowHandler } from './queries/getShow.handler';
import { GetVenueHandler } from './queries/getVenue.handler';
import { ListCitiesHandler } from './queries/listCities.handler';
import { SearchEventsHandler } from './queries/searchEvents.handler';
import { ShowCatalog } from './showCatalog';
import { ChangePriceHandler } from './prices/changePrice.handler';
import { GetShowPricesHandler } from './prices/getShowPrices.handler';
import { ShowPricesController } from './prices/showPrices.controller';
import { StaffScope } from './staffScope';

/**
 * Cities, venues, performers, events and shows: written as one stream per entity,
 * browsed through the `catalog` projection. `ShowCatalog` is what the inventory
 * reads to sell a show.
 */
@Module({
  controllers: [AdminCatalogController, CatalogController, ShowPricesController],
  providers: [
    CatalogRepository,
    ShowCatalog,
    CreateCityHandler,
    CreateVenueHandler,
    CreatePerformerHandler,
    CreateEventHandler,
    ScheduleShowHandler,
    ListCitiesHandler,
    SearchEventsHandler,
    GetEventHandler,
    GetShowHandler,
    GetVenueHandler,
    DemoCatalogSeeder,
    StaffScope,
    ChangePriceHandler,
    GetShowPricesHandler,
  ],
  exports: [ShowCatalog, CatalogRepository, StaffScope],
})
export class CatalogModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionsService) {}

  onModuleInit(): void {
    // Before the app bootstraps: the projection runner starts then, with every projection registered.
    this.projections.register(new CatalogProjection());
  }
}
