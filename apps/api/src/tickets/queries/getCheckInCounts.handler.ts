import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { checkInCounts } from '@app/domain';
import type { CheckInCounts } from '@app/contracts';
import { StaffScope } from '../../catalog/staffScope';
import { ShardRegistry } from '../../inventory/shardRegistry';
import { GetCheckInCountsQuery } from './getCheckInCounts.query';

/**
 * Admitted and not yet admitted, summed over the show's shards as they stand in the store
 * (each shard is read fresh: another process's gates count too). The gate page polls it.
 */
@QueryHandler(GetCheckInCountsQuery)
export class GetCheckInCountsHandler implements IQueryHandler<GetCheckInCountsQuery, CheckInCounts> {
  constructor(
    private readonly scope: StaffScope,
    private readonly registry: ShardRegistry,
  ) {}

  async execute({ staff, showId }: GetCheckInCountsQuery): Promise<CheckInCounts> {
    await this.scope.show(staff, showId);
    const inventory = (await this.registry.show(showId))!;
    const asOf = new Date().toISOString();
    const counts = await Promise.all(inventory.shards.map((s) => s.writer.read(checkInCounts, { fresh: true })));
    const sold = counts.reduce((n, c) => n + c.sold, 0);
    const admitted = counts.reduce((n, c) => n + c.admitted, 0);
    const refunded = counts.reduce((n, c) => n + c.refunded, 0);
    return { showId, sold, admitted, refunded, notAdmitted: sold - admitted - refunded, asOf };
  }
}
