import { Module, type OnModuleInit } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { ProjectionsService } from '../projections/projections.service';
import { HoldSeatsHandler, PurchaseHoldHandler, ReleaseHoldHandler } from './commands/inventoryCommands';
import { ExpiryWorker } from './expiry/expiryWorker';
import { HoldService } from './holdService';
import { InventoryController } from './inventory.controller';
import { InventoryQueries } from './inventoryQueries';
import { InventoryReadService } from './inventoryReadService';
import { PaymentProvider } from './payments/paymentProvider';
import { SimulatedPaymentProvider } from './payments/simulatedPaymentProvider';
import { HoldsProjection } from './projections/holdsProjection';
import { RemainingCountProjection } from './projections/remainingCountProjection';
import { SalesAuditProjection } from './projections/salesAuditProjection';
import { SeatAvailabilityProjection } from './projections/seatAvailabilityProjection';
import { ShardRegistry } from './shardRegistry';

@Module({
  imports: [CatalogModule],
  controllers: [InventoryController],
  providers: [
    ShardRegistry,
    HoldService,
    InventoryQueries,
    InventoryReadService,
    ExpiryWorker,
    HoldSeatsHandler,
    ReleaseHoldHandler,
    PurchaseHoldHandler,
    { provide: PaymentProvider, useClass: SimulatedPaymentProvider },
  ],
  exports: [HoldService, ShardRegistry, InventoryQueries],
})
export class InventoryModule implements OnModuleInit {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly holds: HoldService,
    private readonly queries: InventoryQueries,
  ) {}

  onModuleInit(): void {
    for (const projection of [new HoldsProjection(), new SeatAvailabilityProjection(), new RemainingCountProjection(), new SalesAuditProjection()]) {
      this.projections.register(projection);
    }
    this.holds.findOrder = (customerId, orderId) => this.queries.order(customerId, orderId);
  }
}
