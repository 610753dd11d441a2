import { api } from '../api/client';
import { Show } from '../components';
import { dateTime, money } from '../format';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import { useAsync } from '../useAsync';
import { HolderMessages } from './HolderMessages';
import { OrderCharges } from './OrderCharges';
import { OrderShowDetails, sectionNames, showTitle } from './orderShow';
import { TicketList } from './TicketList';
import './orders.css';

async function loadOrder(orderId: string) {
  const order = await api('GET', '/v1/orders/{orderId}', { path: { orderId }, auth: 'customer' });
  const show = await api('GET', '/v1/shows/{showId}', { path: { showId: order.showId } }).catch(() => undefined);
  return { order, sections: sectionNames(show) };
}

export function OrderPage({ orderId }: { orderId: string }) {
  const loaded = useAsync(() => loadOrder(orderId), [orderId]);
  usePageTitle(loaded.state === 'done' ? `Your tickets: ${showTitle(loaded.value.order.show, loaded.value.order.showId)}` : loaded.state === 'error' ? 'Order not found' : undefined);
  return (
    <Show loaded={loaded} what="your tickets">
      {({ order, sections }) => (
        <section>
          <p class="crumbs">
            <Link href="/orders">My orders</Link> › {order.show?.eventName ?? `Order ${order.orderId.slice(0, 8)}`}
          </p>
          <h1>Your tickets</h1>
          {order.show ? <OrderShowDetails show={order.show} /> : <p>Show {order.showId}</p>}
          <p role="status" class="success">
            Paid {money(order.total, order.currency)} on {dateTime(order.purchasedAt, order.show?.timeZone)}. Show these at the entrance.
          </p>
          <OrderCharges order={order} />
          <TicketList tickets={order.tickets} sections={sections} />
          <button type="button" onClick={() => window.print()}>
            Print tickets
          </button>
          <HolderMessages showId={order.showId} />
        </section>
      )}
    </Show>
  );
}
