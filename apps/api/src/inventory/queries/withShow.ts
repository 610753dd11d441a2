import type { OrderShowQueries } from '@app/read-models';
import type { Order } from '../holds/holdTypes';

/** The order with what it is for (event, venue, start, the venue's zone), when the catalog has its show. */
export function withShow(order: Order, shows: OrderShowQueries): Order {
  const show = shows.of(order.showId);
  return show ? { ...order, show } : order;
}
