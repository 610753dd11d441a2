import type { CatalogEvent } from '@app/domain';

/** Every catalog entity lives in its own stream, so creating one is a single append with `no_stream`. */
export type CatalogEntityKind = 'city' | 'venue' | 'performer' | 'event' | 'show';

export function catalogStream(kind: CatalogEntityKind, id: string): string {
  return `catalog-${kind}-${id}`;
}

/** The event that creates each kind of entity: the first (and so far only) event of its stream. */
export type CreationEventOf<K extends CatalogEntityKind> = {
  city: Extract<CatalogEvent, { type: 'CityCreated' }>;
  venue: Extract<CatalogEvent, { type: 'VenueCreated' }>;
  performer: Extract<CatalogEvent, { type: 'PerformerCreated' }>;
  event: Extract<CatalogEvent, { type: 'EventCreated' }>;
  show: Extract<CatalogEvent, { type: 'ShowScheduled' }>;
}[K];

export const CREATION_EVENT_TYPE: { [K in CatalogEntityKind]: CreationEventOf<K>['type'] } = {
  city: 'CityCreated',
  venue: 'VenueCreated',
  performer: 'PerformerCreated',
  event: 'EventCreated',
  show: 'ShowScheduled',
};
