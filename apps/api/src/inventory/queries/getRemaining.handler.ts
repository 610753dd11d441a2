import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { AppConfig } from '@app/config';
import type { Remaining } from '@app/contracts';
import { remainingBound, shardSize, type ShardReport } from '@app/domain';
import { RegionalEventStore, type EventStore } from '@app/event-store';
import { RemainingCountQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { shardPlacement } from '../../infrastructure/openRegionalStore';
import { APP_CONFIG, EVENT_STORE } from '../../infrastructure/tokens';
import { ProjectionsService } from '../../projections/projections.service';
import { ShardRegistry } from '../shardRegistry';
import { GetRemainingQuery } from './getRemaining.query';

/**
 * The most tickets one shard can take per second: the bound's slope for a shard not heard
 * from lately. A shard's writer decides about 1,000 holds a second on the benchmark machine
 * (docs/performance.md), and a hold takes at most 10 tickets of one shard in a hot on-sale.
 */
export const MAX_TICKETS_PER_SHARD_SECOND = 1_000;
const SINGLE_GROUP = 'default';

@QueryHandler(GetRemainingQuery)
export class GetRemainingHandler implements IQueryHandler<GetRemainingQuery> {
  private readonly groupOf: (streamId: string) => string | undefined;

  constructor(
    private readonly registry: ShardRegistry,
    private readonly counts: RemainingCountQueries,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.groupOf = config.topology ? shardPlacement(config.topology) : () => SINGLE_GROUP;
  }

  async execute({ showId }: GetRemainingQuery): Promise<Remaining> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    // The counts are this region's read models: brought up to what the region's log holds now.
    await this.projections.catchUp();
    const now = new Date();
    const counted = new Map(this.counts.shardCounts(showId, now).map((c) => [c.shardId, c]));
    // Each group's share is as fresh as this region's last contact with its cluster.
    const freshness = this.store instanceof RegionalEventStore ? this.store.readsCurrentAtByCluster() : undefined;
    const single = this.store.readsCurrentAt().getTime();
    const reports: ShardReport[] = inventory.shards.map(({ plan }) => {
      const group = this.groupOf(`inventory-${showId}-${plan.shardId}`) ?? SINGLE_GROUP;
      const capacity = shardSize(plan);
      const count = counted.get(plan.shardId);
      return {
        shard: plan.shardId,
        group,
        capacity,
        available: Math.max(0, capacity - (count?.held ?? 0) - (count?.sold ?? 0)),
        heldExpired: count?.heldPastDue ?? 0,
        asOf: freshness?.[group]?.getTime() ?? single,
        maxTicketsPerSecond: MAX_TICKETS_PER_SHARD_SECOND,
      };
    });
    return remainingBound(reports, now.getTime());
  }
}
