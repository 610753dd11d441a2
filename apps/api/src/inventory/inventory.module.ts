import { Module, type OnModuleInit } from '@nestjs/common';
import { HoldsProjection, RemainingCountProjection, SalesAuditProjection, SeatAvailabilityProjection } from '@app/read-models';
import { CatalogModule } from '../catalog/catalog.module';
import { ProjectionsService } from '../projections/projections.service';
import { HoldSeatsHandler, PurchaseHoldHandler, ReleaseHoldHandler } from './commands/inventoryCommands';
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
import { ShardRegistry } from './shardRegistry';

@Module({
  imports: [CatalogModule],
  controllers: [InventoryController],
  providers: [
    ShardRegistry,
    HoldLookup,
    PlaceHold,
    KeyedHolds,
    PurchaseHold,
    EndHold,
    HoldViews,
    InventoryReadService,
    ExpiryWorker,
    HoldSeatsHandler,
    ReleaseHoldHandler,
    PurchaseHoldHandler,
    { provide: PaymentProvider, useClass: SimulatedPaymentProvider },
  ],
  exports: [HoldLookup, PlaceHold, EndHold, HoldViews, ShardRegistry],
})
export class InventoryModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionsService) {}

  onModuleInit(): void {
    for (const projection of [new HoldsProjection(), new SeatAvailabilityProjection(), new RemainingCountProjection(), new SalesAuditProjection()]) {
      this.projections.register(projection);
    }
  }
}
