import type { City, EventInfo, Performer, Show, Venue } from './catalogEntities';

export type CityCreated = { type: 'CityCreated'; data: City };
export type VenueCreated = { type: 'VenueCreated'; data: Venue };
export type PerformerCreated = { type: 'PerformerCreated'; data: Performer };
export type EventCreated = { type: 'EventCreated'; data: EventInfo };
export type ShowScheduled = { type: 'ShowScheduled'; data: Show };
/**
 * A tier of a show costs `price` from `changedAt` on, on the show's own stream after its
 * ShowScheduled; who changed it is in the metadata (`by`). Holds made before keep the
 * price they recorded (`SeatsHeld.prices`).
 */
export type PriceChanged = {
  type: 'PriceChanged';
  data: { showId: string; tier: string; price: number; currency: string; previousPrice: number; changedAt: string };
};

export type CatalogEvent = CityCreated | VenueCreated | PerformerCreated | EventCreated | ShowScheduled | PriceChanged;

export const CATALOG_EVENT_TYPES: readonly CatalogEvent['type'][] = [
  'CityCreated',
  'VenueCreated',
  'PerformerCreated',
  'EventCreated',
  'ShowScheduled',
  'PriceChanged',
];
