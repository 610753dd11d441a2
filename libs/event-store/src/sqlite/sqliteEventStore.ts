import Database from 'better-sqlite3';
import { StoreUnavailableError, InvalidAppendError } from '../errors';
import { appendProblem, appendSize, oversizeProblem } from '../appendRules';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreDescription,
  StoreLimits,
  SubscribeToAllOptions,
} from '../eventStore';
import { openSchema, type SynchronousMode } from './sqliteSchema';
import { SqliteSubscription } from './sqliteSubscription';
import { SqliteReads } from './sqliteReads';
import { SqliteBatchWriter, type AppendRequest } from './sqliteBatchWriter';
import { serializeEvents, settleAppend, toWire, type CommittedBatch, type PendingAppend } from './sqliteAppends';
import { SqliteLogTail } from './sqliteLogTail';
import { WalSync, type FlushFile } from './walSync';
import { WalCheckpointer } from './walCheckpointer';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for tests. */
  file: string;
  /** FULL (default) makes every acknowledged append durable; lower it only for throwaway data. */
  synchronous?: SynchronousMode;
  /** Most appends written in one transaction. */
  maxBatch?: number;
  /** When set to false every append gets its own transaction (used to measure what group commit buys). */
  groupCommit?: boolean;
  /**
   * Another process may write the same file; our subscribers learn of its commits
   * by checking the head this often while they wait. Our own commits wake them at once.
   */
  foreignWritePollMs?: number;
  /** Checkpoint the WAL from a thread of its own instead of inside commits on the event loop (see WalCheckpointer). */
  backgroundCheckpoints?: boolean;
  /** Stands in for fs.fsync of the write-ahead log, so a test can hold a flush back or fail it. */
  flushFile?: FlushFile;
  /** Lower limits per append than the embedded store needs, to try a writer against a cluster store's. */
  limits?: Partial<StoreLimits>;
}

/** One transaction takes a batch of appends whatever their size; the count only bounds one append's memory. */
const LIMITS: StoreLimits = Object.freeze({ maxEventsPerAppend: 10_000, maxAppendBytes: Number.POSITIVE_INFINITY });

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * Group commit: appends queue up while the event loop is busy, and the queue is
 * written in one transaction with one fsync. Each append stands alone inside it: a
 * conflicting append fails while the rest of its batch commits (see SqliteBatchWriter).
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'embedded' as const;
  readonly limits: StoreLimits;

  /** The database file (or ':memory:'). */
  readonly file: string;
  private readonly db: Database.Database;
  private readonly writer: SqliteBatchWriter;
  private readonly maxBatch: number;
  private readonly groupCommit: boolean;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly tail: SqliteLogTail;
  private idleResolvers: Array<() => void> = [];
  private readonly counters = { appends: 0, transactions: 0, flushes: 0 };
  /** Set when every acknowledgement waits for a flush of the WAL off the event loop (synchronous=FULL on a file). */
  private readonly walSync: WalSync | undefined;
  private readonly checkpointer: WalCheckpointer | undefined;
  /** Committed, waiting for the next flush to start. */
  private unflushed: CommittedBatch[] = [];
  private flushing = false;
  /** The last position known to be on stable storage while some of our commits are not; readers of the log stop there. */
  private durableHead = 0;
  /** Set when a flush failed: what the OS kept of the WAL is unknown, so the store writes nothing more until reopened. */
  private failure: StoreUnavailableError | undefined;

  private readonly reads: SqliteReads;

  constructor(options: SqliteEventStoreOptions) {
    this.file = options.file;
    this.limits = { ...LIMITS, ...options.limits };
    this.db = new Database(options.file);
    const synchronous = options.synchronous ?? 'FULL';
    this.maxBatch = options.maxBatch ?? 1_000;
    this.groupCommit = options.groupCommit ?? true;
    const flushOffLoop = synchronous === 'FULL' && options.file !== ':memory:' && this.groupCommit;
    openSchema(this.db, flushOffLoop ? 'NORMAL' : synchronous);
    if (flushOffLoop) {
      this.walSync = new WalSync(options.file, options.flushFile);
      this.walSync.openAndFlush();
    }
    if (options.backgroundCheckpoints && options.file !== ':memory:') {
      // SQLite's own checkpoint stays as a backstop, far out, should the thread fall behind.
      this.db.pragma('wal_autocheckpoint = 50000');
      this.checkpointer = new WalCheckpointer([options.file]);
    }
    this.writer = new SqliteBatchWriter(this.db);
    this.reads = new SqliteReads(this.db);
    this.durableHead = this.readHead();
    this.tail = new SqliteLogTail(() => this.readHead(), options.foreignWritePollMs ?? 250, this.durableHead);
  }

  static inMemory(options: Omit<SqliteEventStoreOptions, 'file'> = {}): SqliteEventStore {
    return new SqliteEventStore({ ...options, file: ':memory:' });
  }

  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('The event store is closed'));
    if (this.failure) return Promise.reject(this.failure);
    const invalid = appendProblem(streamId, events, this.limits) ?? this.oversize(events);
    if (invalid) return Promise.reject(new InvalidAppendError(invalid));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected: options.expectedRevision, ordered: options.durability === 'ordered', resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.reads.stream(streamId, options);
  }

  /** Reads the file: another process's appends show at once, whatever this one wrote last. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition ?? 'start';
    return this.readLogFile(from === 'start' ? 0 : Number(from), this.readableHead(), options.maxCount ?? Number.MAX_SAFE_INTEGER);
  }

  /**
   * Used by subscriptions, which must not yield to the event loop between the read and their bookkeeping.
   * The log, its head and its subscribers end at the last durable event: a projection
   * or a live update never shows what a power cut could still take back. Stream reads
   * (the write side's) see every commit, as later appends that depend on it are only
   * answered once a flush covers them both.
   *
   * A subscriber at the head reads our latest commits from the tail kept in memory,
   * not from the file. Another process's appends after them reach it through the
   * head poll (see `waitForAppend`), which drops the tail first.
   */
  readAllSync(fromPosition: LogPosition, maxCount: number): RecordedEvent[] {
    const after = fromPosition === 'start' ? 0 : Number(fromPosition);
    const until = this.readableHead();
    return this.tail.read(after, until, maxCount) ?? this.readLogFile(after, until, maxCount);
  }

  private readLogFile(after: number, until: number, maxCount: number): RecordedEvent[] {
    return this.reads.log(after, until, maxCount);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new SqliteSubscription(this, options, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<LogPosition> {
    const head = Math.min(this.readHead(), this.readableHead());
    return head === 0 ? 'start' : BigInt(head);
  }

  /** Only counted when a limit on bytes was set (the embedded store itself has none). */
  private oversize(events: readonly EventData[]): string | undefined {
    if (!Number.isFinite(this.limits.maxAppendBytes)) return undefined;
    try {
      return oversizeProblem(appendSize(events), this.limits);
    } catch {
      return undefined; // not JSON-serializable: refused where it is serialized, with that reason
    }
  }

  /** Positions here are contiguous (a rowid one past the last), so the distance is the count. */
  async countEventsAfter(position: LogPosition, options: { cap?: number } = {}): Promise<number> {
    const head = await this.headPosition();
    if (head === 'start') return 0;
    const after = position === 'start' ? 0n : position;
    const count = head > after ? Number(head - after) : 0;
    return Math.min(count, options.cap ?? 1_000_000);
  }

  /** One file in this process: what it holds is the log. */
  readsCurrentAt(): Date {
    return new Date();
  }

  async describe(): Promise<StoreDescription> {
    return { kind: this.kind, file: this.file };
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
    if (this.failure) throw this.failure;
    try {
      this.reads.headPosition();
    } catch (error) {
      throw new StoreUnavailableError('The event store file cannot be read', error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.idle();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.tail.close();
    await this.checkpointer?.stop();
    this.walSync?.close();
    this.db.close();
  }

  /**
   * How many appends and transactions this store has written, and how many flushes
   * of the WAL made them durable: group commit keeps the last two far below the first.
   */
  stats(): { appends: number; transactions: number; flushes: number } {
    return { ...this.counters };
  }

  /** Resolves when every queued append has been written and answered. */
  idle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleResolvers.push(resolve));
  }

  /**
   * Called by a subscription that has read everything: it is woken after our next
   * commit, or when the foreign-write poll sees the head move.
   */
  waitForAppend(wake: () => void): () => void {
    return this.tail.waitForAppend(wake);
  }

  private readHead(): number {
    return this.reads.headPosition();
  }

  private readableHead(): number {
    return this.flushing || this.unflushed.length > 0 ? this.durableHead : Number.MAX_SAFE_INTEGER;
  }

  private isIdle(): boolean {
    return this.queue.length === 0 && !this.flushScheduled && !this.flushing && this.unflushed.length === 0;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    // setImmediate runs after pending I/O callbacks, so requests that arrived
    // together join the same batch.
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    const batchSize = this.groupCommit ? this.maxBatch : 1;
    while (this.queue.length > 0) {
      const batch = this.queue.length <= batchSize ? this.queue : this.queue.slice(0, batchSize);
      this.queue = batch === this.queue ? [] : this.queue.slice(batchSize);
      this.write(batch);
      if (!this.groupCommit) break;
    }
    if (this.queue.length > 0) this.scheduleFlush();
    else if (this.isIdle()) this.settleIdle();
  }

  private write(batch: PendingAppend[]): void {
    const requests: AppendRequest[] = [];
    const sent: PendingAppend[] = [];
    for (const append of batch) {
      const events = serializeEvents(append.events);
      if (events instanceof InvalidAppendError) {
        append.reject(events);
        continue;
      }
      requests.push({ streamId: append.streamId, expected: toWire(append.expected), events });
      sent.push(append);
    }
    if (sent.length === 0) return;
    const result = this.writer.write(requests);
    if (!result.ok) {
      for (const append of sent) append.reject(new StoreUnavailableError(result.message));
      return;
    }
    this.counters.transactions += 1;
    this.counters.appends += sent.length;
    this.tail.keep(result.rows);
    if (!this.walSync) {
      this.answer({ appends: sent, outcomes: result.outcomes });
      this.tail.wakeSubscribers();
      return;
    }
    // Refusals wait too: they were decided against commits that are not durable yet.
    // Appends that asked only for their place in the log are answered now.
    let waiting: CommittedBatch = { appends: sent, outcomes: result.outcomes };
    if (sent.some((append) => append.ordered)) {
      waiting = { appends: [], outcomes: [] };
      for (let i = 0; i < sent.length; i++) {
        if (sent[i].ordered) settleAppend(sent[i], result.outcomes[i]);
        else {
          waiting.appends.push(sent[i]);
          waiting.outcomes.push(result.outcomes[i]);
        }
      }
    }
    this.unflushed.push(waiting);
    if (!this.flushing) this.flushWal(this.walSync);
  }

  /**
   * One flush at a time. It covers every batch committed before it started; batches
   * that commit while it runs wait for the next one, which starts as soon as it ends.
   * Meanwhile the event loop serves requests and commits further batches.
   */
  private flushWal(walSync: WalSync): void {
    const covered = this.unflushed;
    this.unflushed = [];
    this.flushing = true;
    const head = this.readHead();
    this.counters.flushes += 1;
    walSync.flush((error) => {
      this.flushing = false;
      if (error) return this.failFlush(covered, error);
      this.durableHead = Math.max(this.durableHead, head);
      for (const batch of covered) this.answer(batch);
      this.tail.wakeSubscribers();
      if (this.unflushed.length > 0 && !this.failure) this.flushWal(walSync);
      else if (this.isIdle()) this.settleIdle();
    });
  }

  /**
   * After a failed fsync the OS may have dropped the pages it could not write, so no
   * later flush can vouch for them: the store stops taking writes until it is reopened
   * (and SQLite recovers the WAL from what is really on disk). The covered appends may
   * or may not have survived; a retry with the same event ids finds out.
   */
  private failFlush(covered: CommittedBatch[], error: Error): void {
    this.failure = new StoreUnavailableError(`The event store could not make its log durable and takes no more writes until restarted: ${error.message}`, error);
    const refused = [...covered, ...this.unflushed].flatMap((batch) => batch.appends).concat(this.queue);
    this.unflushed = [];
    this.queue = [];
    for (const append of refused) append.reject(this.failure);
    this.settleIdle();
  }

  private answer(batch: CommittedBatch): void {
    for (let i = 0; i < batch.appends.length; i++) settleAppend(batch.appends[i], batch.outcomes[i]);
  }

  private settleIdle(): void {
    const resolvers = this.idleResolvers;
    this.idleResolvers = [];
    for (const resolve of resolvers) resolve();
  }
}
