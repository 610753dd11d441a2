import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AppConfig } from '@app/config';
import type { Remaining } from '@app/contracts';
import { MAX_TRANSFER_TICKETS, TRANSFER_SPACING_MS, remainingBound, type ShardReport } from '@app/domain';
import { RegionalEventStore, type EventStore } from '@app/event-store';
import { RemainingCountQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { APP_CONFIG, EVENT_STORE } from '../../infrastructure/tokens';
import { ProjectionsService } from '../../projections/projections.service';
import { shardFigures } from '../shardFigures';
import { ShardRegistry } from '../shardRegistry';
import { CapacityTransfers } from '../transfers/capacityTransfers';
import { GetRemainingQuery } from './getRemaining.query';


@QueryHandler(GetRemainingQuery)
export class GetRemainingHandler implements IQueryHandler<GetRemainingQuery> {
  /** The most tickets one shard can take per second (REMAINING_SHARD_RATE): the bound's slope. */
  private readonly shardRate: number;

  constructor(
    private readonly registry: ShardRegistry,
    private readonly counts: RemainingCountQueries,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly transfers: CapacityTransfers,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.shardRate = config.remainingShardRate;
  }

  async execute({ showId }: GetRemainingQuery): Promise<Remaining> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    // How current each group's figures are, read before the read models catch up with the log:
    // whatever the log held by then, they hold after. On one store, this moment; spread over
    // clusters, the last moment this region knew its copy of each cluster complete.
    const asked = Date.now();
    const freshness = this.store instanceof RegionalEventStore ? this.store.readsCurrentAtByCluster() : undefined;
    const single = Math.min(asked, this.store.readsCurrentAt().getTime());
    await this.projections.catchUp();
    const now = new Date();
    // Where capacity can move (general admission on a topology), a shard's count can also jump:
    // down when it gives tickets, up when it is its group's landing shard.
    const movable = this.transfers.enabled && inventory.shards.every((s) => s.plan.kind === 'general');
    const landing = movable ? this.transfers.landingShards(inventory) : new Set<string>();
    const reports: ShardReport[] = shardFigures(inventory, this.counts.shardCounts(showId, now), this.transfers.group).map((shard) => ({
      shard: shard.shardId,
      group: shard.group,
      capacity: shard.capacity,
      available: shard.available,
      heldExpired: shard.heldPastDue,
      held: shard.held,
      asOf: Math.min(asked, freshness?.[shard.group]?.getTime() ?? single),
      maxTicketsPerSecond: this.shardRate,
      ...(movable ? { transfers: { tickets: MAX_TRANSFER_TICKETS, everyMs: TRANSFER_SPACING_MS, out: true, in: landing.has(shard.shardId) } } : {}),
    }));
    const inTransit = movable ? this.counts.transfers(showId).reduce((n, t) => n + (t.inAt === undefined ? t.count : 0), 0) : 0;
    return remainingBound(reports, now.getTime(), inTransit);
  }
}
