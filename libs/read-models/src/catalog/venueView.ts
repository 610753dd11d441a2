import { countSeats, type SeatMap, type Venue, type VenueKind } from '@app/domain';

/** What a show or event page needs to name the place; the seat map is fetched separately. */
export interface VenueSummary {
  id: string;
  name: string;
  cityId: string;
  kind: VenueKind;
}

export interface VenueView extends VenueSummary {
  /** Seats in the seat map; 0 for general-admission grounds, whose capacity is set per show. */
  capacity: number;
  /** Compact form: rows carry a count or number ranges, never one object per seat. */
  seatMap?: SeatMap;
}

export function venueSummary(venue: Venue): VenueSummary {
  return { id: venue.id, name: venue.name, cityId: venue.cityId, kind: venue.kind };
}

export function venueView(venue: Venue): VenueView {
  return {
    ...venueSummary(venue),
    capacity: venue.seatMap ? countSeats(venue.seatMap) : 0,
    ...(venue.seatMap ? { seatMap: venue.seatMap } : {}),
  };
}
