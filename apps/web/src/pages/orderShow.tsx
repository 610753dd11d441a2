import { api } from '../api/client';
import type { OrderShow, OrderTicket, ShowView } from '../api/types';
import { dateTime } from '../format';

/** Section names by id, from the show's view; a one-section hall names none. */
export type SectionNames = ReadonlyMap<string, string>;

export function sectionNames(show: Pick<ShowView, 'sections'> | undefined): SectionNames {
  return new Map((show?.sections ?? []).map((s) => [s.id, s.name] as const));
}

/** The sections of each show, read once per show (the public show view). */
export async function sectionsOfShows(showIds: readonly string[]): Promise<Map<string, SectionNames>> {
  const unique = [...new Set(showIds)];
  const views = await Promise.all(unique.map((showId) => api('GET', '/v1/shows/{showId}', { path: { showId } }).catch(() => undefined)));
  return new Map(unique.map((showId, i) => [showId, sectionNames(views[i])]));
}

/** "Row C, seat 7" in a one-section hall, "Floor 2, row 3, seat 4" where the venue has sections; general admission by number. */
export function ticketLabel(ticket: Pick<OrderTicket, 'seatId' | 'ticketNumber'>, sections: SectionNames = new Map()): string {
  if (ticket.seatId) {
    const [section, row, number] = ticket.seatId.split('-');
    if (number === undefined) return `Seat ${ticket.seatId}`;
    return sections.size <= 1 ? `Row ${row}, seat ${number}` : `${sections.get(section) ?? section}, row ${row}, seat ${number}`;
  }
  return ticket.ticketNumber === undefined ? 'Ticket' : `Ticket #${ticket.ticketNumber}`;
}

/** The tickets in a line: seats by name, general admission as a count per tier. */
export function ticketsSummary(tickets: readonly OrderTicket[], sections?: SectionNames): string {
  if (tickets.every((t) => t.seatId)) return tickets.map((t) => ticketLabel(t, sections)).join('; ');
  const byTier = new Map<string, number>();
  for (const t of tickets) byTier.set(t.tier, (byTier.get(t.tier) ?? 0) + 1);
  return [...byTier].map(([tier, n]) => `${n} × ${tier}`).join(', ');
}

/** When the show starts, on the venue's clock with the zone named. */
export function showTime(show: OrderShow): string {
  return dateTime(show.startsAt, show.timeZone);
}

/** "The Long Night, Fri 15 Jan 2027, 20:30 CET": what a page about the order is called. */
export function showTitle(show: OrderShow | undefined, fallback: string): string {
  return show ? `${show.eventName}, ${showTime(show)}` : fallback;
}

/** The event, venue and start of an order's show, as a block under a heading (`event` false: the heading names the event already). */
export function OrderShowDetails({ show, event = true }: { show: OrderShow; event?: boolean }) {
  return (
    <dl class="order-show">
      {event ? (
        <>
          <dt class="sr-only">Event</dt>
          <dd class="order-event">{show.eventName}</dd>
        </>
      ) : null}
      <dt class="sr-only">Venue</dt>
      <dd>
        {show.venueName}, {show.cityName}
      </dd>
      <dt class="sr-only">Starts</dt>
      <dd>
        <time dateTime={show.startsAt}>{showTime(show)}</time>
      </dd>
    </dl>
  );
}
