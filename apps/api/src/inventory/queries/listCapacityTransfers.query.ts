import { Query } from '@nestjs/cqrs';
import type { CapacityTransfers } from '@app/contracts';

/** A show's capacity transfers as this region has seen them, and each shard's capacity after them. */
export class ListCapacityTransfersQuery extends Query<CapacityTransfers> {
  constructor(readonly showId: string) {
    super();
  }
}
