import { api, hasCustomer } from '../api/client';
import type { OrdersPage as Orders } from '../api/types';
import { Show } from '../components';
import { dateTime, money } from '../format';
import { Link } from '../router';
import { useAsync } from '../useAsync';
import { HolderMessages } from './HolderMessages';

export function OrdersPage() {
  const loaded = useAsync(() => (hasCustomer() ? api('GET', '/v1/customers/me/orders', { auth: 'customer' }) : Promise.resolve<Orders>({ items: [] })), []);
  return (
    <section>
      <h1>My orders</h1>
      <Show loaded={loaded} what="your orders">
        {({ items }) =>
          items.length === 0 ? (
            <p>
              No orders from this browser yet. <Link href="/">Find a show</Link>
            </p>
          ) : (
            <table class="table">
              <caption class="sr-only">Orders, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Bought</th>
                  <th scope="col">Show</th>
                  <th scope="col">Tickets</th>
                  <th scope="col">Total</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {items.map((order) => (
                  <tr key={order.orderId}>
                    <td>{dateTime(order.purchasedAt)}</td>
                    <td>{order.showId}</td>
                    <td>{order.tickets.length}</td>
                    <td>{money(order.total, order.currency)}</td>
                    <td>
                      <Link href={`/orders/${encodeURIComponent(order.orderId)}`}>Tickets</Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
      <HolderMessages />
    </section>
  );
}
