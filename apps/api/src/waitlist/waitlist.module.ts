import { Module, type OnModuleInit } from '@nestjs/common';
import { WaitlistProjection } from '@app/read-models';
import { InventoryModule } from '../inventory/inventory.module';
import { ProjectionsService } from '../projections/projections.service';
import { JoinWaitlistHandler, LeaveWaitlistHandler } from './commands/waitlistCommands';
import { GetWaitlistEntryHandler } from './queries/getWaitlistEntry';
import { WaitlistController } from './waitlist.controller';
import { WaitlistLines } from './waitlistLines';
import { WaitlistOffers } from './waitlistOffers';
import { WaitlistService } from './waitlistService';
import { WaitlistTimeouts } from './waitlistTimeouts';

/**
 * The waiting line of a sold-out show: one stream per show, joined and left over HTTP,
 * served by the `WaitlistOffers` process manager as seats come free.
 */
@Module({
  imports: [InventoryModule],
  controllers: [WaitlistController],
  providers: [WaitlistLines, WaitlistService, WaitlistTimeouts, WaitlistOffers, JoinWaitlistHandler, LeaveWaitlistHandler, GetWaitlistEntryHandler],
  exports: [WaitlistService],
})
export class WaitlistModule implements OnModuleInit {
  constructor(private readonly projections: ProjectionsService) {}

  onModuleInit(): void {
    this.projections.register(new WaitlistProjection());
  }
}
