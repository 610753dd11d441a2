import { countSeats, countSectionSeats, withShowDefaults, type PriceTier, type Show, type ShowKind, type Venue } from '@app/domain';
import type { ShowView } from '@app/contracts';
import { venueSummary } from './venueView';

/** The answer of `GET /v1/shows/:showId`, as libs/contracts defines it. */
export type { SectionLayout, ShowView } from '@app/contracts';

/** `timeZone`: the venue's city's, so no page has to fetch the cities to show the start. */
export function showView(scheduled: Show, venue: Venue, timeZone: string): ShowView {
  const show = withShowDefaults(scheduled);
  const seatMap = show.kind === 'seated' ? venue.seatMap : undefined;
  return {
    id: show.id,
    eventId: show.eventId,
    venueId: show.venueId,
    startsAt: show.startsAt,
    timeZone,
    kind: show.kind,
    holdSeconds: show.holdSeconds,
    maxTicketsPerCustomer: show.maxTicketsPerCustomer,
    tiers: show.tiers.map(({ tier, price, currency }) => ({ tier, price, currency })),
    serviceFeePerTicket: show.serviceFeePerTicket ?? 0,
    vatBasisPoints: show.vatBasisPoints ?? 0,
    capacity: seatMap ? countSeats(seatMap) : (show.capacity ?? 0),
    venue: venueSummary(venue),
    ...(seatMap
      ? {
          sections: seatMap.sections.map((section) => ({
            id: section.id,
            name: section.name,
            x: section.x,
            y: section.y,
            width: section.width,
            height: section.height,
            seats: countSectionSeats(section),
          })),
        }
      : {}),
  };
}
