import { Controller, Get, Header, Inject, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RegionalEventStore, type EventStore } from '@app/event-store';
import { AdminGuard } from '../auth/guards';
import { SINGLE_CLUSTER } from '../infrastructure/openRegionalStore';
import { EVENT_STORE } from '../infrastructure/tokens';
import { ProjectionsService } from '../projections/projections.service';
import { Metrics } from './metrics';

/** Prometheus' text format, for the admin token (Prometheus sends it as a bearer token). */
@ApiExcludeController()
@Controller('metrics')
@UseGuards(AdminGuard)
export class MetricsController {
  constructor(
    private readonly metrics: Metrics,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    const applied = this.projections.appliedPosition;
    const lag = await this.store.countEventsAfter(applied === 0n ? 'start' : applied, { cap: 1_000_000 }).catch(() => undefined);
    const now = Date.now();
    if (this.store instanceof RegionalEventStore) {
      // Spread over clusters: a cluster's lag is what the region has not copied yet, plus what the read models have not applied of the region's log.
      for (const [cluster, behind] of Object.entries(await this.store.lagByCluster())) {
        if (behind !== undefined && lag !== undefined) this.metrics.projectionLag.set({ cluster }, behind + lag);
      }
      for (const [cluster, at] of Object.entries(this.store.readsCurrentAtByCluster())) this.metrics.readsStaleness.set({ cluster }, Math.max(0, (now - at.getTime()) / 1_000));
    } else {
      if (lag !== undefined) this.metrics.projectionLag.set({ cluster: SINGLE_CLUSTER }, lag);
      this.metrics.readsStaleness.set({ cluster: SINGLE_CLUSTER }, Math.max(0, (now - this.store.readsCurrentAt().getTime()) / 1_000));
    }
    return this.metrics.registry.metrics();
  }
}
