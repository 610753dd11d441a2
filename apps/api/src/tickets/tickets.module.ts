import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { InventoryModule } from '../inventory/inventory.module';
import { CheckInTicketHandler } from './commands/checkInTicket.handler';
import { RefundOrderHandler } from './commands/refundOrder.handler';
import { GetCheckInCountsHandler } from './queries/getCheckInCounts.handler';
import { TicketsController } from './tickets.controller';

/**
 * Sold tickets after the sale: their signed passes (TicketPasses, provided with the
 * inventory, which answers orders), check-in at the gates, refunds and the gate counts.
 */
@Module({
  imports: [CatalogModule, InventoryModule],
  controllers: [TicketsController],
  providers: [CheckInTicketHandler, RefundOrderHandler, GetCheckInCountsHandler],
})
export class TicketsModule {}
