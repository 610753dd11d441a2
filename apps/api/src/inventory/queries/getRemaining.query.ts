import { Query } from '@nestjs/cqrs';
import type { Remaining } from '@app/contracts';

/** How many tickets of a show are left, everywhere, with the bound and the freshness of each shard group. */
export class GetRemainingQuery extends Query<Remaining> {
  constructor(readonly showId: string) {
    super();
  }
}
