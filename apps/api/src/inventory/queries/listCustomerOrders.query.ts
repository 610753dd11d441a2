import { Query } from '@nestjs/cqrs';
import type { Order } from '../holds/holdTypes';

/** Every order of the customer, once the read models have the whole log. */
export class ListCustomerOrdersQuery extends Query<Order[]> {
  constructor(readonly customerId: string) {
    super();
  }
}
