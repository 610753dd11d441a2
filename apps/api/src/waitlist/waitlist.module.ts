import { OnSaleModule } from '../onsale/onsale.module';
import { Module, type OnModuleInit } from '@nestjs/common';
import { WaitlistProjection } from '@app/read-models';
import { InventoryModule } from '../inventory/inventory.module';
import { ProjectionsService } from '../projections/projections.service';
import { JoinWaitlistHandler } from './commands/joinWaitlist.handler';
import { LeaveWaitlistHandler } from './commands/leaveWaitlist.handler';
import { GetWaitlistEntryHandler } from './queries/getWaitlistEntry.handler';
import { WaitlistController } from './waitlist.controller';
import { WaitlistEndings } from './waitlistEndings';
import { WaitlistLines } from './waitlistLines';
import { WaitlistOffers } from './waitlistOffers';
import { WaitlistTimeouts } from './waitlistTimeouts';

/**
 * The waiting line of a sold-out show: one stream per show, joined and left over HTTP,
 * served by the `WaitlistOffers` process manager as seats come free.
 */
@Module({
  imports: [InventoryModule, OnSaleModule],
  controllers: [WaitlistController],
  providers: [WaitlistLines, WaitlistEndings, WaitlistTimeouts, WaitlistOffers, JoinWaitlistHandler, LeaveWaitlistHandler, GetWaitlistEntryHandler],
})
export class WaitlistModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionsService) {}

  onModuleInit(): void {
    this.projections.register(new WaitlistProjection());
  }
}
