import { Query } from '@nestjs/cqrs';
import type { SalesPage } from '@app/contracts';

/** One page of a show's sold tickets in the order sold (`next`: the place to read on from, null after a short page), as libs/contracts defines it. */
export type { Sale as SaleRow, SalesPage } from '@app/contracts';

/** For auditors: the tickets after place `after`, at most `limit`. */
export class ListSalesQuery extends Query<SalesPage> {
  constructor(
    readonly showId: string,
    readonly after: number,
    readonly limit: number,
  ) {
    super();
  }
}
