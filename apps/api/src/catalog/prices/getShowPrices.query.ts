import { Query } from '@nestjs/cqrs';
import type { ShowPrices } from '@app/contracts';
import type { Staff } from '../../auth/staff';

export class GetShowPricesQuery extends Query<ShowPrices> {
  constructor(
    readonly staff: Staff,
    readonly showId: string,
  ) {
    super();
  }
}
