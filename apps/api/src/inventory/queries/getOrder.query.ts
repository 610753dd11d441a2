import { Query } from '@nestjs/cqrs';
import type { Order } from '../holds/holdTypes';

/** The customer's order, once the read models have the whole log; undefined for a missing order or someone else's. */
export class GetOrderQuery extends Query<Order | undefined> {
  constructor(
    readonly customerId: string,
    readonly orderId: string,
  ) {
    super();
  }
}
