import { Module, type OnModuleInit } from '@nestjs/common';
import { HoldsProjection, RemainingCountProjection, SalesAuditProjection, SalesQueries, SeatAvailabilityProjection } from '@app/read-models';
import { CatalogModule } from '../catalog/catalog.module';
import { ProjectionsService } from '../projections/projections.service';
import { HoldSeatsHandler, PurchaseHoldHandler, ReleaseHoldHandler } from './commands/inventoryCommands';
import { ExpiryWorker } from './expiry/expiryWorker';
import { HoldService } from './holdService';
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
    HoldService,
    InventoryReadService,
    ExpiryWorker,
    HoldSeatsHandler,
    ReleaseHoldHandler,
    PurchaseHoldHandler,
    { provide: PaymentProvider, useClass: SimulatedPaymentProvider },
  ],
  exports: [HoldService, ShardRegistry],
})
export class InventoryModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly holds: HoldService,
    private readonly sales: SalesQueries,
  ) {}

  onModuleInit(): void {
    for (const projection of [new HoldsProjection(), new SeatAvailabilityProjection(), new RemainingCountProjection(), new SalesAuditProjection()]) {
      this.projections.register(projection);
    }
    this.holds.findOrder = (customerId, orderId) => this.sales.order(customerId, orderId);
  }
}
