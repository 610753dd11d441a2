import type { RecordedEvent } from '../eventStore';

/** The columns every read of events selects, from `events e JOIN streams s`. */
export const EVENT_COLUMNS = 'e.position, s.name, e.revision, e.id, e.type, e.data, e.metadata, e.created';

/** A row of `EVENT_COLUMNS` as `.raw()` returns it, columns in the same order. */
export type EventTuple = [position: number, name: string, revision: number, id: string, type: string, data: string, metadata: string | null, created: number];

export function tupleToRecordedEvent(row: EventTuple): RecordedEvent {
  return {
    id: row[3],
    streamId: row[1],
    type: row[4],
    data: JSON.parse(row[5]),
    metadata: row[6] === null ? {} : JSON.parse(row[6]),
    streamRevision: BigInt(row[2]),
    position: BigInt(row[0]),
    created: new Date(row[7]),
  };
}
