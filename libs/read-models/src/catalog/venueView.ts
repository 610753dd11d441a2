import { countSeats, type Venue } from '@app/domain';
import type { VenueSummary, VenueView } from '@app/contracts';

/** A venue as the API answers it (`GET /v1/venues/:venueId`; the summary inside shows and events), as libs/contracts defines it. */
export type { VenueSummary, VenueView } from '@app/contracts';

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
