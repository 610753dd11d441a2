import { Inject, Injectable } from '@nestjs/common';
import type { PriceChanged, Show } from '@app/domain';
import { WrongExpectedVersionError, type AppendResult, type EventStore, type RecordedEvent } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { AppError } from '../application/appError';
import { catalogStream, CREATION_EVENT_TYPE, type CatalogEntityKind, type CreationEventOf } from './catalogStreams';

const LABEL: Record<CatalogEntityKind, string> = { city: 'City', venue: 'Venue', performer: 'Performer', event: 'Event', show: 'Show' };

/** A show's stream as written: how it was scheduled, every price change since, and the stream's last revision. */
export interface ShowStream {
  scheduled: Show;
  changes: Array<RecordedEvent<'PriceChanged', PriceChanged['data']>>;
  revision: bigint;
}

/**
 * The write side of the catalog. Entities are created once, so an entity's state is its
 * creation event and there is nothing to decide beyond "does the stream exist yet": the
 * append's `no_stream` expectation is that decision, and it holds even when two admins
 * (or two processes) create the same id at once. A show's prices are the exception: they
 * change later, as `PriceChanged` events after its `ShowScheduled` (see `loadShow`).
 */
@Injectable()
export class CatalogRepository {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** `by`: the staff member's user id, kept in the event's metadata. */
  async create<K extends CatalogEntityKind>(kind: K, id: string, data: CreationEventOf<K>['data'], by: string): Promise<AppendResult> {
    try {
      return await this.store.appendToStream(catalogStream(kind, id), [{ type: CREATION_EVENT_TYPE[kind], data, metadata: { by } }], {
        expectedRevision: 'no_stream',
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        throw new AppError('already_exists', `${LABEL[kind]} ${id} already exists`, { kind, id });
      }
      throw error;
    }
  }

  /** Straight from the entity's stream: strongly consistent, unlike the read model. */
  async load<K extends CatalogEntityKind>(kind: K, id: string): Promise<CreationEventOf<K>['data'] | undefined> {
    const [first] = await this.store.readStream(catalogStream(kind, id), { maxCount: 1 });
    if (!first) return undefined;
    if (first.type !== CREATION_EVENT_TYPE[kind]) {
      throw new Error(`Stream ${catalogStream(kind, id)} starts with ${first.type}, not ${CREATION_EVENT_TYPE[kind]}`);
    }
    return first.data as CreationEventOf<K>['data'];
  }

  /** The whole stream of a show (a creation and its price changes: a handful of events), or undefined. */
  async loadShow(showId: string): Promise<ShowStream | undefined> {
    const stream = catalogStream('show', showId);
    const events = await this.store.readStream(stream);
    const [first] = events;
    if (!first) return undefined;
    if (first.type !== 'ShowScheduled') throw new Error(`Stream ${stream} starts with ${first.type}, not ShowScheduled`);
    const changes = events.filter((e) => e.type === 'PriceChanged') as ShowStream['changes'];
    return { scheduled: first.data as Show, changes, revision: events[events.length - 1].streamRevision };
  }

  /** Like `load`, but a missing entity is the caller's mistake: 404 naming it and the field that referenced it. */
  async require<K extends CatalogEntityKind>(kind: K, id: string, field: string): Promise<CreationEventOf<K>['data']> {
    const found = await this.load(kind, id);
    if (!found) throw new AppError('not_found', `${LABEL[kind]} ${id} does not exist`, { field, id });
    return found;
  }
}
