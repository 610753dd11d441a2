import { randomUUID } from 'node:crypto';
import { eventBytes } from '../appendRules';
import type { EventData, RecordedEvent } from '../eventStore';

/**
 * One append's events as one etcd value: JSON whose event data is spliced in as
 * serialized once, so the size counted against the limit is the size sent.
 */
export interface SerializedBatch {
  ids: string[];
  /** The events as a JSON array; `batchBody` adds where they start in their transaction. */
  events: string;
  /** As `appendSize` counts it. */
  bytes: number;
}

interface StoredEvent {
  /** id */
  i: string;
  /** type */
  t: string;
  /** data */
  d: unknown;
  /** metadata, when there is any */
  m?: Record<string, unknown>;
  /** created, ms since the epoch */
  c: number;
}

/** Events per etcd revision in a log position: position = revision × 1000 + index in the append. */
export const POSITIONS_PER_REVISION = 1000;

export function positionOf(revision: number, index: number): bigint {
  return BigInt(revision) * BigInt(POSITIONS_PER_REVISION) + BigInt(index);
}

export function splitPosition(position: bigint): { revision: number; index: number } {
  const per = BigInt(POSITIONS_PER_REVISION);
  return { revision: Number(position / per), index: Number(position % per) };
}

/** Throws TypeError when data or metadata is not JSON-serializable. */
export function serializeBatch(events: readonly EventData[], now: number): SerializedBatch {
  const ids: string[] = [];
  const parts: string[] = [];
  let bytes = 0;
  for (const event of events) {
    const id = event.id ?? randomUUID();
    const data = JSON.stringify(event.data ?? null);
    const metadata = event.metadata === undefined ? '' : JSON.stringify(event.metadata);
    if (data === undefined || metadata === undefined) throw new TypeError(`event ${event.type} is not JSON-serializable`);
    bytes += eventBytes(data, metadata, event.type);
    ids.push(id);
    parts.push(`{"i":${JSON.stringify(id)},"t":${JSON.stringify(event.type)},"d":${data}${metadata ? `,"m":${metadata}` : ''},"c":${now}}`);
  }
  return { ids, events: `[${parts.join(',')}]`, bytes };
}

/**
 * The stored value of one append: its events, and `offset`, the index of its first
 * event among all the events of the transaction that writes it (several appends to
 * different streams share one transaction, and one revision).
 */
export function batchBody(batch: SerializedBatch, offset: number): Buffer {
  return Buffer.from(`{"o":${offset},"e":${batch.events}}`);
}

/** The recorded events of one stored append; `revision` is the etcd revision that committed it. */
export function decodeBatch(streamId: string, first: number, revision: number, body: Buffer): RecordedEvent[] {
  const { o: offset, e: stored } = JSON.parse(body.toString('utf8')) as { o: number; e: StoredEvent[] };
  return stored.map((e, index) => ({
    id: e.i,
    streamId,
    type: e.t,
    data: e.d,
    metadata: e.m ?? {},
    streamRevision: BigInt(first + index),
    position: positionOf(revision, offset + index),
    created: new Date(e.c),
  }));
}
