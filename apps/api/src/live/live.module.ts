import { Logger, Module, type BeforeApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { RecordedEvent } from '@app/event-store';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { InventoryModule } from '../inventory/inventory.module';
import { InventoryReadService } from '../inventory/inventoryReadService';
import { ProjectionsService } from '../projections/projections.service';
import { WaitlistModule } from '../waitlist/waitlist.module';
import { LiveController } from './live.controller';
import { LiveConnections } from './liveConnections';
import { LiveLimits } from './liveLimits';
import { ShowUpdatesHub } from './shows/showUpdatesHub';
import { WaitlistUpdatesHub } from './waitlist/waitlistUpdatesHub';

/** Live updates over Server-Sent Events, fed by the projections' applied batches. */
@Module({
  imports: [InventoryModule, WaitlistModule],
  controllers: [LiveController],
  // InventoryModule does not export its read service; it is stateless but for a cache, so a second instance is harmless.
  providers: [
    {
      provide: LiveLimits,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Object.assign(new LiveLimits(), { maxConnectionsPerAddress: config.liveStreamsPerAddress, maxConnectionsPerCustomer: config.liveStreamsPerCustomer }),
    },
    LiveConnections, InventoryReadService, ShowUpdatesHub, WaitlistUpdatesHub],
  exports: [ShowUpdatesHub, WaitlistUpdatesHub, LiveLimits, LiveConnections],
})
export class LiveModule implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('LiveUpdates');

  constructor(
    private readonly projections: ProjectionsService,
    private readonly connections: LiveConnections,
    private readonly shows: ShowUpdatesHub,
    private readonly waitlist: WaitlistUpdatesHub,
  ) {}

  onModuleInit(): void {
    // Before the runner starts (at bootstrap): the listener then sees every batch after the read model's state.
    this.shows.seedFromReadModel();
    // One listener for the process; clients come and go inside the hubs.
    this.projections.onApplied((batch) => this.fanOut(batch));
  }

  beforeApplicationShutdown(): void {
    // Open streams would keep the HTTP server from closing.
    this.connections.shutDown();
    this.shows.closeAll();
    this.waitlist.closeAll();
  }

  /** Runs inside the projection runner's flush: it must be quick and must never throw. */
  private fanOut(batch: readonly RecordedEvent[]): void {
    try {
      this.shows.onApplied(batch);
    } catch (error) {
      this.logger.error(`show updates failed on a batch ending at ${batch[batch.length - 1]?.position}: ${error instanceof Error ? error.stack : String(error)}`);
    }
    try {
      this.waitlist.onApplied(batch);
    } catch (error) {
      this.logger.error(`waiting-line updates failed on a batch ending at ${batch[batch.length - 1]?.position}: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }
}
