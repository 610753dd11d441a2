import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { CapacityTransfers } from '@app/contracts';
import { RemainingCountQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { ProjectionsService } from '../../projections/projections.service';
import { shardFigures } from '../shardFigures';
import { ShardRegistry } from '../shardRegistry';
import { CapacityTransfers as Transfers } from '../transfers/capacityTransfers';
import { ListCapacityTransfersQuery } from './listCapacityTransfers.query';

@QueryHandler(ListCapacityTransfersQuery)
export class ListCapacityTransfersHandler implements IQueryHandler<ListCapacityTransfersQuery> {
  constructor(
    private readonly registry: ShardRegistry,
    private readonly counts: RemainingCountQueries,
    private readonly projections: ProjectionsService,
    private readonly transfers: Transfers,
  ) {}

  async execute({ showId }: ListCapacityTransfersQuery): Promise<CapacityTransfers> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    await this.projections.catchUp();
    const transfers = this.counts.transfers(showId).map(({ tier: _tier, outAt, inAt, ...t }) => ({
      ...t,
      status: inAt === undefined ? ('in_transit' as const) : outAt === undefined ? ('arriving' as const) : ('completed' as const),
      ...(outAt ? { outAt } : {}),
      ...(inAt ? { inAt } : {}),
    }));
    return {
      showId,
      transfers,
      inTransit: transfers.filter((t) => t.status === 'in_transit').reduce((n, t) => n + t.count, 0),
      byShard: shardFigures(inventory, this.counts.shardCounts(showId, new Date()), this.transfers.group).map(({ shardId, group, capacity, available }) => ({ shardId, group, capacity, available })),
    };
  }
}
