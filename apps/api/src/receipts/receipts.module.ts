import { Module, type OnModuleInit } from '@nestjs/common';
import { PendingReceiptsProjection } from '@app/read-models';
import { InventoryModule } from '../inventory/inventory.module';
import { ReceiptMailings } from '../outbox/receiptMailings';
import { ProjectionsService } from '../projections/projections.service';
import { ReceiptLinks } from './receiptLinks';
import { Receipts } from './receipts';
import { ReceiptsController } from './receipts.controller';

/** Order receipts: emailed through the outbox after a purchase with an address, and opened by their signed link. */
@Module({
  imports: [InventoryModule],
  controllers: [ReceiptsController],
  providers: [ReceiptLinks, Receipts, ReceiptMailings],
  exports: [ReceiptMailings],
})
export class ReceiptsModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionsService) {}

  onModuleInit(): void {
    this.projections.register(new PendingReceiptsProjection());
  }
}
