import type { OrderTicket } from '../api/types';
import { money } from '../format';
import { ticketLabel, type SectionNames } from './orderShow';
import { TicketQr } from './TicketQr';

/** An order's tickets, each with its QR code to show at the entrance. */
export function TicketList({ tickets, sections }: { tickets: readonly OrderTicket[]; sections: SectionNames }) {
  return (
    <ul class="tickets" data-testid="tickets">
      {tickets.map((ticket) => {
        const name = ticketLabel(ticket, sections);
        return (
          <li class="ticket" key={ticket.ticketId}>
            <TicketQr text={ticket.pass ?? ticket.ticketId} label={`QR code of ${name}`} />
            <div>
              <strong>{name}</strong>
              <div>
                {ticket.tier} · {money(ticket.price, ticket.currency)}
              </div>
              <div class="muted">
                Ticket id <code data-testid="ticket-id">{ticket.ticketId}</code>
              </div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
