import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AppConfig } from '@app/config';
import type { Remaining } from '@app/contracts';
import { MAX_TRANSFER_TICKETS, TRANSFER_SPACING_MS, remainingBound, shardSize, type ShardReport } from '@app/domain';
import { RegionalEventStore, type EventStore } from '@app/event-store';
import { RemainingCountQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { SINGLE_CLUSTER, shardGroups } from '../../infrastructure/openRegionalStore';
import { APP_CONFIG, EVENT_STORE } from '../../infrastructure/tokens';
import { ProjectionsService } from '../../projections/projections.service';
import { ShardRegistry } from '../shardRegistry';
import { CapacityTransfers } from '../transfers/capacityTransfers';
import { GetRemainingQuery } from './getRemaining.query';


@QueryHandler(GetRemainingQuery)
export class GetRemainingHandler implements IQueryHandler<GetRemainingQuery> {
  private readonly groupOf: (shardId: string) => string;
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
    this.groupOf = config.topology ? shardGroups(config.topology) : () => SINGLE_CLUSTER;
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
    const counted = new Map(this.counts.shardCounts(showId, now).map((c) => [c.shardId, c]));
    // Where capacity can move (general admission on a topology), a shard's count can also jump:
    // down when it gives tickets, up when it is its group's landing shard.
    const movable = this.transfers.enabled && inventory.shards.every((s) => s.plan.kind === 'general');
    const landing = new Set(movable ? [...new Set(inventory.shards.map((s) => this.groupOf(s.plan.shardId)))].map((g) => this.transfers.landing(inventory, g)) : []);
    const reports: ShardReport[] = inventory.shards.map(({ plan }) => {
      const group = this.groupOf(plan.shardId);
      const count = counted.get(plan.shardId);
      const capacity = shardSize(plan) + (count?.moved ?? 0);
      return {
        shard: plan.shardId,
        group,
        capacity,
        available: Math.max(0, capacity - (count?.held ?? 0) - (count?.sold ?? 0)),
        heldExpired: count?.heldPastDue ?? 0,
        held: count?.held ?? 0,
        asOf: Math.min(asked, freshness?.[group]?.getTime() ?? single),
        maxTicketsPerSecond: this.shardRate,
        ...(movable ? { transfers: { tickets: MAX_TRANSFER_TICKETS, everyMs: TRANSFER_SPACING_MS, out: true, in: landing.has(plan.shardId) } } : {}),
      };
    });
    const inTransit = movable ? this.counts.transfers(showId).reduce((n, t) => n + (t.inAt === undefined ? t.count : 0), 0) : 0;
    return remainingBound(reports, now.getTime(), inTransit);
  }
}
