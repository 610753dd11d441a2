import type { City, EventInfo, Performer, Show, Venue } from './catalogEntities';

export type CityCreated = { type: 'CityCreated'; data: City };
export type VenueCreated = { type: 'VenueCreated'; data: Venue };
export type PerformerCreated = { type: 'PerformerCreated'; data: Performer };
export type EventCreated = { type: 'EventCreated'; data: EventInfo };
export type ShowScheduled = { type: 'ShowScheduled'; data: Show };

export type CatalogEvent = CityCreated | VenueCreated | PerformerCreated | EventCreated | ShowScheduled;

export const CATALOG_EVENT_TYPES: readonly CatalogEvent['type'][] = [
  'CityCreated',
  'VenueCreated',
  'PerformerCreated',
  'EventCreated',
  'ShowScheduled',
];
