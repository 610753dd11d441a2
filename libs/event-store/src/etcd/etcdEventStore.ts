import { appendProblem, oversizeProblem } from '../appendRules';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  HeadOptions,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreDescription,
  StoreLimits,
  SubscribeToAllOptions,
} from '../eventStore';
import { EtcdAppender, appendedAs } from './etcdAppender';
import { decodeBatch, serializeBatch, splitPosition, type SerializedBatch } from './etcdBatch';
import { EtcdConnection } from './etcdConnection';
import { describeError } from './etcdErrors';
import { EtcdKeys } from './etcdKeys';
import { EtcdLog } from './etcdLog';
import type { RangeResponse } from './etcdRpc';
import { EtcdSubscription } from './etcdSubscription';

export interface EtcdEventStoreOptions {
  /** `http://host:port` of each member. */
  endpoints: readonly string[];
  /** Every key of the log starts with it, so one cluster can hold several logs. Default 'ticketing/'. */
  prefix?: string;
  /** How long one call may take over all its attempts before it fails with StoreUnavailableError. Default 10 s. */
  deadlineMs?: number;
  /** How long one attempt on one member may take before the next member is tried. Default 2.5 s. */
  attemptTimeoutMs?: number;
  /** What one append may carry; the defaults fit etcd's own defaults (--max-txn-ops 128, --max-request-bytes 1.5 MiB). */
  limits?: Partial<StoreLimits>;
  /** The cluster's --max-txn-ops, if not etcd's default of 128. */
  maxTxnOps?: number;
  /** Status probes of every member, for failover and health. Default 1 s. */
  probeIntervalMs?: number;
}

/**
 * An append writes its head, its batch, its index entry and one key per event id:
 * 3 + n operations, within etcd's 128 per transaction with room to spare. The bytes
 * leave a third of etcd's 1.5 MiB request limit for keys and framing.
 */
const DEFAULT_LIMITS: StoreLimits = { maxEventsPerAppend: 120, maxAppendBytes: 1_000_000 };
const STREAM_PAGE_BATCHES = 200;
/** A backwards read of a stream looks this many revisions back per request. */
const BACKWARDS_WINDOW = 1_000;
const PING_TIMEOUT_MS = 3_000;
const FOREVER = Number.MAX_SAFE_INTEGER;

/**
 * The event store on an etcd cluster (a Raft log that a majority of members fsyncs
 * before it answers). An append is one transaction: it compares the stream's head
 * with the expected revision, each event id's key with nothing, and the epoch clock
 * with the epoch it names (see EtcdLog); then it writes the head, the events as one
 * value, the epoch's index entry and the id keys. A log position is the committing
 * revision × 1000 + the event's index in its append.
 *
 * Writes and the write side's stream reads go through a member that has a leader;
 * the read side (readAll, subscriptions, head, counts, ping) reads any member's own
 * copy, so a region cut off from the majority still serves pages, marked with their age.
 */
export class EtcdEventStore implements EventStore {
  readonly kind = 'etcd' as const;
  readonly limits: StoreLimits;
  readonly keys: EtcdKeys;
  private readonly connection: EtcdConnection;
  private readonly log: EtcdLog;
  private readonly appender: EtcdAppender;
  private readonly subscriptions = new Set<EtcdSubscription>();
  private closed = false;

  constructor(options: EtcdEventStoreOptions) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    if (this.limits.maxEventsPerAppend > 999) throw new Error('an etcd append takes at most 999 events (its log positions leave room for 1000)');
    this.keys = new EtcdKeys(options.prefix ?? 'ticketing/');
    this.connection = new EtcdConnection({
      endpoints: options.endpoints,
      deadlineMs: options.deadlineMs,
      attemptTimeoutMs: options.attemptTimeoutMs,
      probeIntervalMs: options.probeIntervalMs,
    });
    this.log = new EtcdLog(this.connection, this.keys);
    const maxTxnOps = options.maxTxnOps ?? 128;
    if (this.limits.maxEventsPerAppend + 4 > maxTxnOps) throw new Error(`an append of ${this.limits.maxEventsPerAppend} events needs ${this.limits.maxEventsPerAppend + 4} operations, more than --max-txn-ops ${maxTxnOps}`);
    // Several appends share a transaction up to about one append's byte limit; keys and framing take the rest of etcd's 1.5 MiB.
    this.appender = new EtcdAppender(this.connection, this.keys, this.log, { maxTxnOps, maxTxnBytes: Math.max(this.limits.maxAppendBytes, 200_000) });
  }

  /**
   * Opens the store once a member answers; a list that reaches no member within
   * `timeoutMs` is refused with an error naming it.
   */
  static async connect(options: EtcdEventStoreOptions, timeoutMs = 10_000): Promise<EtcdEventStore> {
    const store = new EtcdEventStore(options);
    try {
      await store.connection.memberList(timeoutMs);
      await store.connection.probe();
    } catch (error) {
      await store.close();
      throw new StoreUnavailableError(`No etcd member answered at ${options.endpoints.join(', ')}: ${describeError(error)}`, error);
    }
    return store;
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
    const problem = appendProblem(streamId, events, this.limits);
    if (problem) throw new InvalidAppendError(problem);
    let batch: SerializedBatch;
    try {
      batch = serializeBatch(events, Date.now());
    } catch (error) {
      throw new InvalidAppendError(`event data is not JSON-serializable: ${String(error)}`);
    }
    const oversize = oversizeProblem(batch.bytes, this.limits);
    if (oversize) throw new InvalidAppendError(oversize);
    const expected = options.expectedRevision;
    const deadline = Date.now() + this.connection.deadlineMs;
    // The head the transaction compares with: a revision, or 'none' for a stream that must not exist yet.
    let head: number | 'none' = typeof expected === 'bigint' ? Number(expected) : 'none';
    if (expected === 'any' || expected === 'stream_exists') {
      head = await this.readHead(streamId);
      if (expected === 'stream_exists' && head === 'none') {
        // A retry of the stream's first append still answers as the original did.
        const earlier = await this.findAppended(streamId, batch.ids);
        if (earlier) return earlier;
        throw new WrongExpectedVersionError(streamId, expected, 'no_stream');
      }
    }
    return new Promise((resolve, reject) => this.appender.append({ streamId, batch, expected, head, deadline, resolve, reject }));
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    const maxCount = options.maxCount === undefined || !Number.isFinite(options.maxCount) ? FOREVER : Math.max(0, Math.floor(options.maxCount));
    if (maxCount === 0) return [];
    const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    if (direction === 'backwards') {
      if (from === 'start') return [];
      const upper = from === 'end' ? await this.readHead(streamId) : Number(from);
      return upper === 'none' ? [] : this.readBackwards(streamId, upper, maxCount);
    }
    if (from === 'end') {
      const head = await this.readHead(streamId);
      return head === 'none' ? [] : this.readForwards(streamId, head, maxCount);
    }
    return this.readForwards(streamId, from === 'start' ? 0 : Number(from), maxCount);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const maxCount = options.maxCount === undefined || !Number.isFinite(options.maxCount) ? FOREVER : Math.max(0, Math.floor(options.maxCount));
    const events: RecordedEvent[] = [];
    let after = options.fromPosition ?? 'start';
    while (events.length < maxCount) {
      const { revision, index } = after === 'start' ? { revision: 0, index: -1 } : splitPosition(after);
      const page = await this.log.readAfter(revision, index, Math.min(maxCount - events.length, 5_000));
      events.push(...page.events);
      if (page.events.length === 0) break;
      after = page.events[page.events.length - 1].position;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new EtcdSubscription(this.log, this.connection, this.keys, options, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(options: HeadOptions = {}): Promise<LogPosition> {
    const last = await this.log.lastEntry(options.current ? 'leader' : 'local');
    return last ? this.log.positionOf(last) : 'start';
  }

  async countEventsAfter(position: LogPosition, options: { cap?: number } = {}): Promise<number> {
    const { revision, index } = position === 'start' ? { revision: 0, index: -1 } : splitPosition(position);
    return this.log.countAfter(revision, index, options.cap ?? 1_000_000);
  }

  async describe(): Promise<StoreDescription> {
    await this.connection.probe();
    const members = this.connection.knownMembers ?? (await this.connection.memberList().catch(() => []));
    const byId = new Map(members.map((m) => [m.ID, m.name]));
    const leaderId = this.connection.endpoints.map((e) => e.leaderId).find((id) => id !== undefined);
    const leader = leaderId ? byId.get(leaderId) ?? leaderId : undefined;
    return {
      kind: this.kind,
      members: this.connection.endpoints.map((endpoint) => ({
        name: (endpoint.memberId && byId.get(endpoint.memberId)) || endpoint.url,
        endpoint: endpoint.url,
        reachable: endpoint.reachable === true,
        leader: endpoint.memberId !== undefined && endpoint.memberId === endpoint.leaderId,
        ...(endpoint.reachable === true && !endpoint.leaderId ? { error: 'this member has no leader (cut off from the majority?)' } : {}),
        ...(endpoint.reachable === false && endpoint.lastError ? { error: endpoint.lastError } : {}),
      })),
      ...(leader ? { leader } : {}),
    };
  }

  readsCurrentAt(): Date {
    return new Date(this.connection.majoritySeenAt());
  }

  /** Calls made and keys read so far: what a read of the log costs in etcd. */
  stats(): { calls: number; keys: number } {
    return { ...this.connection.stats };
  }

  async ping(): Promise<void> {
    await this.connection.call<RangeResponse>('a health check', 'local', (e, m, o, done) => e.kv.Range({ key: this.keys.clock, serializable: true, count_only: true }, m, o, done), PING_TIMEOUT_MS);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.connection.close();
  }

  private async readHead(streamId: string): Promise<number | 'none'> {
    const { value } = await this.connection.call<RangeResponse>(`a read of ${streamId}`, 'leader', (e, m, o, done) => e.kv.Range({ key: this.keys.head(streamId) }, m, o, done));
    this.log.noteRevision(Number(value.header.revision));
    const kv = value.kvs[0];
    return kv ? Number(kv.value.toString('latin1')) : 'none';
  }

  /** The original result of an append whose first event is already in the stream, if it is. */
  private async findAppended(streamId: string, ids: readonly string[]): Promise<AppendResult | undefined> {
    const key = this.keys.id(streamId, ids[ids.length - 1]);
    const { value } = await this.connection.call<RangeResponse>(`a read of ${streamId}`, 'leader', (e, m, o, done) => e.kv.Range({ key }, m, o, done));
    return value.kvs[0] ? appendedAs(value.kvs[0]) : undefined;
  }

  private async readForwards(streamId: string, from: number, maxCount: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    const [, end] = this.keys.batchRange(streamId, 0, FOREVER);
    let start = await this.batchHolding(streamId, from);
    for (;;) {
      const { value } = await this.connection.call<RangeResponse>(`a read of ${streamId}`, 'leader', (e, m, o, done) =>
        e.kv.Range({ key: start, range_end: end, limit: STREAM_PAGE_BATCHES }, m, o, done),
      );
      for (const kv of value.kvs) {
        const { first } = this.keys.parseBatch(kv.key);
        for (const event of decodeBatch(streamId, first, Number(kv.mod_revision), kv.value)) {
          if (event.streamRevision < BigInt(from)) continue;
          events.push(event);
          if (events.length >= maxCount) return events;
        }
      }
      if (!value.more || value.kvs.length === 0) return events;
      start = Buffer.concat([value.kvs[value.kvs.length - 1].key, Buffer.from([0])]);
    }
  }

  /** The key of the batch that holds revision `from` (or the first after it): batches start at most 999 revisions before. */
  private async batchHolding(streamId: string, from: number): Promise<Buffer> {
    if (from === 0) return this.keys.batch(streamId, 0);
    const [low, high] = this.keys.batchRange(streamId, from - 998, from + 1);
    const { value } = await this.connection.call<RangeResponse>(`a read of ${streamId}`, 'leader', (e, m, o, done) =>
      e.kv.Range({ key: low, range_end: high, keys_only: true }, m, o, done),
    );
    const last = value.kvs[value.kvs.length - 1];
    return last ? last.key : this.keys.batch(streamId, from);
  }

  private async readBackwards(streamId: string, upper: number, maxCount: number): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let top = upper;
    while (top >= 0 && events.length < maxCount) {
      const [low, high] = this.keys.batchRange(streamId, top - BACKWARDS_WINDOW + 1, top + 1);
      const { value } = await this.connection.call<RangeResponse>(`a read of ${streamId}`, 'leader', (e, m, o, done) => e.kv.Range({ key: low, range_end: high }, m, o, done));
      const window: RecordedEvent[] = [];
      for (const kv of value.kvs) {
        const { first } = this.keys.parseBatch(kv.key);
        window.push(...decodeBatch(streamId, first, Number(kv.mod_revision), kv.value));
      }
      for (let i = window.length - 1; i >= 0 && events.length < maxCount; i--) {
        if (window[i].streamRevision <= BigInt(upper)) events.push(window[i]);
      }
      if (value.kvs.length === 0) {
        if (top - BACKWARDS_WINDOW < 0) break;
      }
      const lowest = value.kvs.length ? this.keys.parseBatch(value.kvs[0].key).first : top - BACKWARDS_WINDOW + 1;
      top = lowest - 1;
    }
    return events;
  }
}


