import type { OrderShow, OrderTicket } from '@app/contracts';

/** Everything a receipt says. */
export interface ReceiptContent {
  orderId: string;
  show: OrderShow;
  /** Section names by id (from the show's seat map); a one-section venue names no section. */
  sections: ReadonlyMap<string, string>;
  tickets: readonly OrderTicket[];
  total: number;
  currency: string;
  purchasedAt: string;
  /** The signed link that opens the tickets. */
  link: string;
}

/** A moment on the venue's clock with the zone named ("Fri 4 Dec 2026, 18:00 CET"): the buyer reads the time of the venue, wherever the mail is opened. */
export function venueTime(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('day')} ${part('month')} ${part('year')}, ${part('hour')}:${part('minute')} ${part('timeZoneName')}`;
}

export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
}

/** "Row C, seat 7" in a one-section hall, "Floor 2, row 3, seat 4" where the venue has sections; a general-admission ticket by its number. */
export function ticketName(ticket: Pick<OrderTicket, 'seatId' | 'ticketNumber'>, sections: ReadonlyMap<string, string>): string {
  if (ticket.seatId) {
    const [section, row, number] = ticket.seatId.split('-');
    if (number === undefined) return `Seat ${ticket.seatId}`;
    return sections.size <= 1 ? `Row ${row}, seat ${number}` : `${sections.get(section) ?? section}, row ${row}, seat ${number}`;
  }
  return ticket.ticketNumber === undefined ? 'Ticket' : `Ticket #${ticket.ticketNumber}`;
}

/** The receipt's subject and plain-text body: event, venue, date and time in the venue's zone, the tickets, the total paid and the link. */
export function renderReceipt(r: ReceiptContent): { subject: string; text: string } {
  const when = venueTime(r.show.startsAt, r.show.timeZone);
  const count = `${r.tickets.length} ticket${r.tickets.length === 1 ? '' : 's'}`;
  const subject = `Your tickets: ${r.show.eventName}, ${r.show.venueName}, ${when}`;
  const lines = r.tickets.map((t) => `  ${ticketName(t, r.sections)} (${t.tier}): ${money(t.price, t.currency)}`);
  const text = [
    'Thank you for your order. This is your receipt.',
    '',
    r.show.eventName,
    `${r.show.venueName}, ${r.show.cityName}`,
    `${when} (${r.show.timeZone} time)`,
    '',
    `${count}:`,
    ...lines,
    '',
    `Total paid: ${money(r.total, r.currency)}, on ${venueTime(r.purchasedAt, r.show.timeZone)}`,
    '',
    'Your tickets with their QR codes, on any phone or computer:',
    r.link,
    '',
    'Anyone with this link can show these tickets at the entrance: share it only with the people you bought them for.',
    '',
    `Order ${r.orderId}`,
    '',
  ].join('\n');
  return { subject, text };
}
