import { countSeats, countSectionSeats, withShowDefaults, type PriceTier, type Show, type ShowKind, type Venue } from '@app/domain';
import { venueSummary, type VenueSummary } from './venueView';

/** A section as the seat picker draws it: its box and seat count; the seats come from availability. */
export interface SectionLayout {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  seats: number;
}

export interface ShowView {
  id: string;
  eventId: string;
  venueId: string;
  startsAt: string;
  kind: ShowKind;
  holdSeconds: number;
  maxTicketsPerCustomer: number;
  tiers: PriceTier[];
  /** Seats in the venue's map for a seated show; the ticket count for general admission. */
  capacity: number;
  venue: VenueSummary;
  /** Seated shows only. */
  sections?: SectionLayout[];
}

export function showView(scheduled: Show, venue: Venue): ShowView {
  const show = withShowDefaults(scheduled);
  const seatMap = show.kind === 'seated' ? venue.seatMap : undefined;
  return {
    id: show.id,
    eventId: show.eventId,
    venueId: show.venueId,
    startsAt: show.startsAt,
    kind: show.kind,
    holdSeconds: show.holdSeconds,
    maxTicketsPerCustomer: show.maxTicketsPerCustomer,
    tiers: show.tiers.map(({ tier, price, currency }) => ({ tier, price, currency })),
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
