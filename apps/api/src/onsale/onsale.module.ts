import { Logger, Module, type OnApplicationBootstrap, type OnModuleInit } from '@nestjs/common';
import { HOT_ONSALES_STREAM } from '@app/domain';
import { CatalogModule } from '../catalog/catalog.module';
import { ProjectionsService } from '../projections/projections.service';
import { HotOnSales } from './hotOnSales';
import { OnSaleController } from './onsale.controller';
import { ProofOfWork } from './proofOfWork';
import { QueuePassGuard } from './queuePass.guard';
import { QueuePasses } from './queuePasses';
import { WaitingRooms } from './waitingRooms';

const ROOM_PREFIX = 'waiting-room-';

/**
 * Bots kept out, humans let in: hot on-sales with a waiting room that hands out signed
 * queue passes in arrival order (QueuePassGuard asks for one on a hot show's holds), and
 * the proof-of-work new identities pay while one is open.
 */
@Module({
  imports: [CatalogModule],
  controllers: [OnSaleController],
  providers: [HotOnSales, QueuePasses, WaitingRooms, QueuePassGuard, ProofOfWork],
  exports: [HotOnSales, QueuePasses, QueuePassGuard, ProofOfWork],
})
export class OnSaleModule implements OnModuleInit, OnApplicationBootstrap {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly hot: HotOnSales,
    private readonly rooms: WaitingRooms,
  ) {}

  onModuleInit(): void {
    // Another process's marks and joins reach this one through the log.
    this.projections.onApplied((batch) => {
      for (const event of batch) {
        if (event.streamId === HOT_ONSALES_STREAM) this.hot.seen();
        else if (event.streamId.startsWith(ROOM_PREFIX)) this.rooms.seen(event.streamId.slice(ROOM_PREFIX.length), event.streamRevision);
      }
    });
  }

  /** The hot list in memory before the first hold, so no hold waits for it. */
  async onApplicationBootstrap(): Promise<void> {
    await this.hot.warm().catch((error: unknown) => new Logger('HotOnSales').warn(`hot on-sales not loaded yet (the first hold loads them): ${String(error)}`));
  }
}
