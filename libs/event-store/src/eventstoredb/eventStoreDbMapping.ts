import { randomUUID } from 'node:crypto';
import {
  ANY,
  END,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import type { EventData, ExpectedRevision, LogPosition, ReadStreamOptions, RecordedEvent, SubscriptionFilter } from '../eventStore';
import { compileFilter } from '../subscriptionFilter';

/*
 * Positions: every gRPC append is committed implicitly, so each event's commit position
 * is its own log position and is unique and strictly increasing. That is why the commit
 * position alone is our LogPosition, and why `{ commit: p, prepare: p }` addresses event p.
 * (Events written by explicit TCP-API transactions would share a commit position; this
 * system never writes them.)
 */

/** Servers before 22.6 send this instead of a position when reading a single stream. */
const NO_POSITION = 2n ** 64n - 1n;

export function toProposedEvent(event: EventData) {
  return jsonEvent({
    id: event.id ?? randomUUID(),
    type: event.type,
    // The client's type admits objects, arrays and strings only, but it serializes with
    // JSON.stringify, so numbers, booleans and null round-trip as well.
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata,
  });
}

export function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

export function toReadRevision(from: ReadStreamOptions['fromRevision'], direction: 'forwards' | 'backwards'): ReadRevision {
  if (from === undefined) return direction === 'backwards' ? END : START;
  if (from === 'start') return START;
  if (from === 'end') return END;
  return from;
}

export function toReadPosition(position: LogPosition): ReadPosition {
  return position === 'start' ? START : atPosition(position);
}

export function atPosition(commit: bigint): Position {
  return { commit, prepare: commit };
}

/** undefined means "no limit"; the client turns the number into a protobuf string, so it must be a whole number. */
export function normalizeMaxCount(maxCount: number | undefined): number | undefined {
  if (maxCount === undefined || !Number.isFinite(maxCount)) return undefined;
  return Math.max(0, Math.floor(maxCount));
}

export function isAfter(position: bigint, after: LogPosition): boolean {
  return after === 'start' || position > after;
}

export function commitOf(resolved: AllStreamResolvedEvent): bigint | undefined {
  return resolved.event?.position?.commit ?? resolved.commitPosition;
}

export function lastCommit(page: readonly AllStreamResolvedEvent[]): bigint | undefined {
  const last = page[page.length - 1];
  return last === undefined ? undefined : commitOf(last);
}

/** Reads of $all start at the record they are given, inclusive; the port's reads are exclusive. */
export function userEventsAfter(page: readonly AllStreamResolvedEvent[], after: LogPosition): RecordedEvent[] {
  return page.flatMap((resolved) => {
    const position = commitOf(resolved);
    if (position === undefined || !isAfter(position, after)) return [];
    return toUserEvent(resolved) ?? [];
  });
}

/** Drops what the rest of the system must never see: system events and links (the client does not resolve them here). */
export function toUserEvent(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
  const record = resolved.event;
  if (!record || resolved.link || isSystem(record.streamId, record.type)) return undefined;
  return toRecordedEvent(record, record.position.commit);
}

export function toStreamEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const record = resolved.event;
  if (!record) return undefined;
  return toRecordedEvent(record, requirePosition(record.position?.commit ?? resolved.commitPosition, record.streamId));
}

/** The server applies one filter; the stream filter is the selective one, so event types are then checked here. */
export function toServerFilter(filter: SubscriptionFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: exactMatch(filter.eventTypes) });
  return excludeSystemEvents();
}

/** Same semantics as every other adapter's (one filter for all). */
export const toClientPredicate = compileFilter;

function requirePosition(position: bigint | undefined, streamId: string): bigint {
  if (position === undefined || position === NO_POSITION) {
    throw new Error(`EventStoreDB returned no log position for an event of ${streamId}; server 22.6 or later is required`);
  }
  return position;
}

function isSystem(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

type ClientRecord = NonNullable<ResolvedEvent['event']> | NonNullable<AllStreamResolvedEvent['event']>;

function toRecordedEvent(record: ClientRecord, position: bigint): RecordedEvent {
  return {
    id: record.id,
    streamId: record.streamId,
    type: record.type,
    data: record.data,
    metadata: toMetadata(record.metadata),
    streamRevision: record.revision,
    position,
    created: record.created,
  };
}

/** Events written by other tools may carry binary or non-object metadata; the port promises an object. */
function toMetadata(metadata: unknown): Record<string, unknown> {
  const isObject = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata);
  return isObject && !(metadata instanceof Uint8Array) ? (metadata as Record<string, unknown>) : {};
}

function exactMatch(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
