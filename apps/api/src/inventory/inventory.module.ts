import { hostname } from 'node:os';
import { OnSaleModule } from '../onsale/onsale.module';
import { ContactEmails } from '../customers/contactEmails';
import { Module, type OnModuleInit } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { HybridLogicalClock } from '@app/domain';
import { HoldsProjection, RemainingCountProjection, SalesAuditProjection, SeatAvailabilityProjection } from '@app/read-models';
import { CatalogModule } from '../catalog/catalog.module';
import { APP_CONFIG } from '../infrastructure/tokens';
import { ProjectionsService } from '../projections/projections.service';
import { HoldSeatsHandler } from './commands/holdSeats.handler';
import { PurchaseHoldHandler } from './commands/purchaseHold.handler';
import { ReleaseHoldHandler } from './commands/releaseHold.handler';
import { ExpiryWorker } from './expiry/expiryWorker';
import { EndHold } from './holds/endHold';
import { HoldLookup } from './holds/holdLookup';
import { HoldViews } from './holds/holdViews';
import { KeyedHolds } from './holds/keyedHolds';
import { PlaceHold } from './holds/placeHold';
import { PurchaseHold } from './holds/purchaseHold';
import { InventoryController } from './inventory.controller';
import { InventoryReadService } from './inventoryReadService';
import { PaymentProvider } from './payments/paymentProvider';
import { SimulatedPaymentProvider } from './payments/simulatedPaymentProvider';
import { GetAvailabilityHandler } from './queries/getAvailability.handler';
import { GetRemainingHandler } from './queries/getRemaining.handler';
import { GetHoldHandler } from './queries/getHold.handler';
import { GetOrderHandler } from './queries/getOrder.handler';
import { GetSeatMapHandler } from './queries/getSeatMap.handler';
import { ListCustomerOrdersHandler } from './queries/listCustomerOrders.handler';
import { ListSalesHandler } from './queries/listSales.handler';
import { ShardRegistry } from './shardRegistry';
import { TicketPasses } from '../tickets/ticketPasses';
import { TransferCapacityHandler } from './commands/transferCapacity.handler';
import { ListCapacityTransfersHandler } from './queries/listCapacityTransfers.handler';
import { CapacityTransfers } from './transfers/capacityTransfers';
import { CapacityTransfersController } from './transfers/capacityTransfers.controller';
import { Rebalancer } from './transfers/rebalancer';

/**
 * Holds, purchases and expiries over a show's shards. The controller sends every command
 * and query through the buses, one command or query and its handler per file (commands/,
 * queries/); the handlers call the hold path's pieces (holds/) and the read side's cache
 * (InventoryReadService).
 */
@Module({
  imports: [CatalogModule, OnSaleModule],
  controllers: [InventoryController, CapacityTransfersController],
  providers: [
    ShardRegistry,
    CapacityTransfers,
    Rebalancer,
    TransferCapacityHandler,
    ListCapacityTransfersHandler,
    HoldLookup,
    PlaceHold,
    KeyedHolds,
    PurchaseHold,
    ContactEmails,
    EndHold,
    HoldViews,
    InventoryReadService,
    ExpiryWorker,
    HoldSeatsHandler,
    ReleaseHoldHandler,
    PurchaseHoldHandler,
    GetSeatMapHandler,
    GetAvailabilityHandler,
    GetRemainingHandler,
    GetHoldHandler,
    GetOrderHandler,
    ListCustomerOrdersHandler,
    ListSalesHandler,
    { provide: PaymentProvider, useClass: SimulatedPaymentProvider },
    { provide: TicketPasses, useFactory: (config: AppConfig) => TicketPasses.open(config.dataDir, config.ticketSigningSecret), inject: [APP_CONFIG] },
    // Arrival stamps at this region's edge: named after the region (or the host without a topology).
    { provide: HybridLogicalClock, useFactory: (config: AppConfig) => new HybridLogicalClock(config.region ?? hostname()), inject: [APP_CONFIG] },
  ],
  exports: [HoldLookup, PlaceHold, EndHold, HoldViews, ShardRegistry, TicketPasses, PaymentProvider],
})
export class InventoryModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionsService) {}

  onModuleInit(): void {
    for (const projection of [new HoldsProjection(), new SeatAvailabilityProjection(), new RemainingCountProjection(), new SalesAuditProjection()]) {
      this.projections.register(projection);
    }
  }
}
