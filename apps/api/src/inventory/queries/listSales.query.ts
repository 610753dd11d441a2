import { Query } from '@nestjs/cqrs';

export interface SaleRow {
  ticketId: string;
  seatId?: string;
  ticketNumber?: number;
  tier: string;
  price: number;
  customerId: string;
  orderId: string;
  soldAt: string;
}

/** One page of a show's sold tickets in the order sold; `next` is the place to read on from, null after a short page. */
export interface SalesPage {
  items: SaleRow[];
  next: number | null;
}

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
