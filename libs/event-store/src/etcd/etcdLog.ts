import type { RecordedEvent } from '../eventStore';
import { decodeBatch, positionOf, splitPosition } from './etcdBatch';
import type { Consistency, EtcdConnection } from './etcdConnection';
import type { EtcdKeys } from './etcdKeys';
import { CompareResult, CompareTarget, type KeyValue, type RangeResponse, type RequestOp, type TxnResponse } from './etcdRpc';

/** One append as the global index lists it. */
export interface IndexEntry {
  /** The etcd revision that committed it. */
  revision: number;
  streamId: string;
  /** The stream revision of its first event. */
  first: number;
  count: number;
  /** The index of its first event among the events of its transaction (appends to several streams share one). */
  offset: number;
}

/** The index of an entry's last event in its transaction: its position is revision × 1000 + this. */
function lastIndex(entry: IndexEntry): number {
  return entry.offset + entry.count - 1;
}

/** How many of an entry's events lie after (revision, index). */
function eventsAfter(entry: IndexEntry, revision: number, index: number): number {
  if (entry.revision !== revision) return entry.revision > revision ? entry.count : 0;
  return Math.max(0, Math.min(entry.count, lastIndex(entry) - index));
}

/** An epoch's index as read at `readAt`: sorted by revision; `next` is where the following epoch starts, once closed. */
interface EpochRead {
  start: number;
  entries: IndexEntry[];
  next: number | undefined;
  readAt: number;
}

export interface LogPage {
  events: RecordedEvent[];
  /** The position of the last event read or passed over (another stream's, when filtered); undefined when none. */
  through: bigint | undefined;
  /** True when the page reached the log's end as it stood at `readAt`: every event up to that revision has been read. */
  end: boolean;
  readAt: number;
}

/**
 * Revisions an epoch spans before a writer closes it. An epoch's index is read whole
 * (then sorted by revision), so this bounds what finding one position costs.
 */
export const EPOCH_REVISIONS = 500;
/** Closed epochs never change; their sorted indexes are kept for catch-up readers. */
const CACHED_EPOCHS = 64;
/** Range operations per read transaction (etcd's --max-txn-ops is 128 by default). */
const READ_OPS = 100;

/**
 * The global order of the log. etcd orders every write by revision, but reading keys
 * in revision order makes it read the whole range first; so each append also writes
 * an index key under the current epoch, and an epoch is a span of revisions that a
 * compare on the clock key fences: an append commits only while the epoch it names
 * is still the current one. Finding what follows a position then costs one epoch's
 * index, whatever the length of the log.
 */
export class EtcdLog {
  /** The epoch appends are written in, as this process last saw it. */
  private epoch: number | undefined;
  private seenRevision = 0;
  private tick: Promise<number> | undefined;
  private readonly closedEpochs = new Map<number, EpochRead>();

  constructor(
    private readonly connection: EtcdConnection,
    private readonly keys: EtcdKeys,
  ) {}

  noteRevision(revision: number): void {
    if (revision > this.seenRevision) this.seenRevision = revision;
  }

  /** Another writer moved the clock: its mod revision is the epoch to write in. */
  adoptEpoch(start: number): void {
    if (this.epoch === undefined || start > this.epoch) this.epoch = start;
  }

  /** The epoch the next append names, closing the current one first when it has run long. */
  async epochForAppend(): Promise<number> {
    if (this.epoch !== undefined && this.seenRevision - this.epoch < EPOCH_REVISIONS) return this.epoch;
    this.tick ??= this.advanceClock().finally(() => (this.tick = undefined));
    return this.tick;
  }

  /** Creates the clock on an empty store, or closes the epoch this process knows and opens the next. */
  private async advanceClock(): Promise<number> {
    const clock = this.keys.clock;
    const known = this.epoch;
    const compare =
      known === undefined
        ? { result: CompareResult.EQUAL, target: CompareTarget.VERSION, key: clock, version: 0 }
        : { result: CompareResult.EQUAL, target: CompareTarget.MOD, key: clock, mod_revision: known };
    const success: RequestOp[] = [{ request_put: { key: clock, value: Buffer.alloc(0) } }];
    if (known !== undefined) success.push({ request_put: { key: this.keys.closed(known), value: Buffer.alloc(0) } });
    const { value } = await this.connection.call<TxnResponse>('a new epoch', 'leader', (e, m, o, done) =>
      e.kv.Txn({ compare: [compare], success, failure: [{ request_range: { key: clock } }] }, m, o, done),
    );
    const revision = Number(value.header.revision);
    this.noteRevision(revision);
    if (value.succeeded) {
      this.epoch = revision;
    } else {
      const current = value.responses[0]?.response_range?.kvs[0];
      // Someone else moved it first (or deleted it, which nothing of ours does): write in theirs.
      if (current) this.epoch = Number(current.mod_revision);
      else this.epoch = undefined;
    }
    if (this.epoch === undefined) return this.advanceClock();
    return this.epoch;
  }

  /** The index of the epoch that starts at `start`, sorted by revision; closed epochs come from memory. */
  async readEpoch(start: number, consistency: Consistency = 'local'): Promise<EpochRead> {
    const cached = this.closedEpochs.get(start);
    if (cached) {
      this.closedEpochs.delete(start);
      this.closedEpochs.set(start, cached);
      return cached;
    }
    const [from, to] = this.keys.epochIndex(start);
    const serializable = consistency === 'local';
    // One transaction: the index and the closing marker at the same revision.
    const { value } = await this.connection.call<TxnResponse>('a read of the log index', consistency, (e, m, o, done) =>
      e.kv.Txn(
        {
          compare: [],
          success: [
            { request_range: { key: from, range_end: to, serializable } },
            { request_range: { key: this.keys.closed(start), serializable } },
          ],
          failure: [],
        },
        m,
        o,
        done,
      ),
    );
    const readAt = Number(value.header.revision);
    this.noteRevision(readAt);
    const index = value.responses[0].response_range as RangeResponse;
    const marker = value.responses[1].response_range?.kvs[0];
    const entries = index.kvs.map((kv) => this.toEntry(kv)).sort((a, b) => a.revision - b.revision || a.offset - b.offset);
    const read: EpochRead = { start, entries, next: marker ? Number(marker.mod_revision) : undefined, readAt };
    if (read.next !== undefined) {
      this.closedEpochs.set(start, read);
      if (this.closedEpochs.size > CACHED_EPOCHS) this.closedEpochs.delete(this.closedEpochs.keys().next().value as number);
    }
    return read;
  }

  /**
   * The epoch holding `revision`: the latest epoch that starts at or before it.
   * Undefined while the log has no clock (nothing was ever appended).
   */
  async epochHolding(revision: number, consistency: Consistency = 'local'): Promise<number | undefined> {
    const clock = await this.readClock(consistency);
    if (!clock) return undefined;
    const first = Number(clock.create_revision);
    const current = Number(clock.mod_revision);
    if (revision >= current) return current;
    if (revision <= first) return first;
    for (const [start, read] of this.closedEpochs) if (start <= revision && read.next !== undefined && revision < read.next) return start;
    // The closed epoch with the greatest start at or before `revision`, looked for in a widening window.
    for (let window = EPOCH_REVISIONS * 4; ; window *= 8) {
      const low = Math.max(first, revision - window);
      const [from, to] = this.keys.closedRange(low, revision + 1);
      const { value } = await this.connection.call<RangeResponse>('a read of the log epochs', consistency, (e, m, o, done) =>
        e.kv.Range({ key: from, range_end: to, serializable: consistency === 'local' }, m, o, done),
      );
      const last = value.kvs[value.kvs.length - 1];
      if (last) {
        const start = this.keys.epochOfClosedKey(last.key);
        const next = Number(last.mod_revision);
        // Past the end of that epoch: the one after it, which has no marker yet, is still open.
        return revision < next ? start : next;
      }
      if (low === first) return first;
    }
  }

  /**
   * Events after (revision, index) in log order, at most `maxCount`, read from the
   * member the connection prefers; a short page means the end of the log as of `readAt`.
   */
  async readAfter(revision: number, index: number, maxCount: number, streams?: (streamId: string) => boolean): Promise<LogPage> {
    let epoch = await this.epochHolding(Math.max(revision, 1));
    if (epoch === undefined) return { events: [], through: undefined, end: true, readAt: this.seenRevision };
    const events: RecordedEvent[] = [];
    let through: bigint | undefined;
    for (;;) {
      const read = await this.readEpoch(epoch);
      const wanted: IndexEntry[] = [];
      let counted = 0;
      let passed: IndexEntry | undefined;
      for (const entry of read.entries) {
        const after = eventsAfter(entry, revision, index);
        if (after === 0) continue;
        if (streams && !streams(entry.streamId)) {
          // Nothing of it is fetched; the page has read past it all the same.
          passed = entry;
          if (wanted.length === 0) through = this.positionOf(entry);
          continue;
        }
        wanted.push(entry);
        counted += after;
        if (events.length + counted >= maxCount) break;
      }
      const fetched = await this.fetch(wanted);
      for (const batch of fetched) {
        for (const event of batch) {
          if (events.length >= maxCount) break;
          const { revision: r, index: n } = splitPosition(event.position);
          if (r < revision || (r === revision && n <= index)) continue;
          events.push(event);
          through = event.position;
        }
      }
      // A body missing from a member behind the one that served the index: stop before it.
      if (fetched.length < wanted.length || events.length >= maxCount) return { events, through, end: false, readAt: read.readAt };
      if (passed && (through === undefined || this.positionOf(passed) > through)) through = this.positionOf(passed);
      if (read.next === undefined) return { events, through, end: true, readAt: read.readAt };
      epoch = read.next;
    }
  }

  /** Events in the appends after (revision, index), counting at most `cap`. */
  async countAfter(revision: number, index: number, cap: number): Promise<number> {
    let epoch = await this.epochHolding(Math.max(revision, 1));
    if (epoch === undefined) return 0;
    let count = 0;
    for (;;) {
      const read = await this.readEpoch(epoch);
      for (const entry of read.entries) {
        count += eventsAfter(entry, revision, index);
        if (count >= cap) return cap;
      }
      if (read.next === undefined) return count;
      epoch = read.next;
    }
  }

  /** The newest append in the log, or undefined when it has none. */
  /** The newest entry of the log: as this member has it (`local`), or as the majority does (`leader`). */
  async lastEntry(consistency: Consistency = 'local'): Promise<IndexEntry | undefined> {
    const clock = await this.readClock(consistency);
    if (!clock) return undefined;
    const first = Number(clock.create_revision);
    let read = await this.readEpoch(Number(clock.mod_revision), consistency);
    // The clock may have moved on since it was read: the newest epoch is the open one.
    while (read.next !== undefined) read = await this.readEpoch(read.next, consistency);
    for (;;) {
      const last = read.entries[read.entries.length - 1];
      if (last) return last;
      if (read.start <= first) return undefined;
      const previous = await this.epochHolding(read.start - 1, consistency);
      if (previous === undefined || previous >= read.start) return undefined;
      read = await this.readEpoch(previous, consistency);
    }
  }

  /** The bodies of these appends as events, in the same order; stops at the first one the member does not have. */
  async fetch(entries: readonly IndexEntry[]): Promise<RecordedEvent[][]> {
    const chunks: IndexEntry[][] = [];
    for (let i = 0; i < entries.length; i += READ_OPS) chunks.push(entries.slice(i, i + READ_OPS));
    const results = await Promise.all(
      chunks.map(async (chunk) => {
        const { value } = await this.connection.call<TxnResponse>('a read of the log', 'local', (e, m, o, done) =>
          e.kv.Txn(
            { compare: [], success: chunk.map((entry) => ({ request_range: { key: this.keys.batch(entry.streamId, entry.first), serializable: true } })), failure: [] },
            m,
            o,
            done,
          ),
        );
        this.noteRevision(Number(value.header.revision));
        return value.responses.map((r) => r.response_range?.kvs[0]);
      }),
    );
    const batches: RecordedEvent[][] = [];
    const kvs = results.flat();
    for (let i = 0; i < entries.length; i++) {
      const kv = kvs[i];
      if (!kv) break;
      const entry = entries[i];
      batches.push(decodeBatch(entry.streamId, entry.first, Number(kv.mod_revision), kv.value));
    }
    return batches;
  }

  async readClock(consistency: Consistency): Promise<KeyValue | undefined> {
    const { value } = await this.connection.call<RangeResponse>('a read of the log clock', consistency, (e, m, o, done) =>
      e.kv.Range({ key: this.keys.clock, serializable: consistency === 'local' }, m, o, done),
    );
    this.noteRevision(Number(value.header.revision));
    return value.kvs[0];
  }

  positionOf(entry: IndexEntry): bigint {
    return positionOf(entry.revision, lastIndex(entry));
  }

  private toEntry(kv: KeyValue): IndexEntry {
    const { streamId, first } = this.keys.parseIndex(kv.key);
    const [count, offset] = kv.value.toString('latin1').split(':').map(Number);
    return { revision: Number(kv.mod_revision), streamId, first, count, offset: offset ?? 0 };
  }
}
