import type { EventData, StoreLimits } from './eventStore';

/** Same for every adapter, so all of them accept exactly the same appends. */
export const MAX_STREAM_ID_LENGTH = 500;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an event costs an append besides its JSON: id, type and the store's own framing. */
const EVENT_OVERHEAD_BYTES = 100;

/**
 * What is wrong with an append before any store sees it, or undefined. The one
 * validator of every adapter: a rule added here holds for all of them. Event data is
 * checked for JSON later, where it is serialized (once).
 */
export function appendProblem(streamId: string, events: readonly EventData[], limits: StoreLimits): string | undefined {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
    return `stream id must be 1..${MAX_STREAM_ID_LENGTH} characters`;
  }
  if (streamId.startsWith('$')) return 'stream ids starting with $ are reserved for the system';
  if (streamId.includes('\u0000')) return 'stream ids cannot contain the NUL character';
  if (!Array.isArray(events) || events.length === 0) return 'an append needs at least one event';
  if (events.length > limits.maxEventsPerAppend) return `an append takes at most ${limits.maxEventsPerAppend} events on this store`;
  for (const event of events) {
    if (typeof event.type !== 'string' || event.type.length === 0) return 'every event needs a type';
    if (event.type.startsWith('$')) return 'event types starting with $ are reserved for the system';
    if (event.id !== undefined && (typeof event.id !== 'string' || !UUID.test(event.id))) return `event id ${String(event.id)} is not a uuid`;
  }
  return undefined;
}

/**
 * The size of an append as every adapter counts it against `maxAppendBytes`: the
 * UTF-8 bytes of each event's JSON data, metadata and type, plus a fixed overhead per
 * event. Throws TypeError when data or metadata is not JSON-serializable.
 */
export function appendSize(events: readonly EventData[]): number {
  let bytes = 0;
  for (const event of events) bytes += eventSize(event);
  return bytes;
}

export function eventSize(event: EventData): number {
  return eventBytes(JSON.stringify(event.data ?? null), event.metadata === undefined ? '' : JSON.stringify(event.metadata), event.type);
}

/** An event's size from its JSON as already serialized (an adapter counts what it sends). */
export function eventBytes(dataJson: string, metadataJson: string, type: string): number {
  return Buffer.byteLength(dataJson) + Buffer.byteLength(metadataJson) + Buffer.byteLength(type) + EVENT_OVERHEAD_BYTES;
}

/** The refusal for an append over the byte limit, worded alike by every adapter. */
export function oversizeProblem(bytes: number, limits: StoreLimits): string | undefined {
  return bytes > limits.maxAppendBytes ? `an append takes at most ${limits.maxAppendBytes} bytes on this store, this one has ${bytes}` : undefined;
}
