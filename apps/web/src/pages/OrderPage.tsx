import { api } from '../api/client';
import { seatName } from '../api/messages';
import { Show } from '../components';
import { dateTime, money } from '../format';
import { Link } from '../router';
import { useAsync } from '../useAsync';
import { HolderMessages } from './HolderMessages';
import { OrderCharges } from './OrderCharges';
import { TicketQr } from './TicketQr';

async function loadOrder(orderId: string) {
  const order = await api('GET', '/v1/orders/{orderId}', { path: { orderId }, auth: 'customer' });
  const show = await api('GET', '/v1/shows/{showId}', { path: { showId: order.showId } });
  const [event, cities] = await Promise.all([api('GET', '/v1/events/{eventId}', { path: { eventId: show.eventId } }), api('GET', '/v1/cities')]);
  return { order, show, event, city: cities.find((c) => c.id === show.venue.cityId) };
}

export function OrderPage({ orderId }: { orderId: string }) {
  const loaded = useAsync(() => loadOrder(orderId), [orderId]);
  return (
    <Show loaded={loaded} what="your tickets">
      {({ order, show, event, city }) => (
        <section>
          <p class="crumbs">
            <Link href="/orders">My orders</Link> › Order {order.orderId.slice(0, 8)}
          </p>
          <h1>Your tickets</h1>
          <p role="status" class="success">
            Paid {money(order.total, order.currency)} on {dateTime(order.purchasedAt)}. Show these at the entrance.
          </p>
          <OrderCharges order={order} />
          <p>
            <strong>{event.name}</strong> · {show.venue.name}, {city?.name ?? show.venue.cityId} · {dateTime(show.startsAt, city?.timeZone)}
          </p>
          <ul class="tickets" data-testid="tickets">
            {order.tickets.map((ticket) => (
              <li class="ticket" key={ticket.ticketId}>
                <TicketQr text={ticket.pass ?? ticket.ticketId} label={`QR code of ticket ${ticket.ticketId}`} />
                <div>
                  <strong>{ticket.seatId ? seatName(ticket.seatId) : `Ticket #${ticket.ticketNumber ?? ''}`}</strong>
                  <div>
                    {ticket.tier} · {money(ticket.price, ticket.currency)}
                  </div>
                  <div class="muted">
                    Ticket id <code data-testid="ticket-id">{ticket.ticketId}</code>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => window.print()}>
            Print tickets
          </button>
          <HolderMessages showId={order.showId} />
        </section>
      )}
    </Show>
  );
}
