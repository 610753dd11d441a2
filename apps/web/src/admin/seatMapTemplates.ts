import { arenaSeatMap, cinemaHallOneSeatMap, stadiumSeatMap } from '../../../../libs/domain/src/fixtures/demoVenues';
import type { SeatMap, VenueKind } from '../api/types';

/**
 * Seat maps an event manager starts a venue from: the demo catalog's own generators
 * (libs/domain), so a template is a map the API already accepts. Each lists its tiers,
 * which a show at the venue must price.
 */
export interface SeatMapTemplate {
  id: 'cinema' | 'arena' | 'stadium';
  label: string;
  kind: VenueKind;
  seats: number;
  tiers: string[];
  seatMap: SeatMap;
}

export const SEAT_MAP_TEMPLATES: readonly SeatMapTemplate[] = [
  { id: 'cinema', label: 'Cinema hall', kind: 'cinema', seats: 150, tiers: ['economy', 'regular', 'vip'], seatMap: cinemaHallOneSeatMap },
  { id: 'arena', label: 'Arena', kind: 'arena', seats: 19_880, tiers: ['vip', 'regular', 'economy'], seatMap: arenaSeatMap },
  { id: 'stadium', label: 'Stadium', kind: 'stadium', seats: 200_000, tiers: ['vip', 'regular', 'economy'], seatMap: stadiumSeatMap },
];
