import { api, hasCustomer } from '../api/client';
import { Show } from '../components';
import { dateTime, money } from '../format';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import { useAsync } from '../useAsync';
import { HolderMessages } from './HolderMessages';
import { OrderShowDetails, sectionsOfShows, ticketsSummary } from './orderShow';
import './orders.css';

async function loadOrders() {
  if (!hasCustomer()) return { items: [], sections: new Map() };
  const { items } = await api('GET', '/v1/customers/me/orders', { auth: 'customer' });
  return { items, sections: await sectionsOfShows(items.map((o) => o.showId)) };
}

export function OrdersPage() {
  const loaded = useAsync(loadOrders, []);
  const count = loaded.state === 'done' ? loaded.value.items.length : undefined;
  usePageTitle(count === undefined ? undefined : count === 0 ? 'My orders' : `My orders (${count})`);
  return (
    <section>
      <h1>My orders</h1>
      <Show loaded={loaded} what="your orders">
        {({ items, sections }) =>
          items.length === 0 ? (
            <p>
              No orders from this browser yet. <Link href="/">Find a show</Link>
            </p>
          ) : (
            <ul class="order-list" aria-label="Orders, newest first">
              {items.map((order) => {
                const name = order.show?.eventName ?? order.showId;
                return (
                  <li class="order-card" key={order.orderId} data-testid="order">
                    <h2>{name}</h2>
                    {order.show ? <OrderShowDetails show={order.show} event={false} /> : null}
                    <p class="order-seats">
                      {order.tickets.length} ticket{order.tickets.length === 1 ? '' : 's'}: {ticketsSummary(order.tickets, sections.get(order.showId))}
                    </p>
                    <p>
                      Paid {money(order.total, order.currency)} <span class="muted">on {dateTime(order.purchasedAt, order.show?.timeZone)}</span>
                    </p>
                    <Link class="button-link" href={`/orders/${encodeURIComponent(order.orderId)}`}>
                      Show tickets<span class="sr-only"> for {name}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          )
        }
      </Show>
      <HolderMessages />
    </section>
  );
}
