import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { WrongExpectedVersionError, StoreUnavailableError, InvalidAppendError } from '../errors';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
} from '../eventStore';
import { openSchema, type SynchronousMode } from './sqliteSchema';
import { SqliteSubscription } from './sqliteSubscription';

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
}

interface PendingAppend {
  streamId: string;
  events: readonly EventData[];
  expected: ExpectedRevision;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

interface CachedStream {
  key: number | undefined;
  revision: number;
}

interface EventRow {
  position: number;
  name: string;
  revision: number;
  id: string;
  type: string;
  data: string;
  metadata: string | null;
  created: number;
}

const NO_STREAM = -1;
const EVENT_COLUMNS = 7;
/** Rows per multi-row INSERT: 896 parameters, well under SQLite's limit. */
const INSERT_CHUNK = 128;

type Outcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };
type EventRowParams = [id: string, type: string, data: string, metadata: string | null];
const MAX_EVENTS_PER_APPEND = 10_000;

/**
 * The embedded event store: one SQLite file in WAL mode.
 *
 * Group commit: appends queue up while the event loop is busy, and the queue is
 * written in one transaction with one fsync. Each append stands alone inside it: a
 * conflicting append fails while the rest of its batch commits (see writeBulkOrIsolate).
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'embedded' as const;

  private readonly db: Database.Database;
  private readonly maxBatch: number;
  private readonly groupCommit: boolean;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly waiters = new Set<() => void>();
  private readonly subscriptions = new Set<SqliteSubscription>();
  private readonly foreignWritePollMs: number;
  private foreignWriteTimer: NodeJS.Timeout | undefined;
  private lastSeenHead = 0;
  private idleResolvers: Array<() => void> = [];
  private readonly streams = new Map<string, CachedStream>();
  private dataVersion = -1;
  private readonly multiInserts = new Map<number, Database.Statement<unknown[]>>();
  private readonly counters = { appends: 0, transactions: 0 };

  private readonly stmt: {
    getStream: Database.Statement<[string]>;
    maxRevision: Database.Statement<[number]>;
    insertStream: Database.Statement<[string]>;
    begin: Database.Statement<[]>;
    commit: Database.Statement<[]>;
    savepoint: Database.Statement<[]>;
    batchSavepoint: Database.Statement<[]>;
    batchRelease: Database.Statement<[]>;
    batchRollback: Database.Statement<[]>;
    release: Database.Statement<[]>;
    rollbackTo: Database.Statement<[]>;
    dataVersion: Database.Statement<[]>;
    insertEvent: Database.Statement<[number, number, string, string, string, string | null, number]>;
    idsAt: Database.Statement<[number, number, number], { id: string; position: number }>;
    tailIds: Database.Statement<[number, number], { id: string; position: number; revision: number }>;
    readForwards: Database.Statement<[number, number, number], EventRow>;
    readBackwards: Database.Statement<[number, number, number], EventRow>;
    readAll: Database.Statement<[number, number], EventRow>;
    head: Database.Statement<[], { head: number | null }>;
  };

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.file);
    openSchema(this.db, options.synchronous ?? 'FULL');
    this.maxBatch = options.maxBatch ?? 2_000;
    this.groupCommit = options.groupCommit ?? true;
    this.foreignWritePollMs = options.foreignWritePollMs ?? 250;
    const eventColumns = 'e.position, s.name, e.revision, e.id, e.type, e.data, e.metadata, e.created';
    this.stmt = {
      getStream: this.db.prepare<[string]>('SELECT id FROM streams WHERE name = ?').pluck(),
      maxRevision: this.db.prepare<[number]>('SELECT MAX(revision) FROM events WHERE stream = ?').pluck(),
      insertStream: this.db.prepare('INSERT INTO streams (name) VALUES (?)'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
      savepoint: this.db.prepare('SAVEPOINT append'),
      batchSavepoint: this.db.prepare('SAVEPOINT batch'),
      batchRelease: this.db.prepare('RELEASE batch'),
      batchRollback: this.db.prepare('ROLLBACK TO batch'),
      release: this.db.prepare('RELEASE append'),
      rollbackTo: this.db.prepare('ROLLBACK TO append'),
      dataVersion: this.db.prepare('PRAGMA data_version').pluck(),
      insertEvent: this.db.prepare(
        'INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      idsAt: this.db.prepare(
        'SELECT id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      tailIds: this.db.prepare(
        'SELECT id, position, revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT ?',
      ),
      readForwards: this.db.prepare(
        `SELECT ${eventColumns} FROM events e JOIN streams s ON s.id = e.stream
         WHERE e.stream = ? AND e.revision >= ? ORDER BY e.revision LIMIT ?`,
      ),
      readBackwards: this.db.prepare(
        `SELECT ${eventColumns} FROM events e JOIN streams s ON s.id = e.stream
         WHERE e.stream = ? AND e.revision <= ? ORDER BY e.revision DESC LIMIT ?`,
      ),
      readAll: this.db.prepare(
        `SELECT ${eventColumns} FROM events e JOIN streams s ON s.id = e.stream
         WHERE e.position > ? ORDER BY e.position LIMIT ?`,
      ),
      head: this.db.prepare('SELECT MAX(position) AS head FROM events'),
    };
    this.lastSeenHead = this.readHead();
  }

  static inMemory(options: Omit<SqliteEventStoreOptions, 'file'> = {}): SqliteEventStore {
    return new SqliteEventStore({ ...options, file: ':memory:' });
  }

  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('The event store is closed'));
    const invalid = validateAppend(streamId, events);
    if (invalid) return Promise.reject(new InvalidAppendError(invalid));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected: options.expectedRevision, resolve, reject });
      this.scheduleFlush();
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const key = this.stmt.getStream.get(streamId) as number | undefined;
    if (key === undefined) return [];
    const direction = options.direction ?? 'forwards';
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    const from = options.fromRevision ?? (direction === 'forwards' ? 'start' : 'end');
    const end = Number.MAX_SAFE_INTEGER;
    const rows =
      direction === 'forwards'
        ? this.stmt.readForwards.all(key, from === 'start' ? 0 : from === 'end' ? end : Number(from), limit)
        : this.stmt.readBackwards.all(key, from === 'end' ? end : from === 'start' ? -1 : Number(from), limit);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAllSync(options.fromPosition ?? 'start', options.maxCount ?? Number.MAX_SAFE_INTEGER);
  }

  /** Used by subscriptions, which must not yield to the event loop between the read and their bookkeeping. */
  readAllSync(fromPosition: LogPosition, maxCount: number): RecordedEvent[] {
    const after = fromPosition === 'start' ? 0 : Number(fromPosition);
    return this.stmt.readAll.all(after, maxCount).map(toRecordedEvent);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const subscription = new SqliteSubscription(this, options, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<LogPosition> {
    const head = this.readHead();
    return head === 0 ? 'start' : BigInt(head);
  }

  async ping(): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('The event store is closed');
    try {
      this.stmt.head.get();
    } catch (error) {
      throw new StoreUnavailableError('The event store file cannot be read', error);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.idle();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    clearInterval(this.foreignWriteTimer);
    this.db.close();
  }

  /** How many appends and transactions this store has written: group commit keeps the second far below the first. */
  stats(): { appends: number; transactions: number } {
    return { ...this.counters };
  }

  /** Resolves when every queued append has been written. */
  idle(): Promise<void> {
    if (this.queue.length === 0 && !this.flushScheduled) return Promise.resolve();
    return new Promise((resolve) => this.idleResolvers.push(resolve));
  }

  /**
   * Called by a subscription that has read everything: it is woken after our next
   * commit, or when the foreign-write poll sees the head move.
   */
  waitForAppend(wake: () => void): () => void {
    this.waiters.add(wake);
    this.ensureForeignWritePoll();
    return () => this.waiters.delete(wake);
  }

  private readHead(): number {
    return this.stmt.head.get()?.head ?? 0;
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
    while (this.queue.length > 0) {
      const batchSize = this.groupCommit ? this.maxBatch : 1;
      const batch = this.queue.length <= batchSize ? this.queue : this.queue.slice(0, batchSize);
      this.queue = batch === this.queue ? [] : this.queue.slice(batchSize);
      this.writeBatch(batch);
      if (!this.groupCommit) break;
    }
    if (this.queue.length > 0) this.scheduleFlush();
    else this.settleIdle();
  }

  private settleIdle(): void {
    const resolvers = this.idleResolvers;
    this.idleResolvers = [];
    for (const resolve of resolvers) resolve();
  }

  private writeBatch(batch: PendingAppend[]): void {
    let outcomes: Outcome[];
    try {
      this.stmt.begin.run();
    } catch (error) {
      for (const append of batch) append.reject(new StoreUnavailableError('The event store is busy or unwritable', error));
      return;
    }
    try {
      this.forgetStreamsIfAnotherProcessWrote();
      outcomes = this.writeBulkOrIsolate(batch);
      this.stmt.commit.run();
      this.counters.transactions += 1;
      this.counters.appends += batch.length;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.streams.clear();
      for (const append of batch) append.reject(new StoreUnavailableError('The event store could not commit', error));
      return;
    }
    for (let i = 0; i < batch.length; i++) {
      const outcome = outcomes[i];
      if (outcome.ok) batch[i].resolve(outcome.result);
      else batch[i].reject(outcome.error);
    }
    this.wakeSubscribers();
  }

  /**
   * The fast path decides every append of the batch against the cached revisions
   * first — a conflicting append is refused before it writes anything — and then
   * inserts all accepted events with multi-row INSERTs. Should SQLite refuse a row
   * for a reason other than I/O, the batch is rolled back to its savepoint and
   * replayed append by append, each in its own savepoint, so only the faulty append fails.
   */
  private writeBulkOrIsolate(batch: PendingAppend[]): Outcome[] {
    this.stmt.batchSavepoint.run();
    try {
      const outcomes = this.writeBulk(batch);
      this.stmt.batchRelease.run();
      return outcomes;
    } catch (error) {
      if (isSqliteIoError(error)) throw error;
      this.stmt.batchRollback.run();
      this.streams.clear();
      const outcomes = batch.map((append) => this.writeInSavepoint(append));
      this.stmt.batchRelease.run();
      return outcomes;
    }
  }

  private writeBulk(batch: PendingAppend[]): Outcome[] {
    // Outcomes are filled in two passes: refusals now, results once the rows'
    // positions are known. Parallel arrays keep the per-append garbage small.
    const outcomes: Outcome[] = new Array(batch.length);
    const lastRows = new Float64Array(batch.length).fill(-1);
    const revisions = new Float64Array(batch.length);
    const rows = new RowWriter((count, params) => Number(this.multiInsert(count).run(params).lastInsertRowid));
    const created = Date.now();
    for (let i = 0; i < batch.length; i++) {
      const append = batch[i];
      const stream = this.streamState(append.streamId);
      const refusal = this.checkExpected(append, stream);
      if (refusal) {
        outcomes[i] = refusal;
        continue;
      }
      const events = append.events;
      // Every event of the append is serialized before any of its rows is added, so a
      // refusal never leaves part of an append behind.
      const serialized = events.length === 1 ? trySerializeOne(events[0]) : trySerialize(events);
      if (serialized instanceof InvalidAppendError) {
        outcomes[i] = { ok: false, error: serialized };
        continue;
      }
      const key = stream.key ?? Number(this.stmt.insertStream.run(append.streamId).lastInsertRowid);
      let revision = stream.revision;
      for (let e = 0; e < events.length; e++) {
        const event = events[e];
        rows.add(key, ++revision, event.id ?? randomUUID(), event.type, serialized[2 * e] as string, serialized[2 * e + 1], created);
      }
      stream.key = key;
      stream.revision = revision;
      lastRows[i] = rows.count - 1;
      revisions[i] = revision;
    }
    const firstPosition = rows.finish();
    for (let i = 0; i < batch.length; i++) {
      if (lastRows[i] >= 0) outcomes[i] = { ok: true, result: { nextExpectedRevision: BigInt(revisions[i]), position: BigInt(firstPosition + lastRows[i]) } };
    }
    return outcomes;
  }

  private multiInsert(rows: number): Database.Statement<unknown[]> {
    let statement = this.multiInserts.get(rows);
    if (!statement) {
      const values = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = this.db.prepare(`INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES ${values}`);
      this.multiInserts.set(rows, statement);
    }
    return statement;
  }

  /** Undefined when the append may go ahead; otherwise its outcome (a conflict, or the result of a retried append). */
  private checkExpected(append: PendingAppend, stream: CachedStream): Outcome | undefined {
    const { streamId, events, expected } = append;
    const current = stream.revision;
    const matches = revisionMatches(expected, current);
    const mayBeRetry = !matches || expected === 'any' || expected === 'stream_exists';
    if (mayBeRetry && stream.key !== undefined) {
      const retried = this.findRetriedAppend(stream.key, current, events, expected);
      if (retried) return { ok: true, result: retried };
    }
    if (matches) return undefined;
    const actual = current === NO_STREAM ? 'no_stream' : BigInt(current);
    return { ok: false, error: new WrongExpectedVersionError(streamId, expected, actual) };
  }

  /**
   * Stream ids and revisions are cached so an append costs its inserts and nothing
   * else. Another process writing the same file bumps data_version, and then the
   * cache is dropped: we hold the write lock here, so what we read next is current.
   */
  private forgetStreamsIfAnotherProcessWrote(): void {
    const version = this.stmt.dataVersion.get() as number;
    if (version !== this.dataVersion) this.streams.clear();
    this.dataVersion = version;
  }

  private writeInSavepoint(append: PendingAppend): Outcome {
    this.stmt.savepoint.run();
    try {
      const result = this.writeAppend(append);
      this.stmt.release.run();
      return { ok: true, result };
    } catch (error) {
      this.stmt.rollbackTo.run();
      this.stmt.release.run();
      if (isSqliteIoError(error)) throw error;
      return { ok: false, error };
    }
  }

  private streamState(name: string): CachedStream {
    let cached = this.streams.get(name);
    if (!cached) {
      const key = this.stmt.getStream.get(name) as number | undefined;
      const revision = key === undefined ? NO_STREAM : ((this.stmt.maxRevision.get(key) as number | null) ?? NO_STREAM);
      cached = { key, revision };
      this.streams.set(name, cached);
    }
    return cached;
  }

  /** The isolation path: one append, written row by row inside its own savepoint. */
  private writeAppend(append: PendingAppend): AppendResult {
    const stream = this.streamState(append.streamId);
    const refusal = this.checkExpected(append, stream);
    if (refusal && !refusal.ok) throw refusal.error;
    if (refusal) return refusal.result;
    const serialized = serializeEvents(append.events);
    const key = stream.key ?? Number(this.stmt.insertStream.run(append.streamId).lastInsertRowid);
    const created = Date.now();
    let revision = stream.revision;
    let position = 0;
    for (const [id, type, data, metadata] of serialized) {
      position = Number(this.stmt.insertEvent.run(key, ++revision, id, type, data, metadata, created).lastInsertRowid);
    }
    // Only after every insert succeeded, so a rolled-back savepoint leaves the cache true.
    stream.key = key;
    stream.revision = revision;
    return { nextExpectedRevision: BigInt(revision), position: BigInt(position) };
  }

  /**
   * A retry after a timeout sends the same event ids again. If they already sit
   * where this append would have put them, answer with the original result instead
   * of writing them twice. With 'any' or 'stream_exists' there is no expected place,
   * so the stream's tail is checked: that covers a retry of the latest append.
   */
  private findRetriedAppend(
    streamKey: number,
    current: number,
    events: readonly EventData[],
    expected: ExpectedRevision,
  ): AppendResult | undefined {
    if (events.length === 0 || events.some((e) => e.id === undefined)) return undefined;
    let rows: Array<{ id: string; position: number }>;
    let firstRevision: number;
    if (typeof expected === 'bigint' || expected === 'no_stream') {
      firstRevision = expected === 'no_stream' ? 0 : Number(expected) + 1;
      if (firstRevision + events.length - 1 > current) return undefined;
      rows = this.stmt.idsAt.all(streamKey, firstRevision, events.length);
    } else {
      firstRevision = current - events.length + 1;
      if (firstRevision < 0) return undefined;
      rows = this.stmt.tailIds.all(streamKey, events.length).reverse();
    }
    if (rows.length !== events.length || rows.some((row, i) => row.id !== events[i].id)) return undefined;
    return {
      nextExpectedRevision: BigInt(firstRevision + events.length - 1),
      position: BigInt(rows[rows.length - 1].position),
    };
  }

  private wakeSubscribers(): void {
    this.lastSeenHead = this.readHead();
    if (this.waiters.size === 0) return;
    const waiters = [...this.waiters];
    this.waiters.clear();
    for (const wake of waiters) wake();
  }

  private ensureForeignWritePoll(): void {
    if (this.foreignWriteTimer || this.foreignWritePollMs <= 0) return;
    this.foreignWriteTimer = setInterval(() => {
      if (this.closed || this.waiters.size === 0) return;
      if (this.readHead() !== this.lastSeenHead) this.wakeSubscribers();
    }, this.foreignWritePollMs);
    this.foreignWriteTimer.unref();
  }
}

function revisionMatches(expected: ExpectedRevision, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === NO_STREAM;
    case 'stream_exists':
      return current !== NO_STREAM;
    default:
      // Revisions stay far below 2^53, so comparing as numbers is exact and allocates nothing.
      return Number(expected) === current;
  }
}

function validateAppend(streamId: string, events: readonly EventData[]): string | undefined {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > 500) return 'stream id must be 1..500 characters';
  if (streamId.startsWith('$')) return 'stream ids starting with $ are reserved for the system';
  if (!Array.isArray(events) || events.length === 0) return 'an append needs at least one event';
  if (events.length > MAX_EVENTS_PER_APPEND) return `an append takes at most ${MAX_EVENTS_PER_APPEND} events`;
  for (const event of events) {
    if (typeof event.type !== 'string' || event.type.length === 0) return 'every event needs a type';
    if (event.type.startsWith('$')) return 'event types starting with $ are reserved for the system';
  }
  return undefined;
}

/**
 * Collects event rows and inserts them INSERT_CHUNK at a time with one multi-row
 * statement, reusing one parameter array. Rows of one transaction get consecutive
 * positions, so the first position and a row's index give every row's position.
 */
class RowWriter {
  count = 0;
  private firstPosition = 0;
  private readonly params: unknown[] = new Array(INSERT_CHUNK * EVENT_COLUMNS);
  private filled = 0;

  constructor(private readonly insert: (rows: number, params: unknown[]) => number) {}

  add(stream: number, revision: number, id: string, type: string, data: string, metadata: string | null, created: number): void {
    const p = this.params;
    let o = this.filled * EVENT_COLUMNS;
    p[o++] = stream;
    p[o++] = revision;
    p[o++] = id;
    p[o++] = type;
    p[o++] = data;
    p[o++] = metadata;
    p[o] = created;
    this.filled++;
    this.count++;
    if (this.filled === INSERT_CHUNK) this.flush();
  }

  /** Writes what is left; returns the position of the first row. */
  finish(): number {
    if (this.filled > 0) this.flush();
    return this.firstPosition;
  }

  private flush(): void {
    const rows = this.filled;
    const params = rows === INSERT_CHUNK ? this.params : this.params.slice(0, rows * EVENT_COLUMNS);
    const last = this.insert(rows, params);
    if (this.count === rows) this.firstPosition = last - rows + 1;
    this.filled = 0;
  }
}

function trySerializeOne(event: EventData): Array<string | null> | InvalidAppendError {
  try {
    return [JSON.stringify(event.data ?? null), event.metadata === undefined ? null : JSON.stringify(event.metadata)];
  } catch (error) {
    return new InvalidAppendError(`event data is not JSON-serializable: ${String(error)}`);
  }
}

/** [data, metadata] pairs, flat; or the error when some event's data is not JSON. */
function trySerialize(events: readonly EventData[]): Array<string | null> | InvalidAppendError {
  const out: Array<string | null> = new Array(events.length * 2);
  try {
    for (let e = 0; e < events.length; e++) {
      out[2 * e] = JSON.stringify(events[e].data ?? null);
      out[2 * e + 1] = events[e].metadata === undefined ? null : JSON.stringify(events[e].metadata);
    }
    return out;
  } catch (error) {
    return new InvalidAppendError(`event data is not JSON-serializable: ${String(error)}`);
  }
}

function serializeEvents(events: readonly EventData[]): EventRowParams[] {
  return events.map((event) => [
    event.id ?? randomUUID(),
    event.type,
    JSON.stringify(event.data ?? null),
    event.metadata === undefined ? null : JSON.stringify(event.metadata),
  ]);
}

function isSqliteIoError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(IOERR|FULL|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY)/.test(code);
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    id: row.id,
    streamId: row.name,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: row.metadata === null ? {} : JSON.parse(row.metadata),
    streamRevision: BigInt(row.revision),
    position: BigInt(row.position),
    created: new Date(row.created),
  };
}
