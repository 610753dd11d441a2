import type Database from 'better-sqlite3';
import type { EventTuple } from './eventRows';

/**
 * The write half of the embedded store: decides a batch of appends against the
 * cached stream revisions and writes it in one transaction. Its input is already
 * serialized (JSON strings), so it only decides and inserts.
 */

/** An expected revision on the wire: 'any' | 'no_stream' | 'stream_exists' | a revision number. */
export type WireExpected = 'any' | 'no_stream' | 'stream_exists' | number;

export interface WireEvent {
  id: string;
  type: string;
  /** JSON, serialized by the caller. */
  data: string;
  metadata: string | null;
}

export interface AppendRequest {
  streamId: string;
  expected: WireExpected;
  events: WireEvent[];
}

export type AppendOutcome =
  | { ok: true; revision: number; position: number }
  | { ok: false; kind: 'wrong_expected_version'; stream: string; actual: number }
  | { ok: false; kind: 'invalid'; message: string };

/**
 * The whole batch failed (I/O, lock timeout): nothing of it was written. Otherwise
 * `rows` are the events the transaction wrote, in position order, as a read returns them.
 */
export type BatchResult = { ok: true; outcomes: AppendOutcome[]; rows: EventTuple[] } | { ok: false; message: string };

interface CachedStream {
  key: number | undefined;
  revision: number;
}

const NO_STREAM = -1;
/**
 * Streams whose id and revision are kept; the least recently appended to are dropped
 * beyond it. A sell-out appends to a new customer stream per order, and the cache
 * held every one of them for the life of the process. Far above a batch's appends, so
 * a stream is never dropped while its batch still has rows to insert.
 */
const MAX_CACHED_STREAMS = 50_000;
const EVENT_COLUMNS = 7;
/** Rows per multi-row INSERT: 896 parameters, well under SQLite's limit. */
const INSERT_CHUNK = 128;

export class SqliteBatchWriter {
  private readonly streams = new Map<string, CachedStream>();
  private dataVersion = -1;
  private readonly multiInserts = new Map<number, Database.Statement<unknown[]>>();
  private readonly s: ReturnType<SqliteBatchWriter['prepare']>;

  constructor(
    private readonly db: Database.Database,
    private readonly maxCachedStreams = MAX_CACHED_STREAMS,
  ) {
    this.s = this.prepare();
  }

  write(batch: AppendRequest[]): BatchResult {
    try {
      this.s.begin.run();
    } catch (error) {
      return { ok: false, message: `The event store is busy or unwritable: ${String(error)}` };
    }
    try {
      this.forgetStreamsIfAnotherProcessWrote();
      const rows: EventTuple[] = [];
      const outcomes = this.writeBulkOrIsolate(batch, rows);
      this.s.commit.run();
      return { ok: true, outcomes, rows };
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      this.streams.clear();
      return { ok: false, message: `The event store could not commit: ${String(error)}` };
    }
  }

  /**
   * Stream ids and revisions are cached so an append costs its inserts and nothing
   * else. Another process writing the same file bumps data_version, and then the
   * cache is dropped: we hold the write lock here, so what we read next is current.
   */
  private forgetStreamsIfAnotherProcessWrote(): void {
    const version = this.s.dataVersion.get() as number;
    if (version !== this.dataVersion) this.streams.clear();
    this.dataVersion = version;
  }

  /**
   * The fast path decides every append of the batch against the cached revisions
   * first — a conflicting append is refused before it writes anything — and then
   * inserts all accepted events with multi-row INSERTs. Should SQLite refuse a row
   * for a reason other than I/O, the batch is rolled back to its savepoint and
   * replayed append by append, each in its own savepoint, so only the faulty append fails.
   */
  private writeBulkOrIsolate(batch: AppendRequest[], rows: EventTuple[]): AppendOutcome[] {
    this.s.batchSavepoint.run();
    try {
      const outcomes = this.writeBulk(batch, rows);
      this.s.batchRelease.run();
      return outcomes;
    } catch (error) {
      if (isSqliteIoError(error)) throw error;
      this.s.batchRollback.run();
      this.streams.clear();
      rows.length = 0;
      const outcomes = batch.map((append) => this.writeInSavepoint(append, rows));
      this.s.batchRelease.run();
      return outcomes;
    }
  }

  private writeBulk(batch: AppendRequest[], written: EventTuple[]): AppendOutcome[] {
    const outcomes: AppendOutcome[] = new Array(batch.length);
    const lastRows = new Float64Array(batch.length).fill(-1);
    const revisions = new Float64Array(batch.length);
    const rows = new RowWriter((count, params) => Number(this.multiInsert(count).run(params).lastInsertRowid));
    const created = Date.now();
    // Appends of this batch by stream, for a retry that arrives in the same batch as its original.
    const earlier = new Map<string, Array<{ index: number; first: number; events: WireEvent[] }>>();
    const sameAs = new Map<number, number>();
    for (let i = 0; i < batch.length; i++) {
      const append = batch[i];
      const stream = this.streamState(append.streamId);
      const original = retryWithinBatch(append, earlier.get(append.streamId));
      if (original !== undefined) {
        // Its rows are not in the table yet, so findRetriedAppend cannot see them: answer as the original will be.
        sameAs.set(i, original);
        continue;
      }
      const refusal = this.checkExpected(append, stream);
      if (refusal) {
        outcomes[i] = refusal;
        continue;
      }
      const key = stream.key ?? Number(this.s.insertStream.run(append.streamId).lastInsertRowid);
      let revision = stream.revision;
      for (const event of append.events) {
        rows.add(key, ++revision, event.id, event.type, event.data, event.metadata, created);
        written.push([0, append.streamId, revision, event.id, event.type, event.data, event.metadata, created]);
      }
      const appends = earlier.get(append.streamId) ?? [];
      appends.push({ index: i, first: stream.revision + 1, events: append.events });
      earlier.set(append.streamId, appends);
      stream.key = key;
      stream.revision = revision;
      lastRows[i] = rows.count - 1;
      revisions[i] = revision;
    }
    const firstPosition = rows.finish();
    for (let i = 0; i < written.length; i++) written[i][0] = firstPosition + i;
    for (let i = 0; i < batch.length; i++) {
      if (lastRows[i] >= 0) outcomes[i] = { ok: true, revision: revisions[i], position: firstPosition + lastRows[i] };
    }
    for (const [retry, original] of sameAs) outcomes[retry] = outcomes[original];
    return outcomes;
  }

  /** The isolation path: one append, written row by row inside its own savepoint. */
  private writeInSavepoint(append: AppendRequest, written: EventTuple[]): AppendOutcome {
    this.s.savepoint.run();
    try {
      const stream = this.streamState(append.streamId);
      const refusal = this.checkExpected(append, stream);
      if (refusal) {
        this.s.release.run();
        return refusal;
      }
      const key = stream.key ?? Number(this.s.insertStream.run(append.streamId).lastInsertRowid);
      const created = Date.now();
      let revision = stream.revision;
      let position = 0;
      const own: EventTuple[] = [];
      for (const e of append.events) {
        position = Number(this.s.insertEvent.run(key, ++revision, e.id, e.type, e.data, e.metadata, created).lastInsertRowid);
        own.push([position, append.streamId, revision, e.id, e.type, e.data, e.metadata, created]);
      }
      this.s.release.run();
      // Only after every insert succeeded, so a rolled-back savepoint leaves the cache true.
      stream.key = key;
      stream.revision = revision;
      for (const row of own) written.push(row);
      return { ok: true, revision, position };
    } catch (error) {
      this.s.rollbackTo.run();
      this.s.release.run();
      this.streams.delete(append.streamId);
      if (isSqliteIoError(error)) throw error;
      return { ok: false, kind: 'invalid', message: `SQLite refused the append: ${String(error)}` };
    }
  }

  private streamState(name: string): CachedStream {
    let cached = this.streams.get(name);
    if (cached) {
      // Re-inserting keeps the Map in least-recently-used order.
      this.streams.delete(name);
    } else {
      const key = this.s.getStream.get(name) as number | undefined;
      const revision = key === undefined ? NO_STREAM : ((this.s.maxRevision.get(key) as number | null) ?? NO_STREAM);
      cached = { key, revision };
      if (this.streams.size >= this.maxCachedStreams) this.streams.delete(this.streams.keys().next().value!);
    }
    this.streams.set(name, cached);
    return cached;
  }

  /** Undefined when the append may go ahead; otherwise its outcome (a conflict, or the result of a retried append). */
  private checkExpected(append: AppendRequest, stream: CachedStream): AppendOutcome | undefined {
    const { expected } = append;
    const current = stream.revision;
    const matches = revisionMatches(expected, current);
    const mayBeRetry = !matches || expected === 'any' || expected === 'stream_exists';
    if (mayBeRetry && stream.key !== undefined) {
      const retried = this.findRetriedAppend(stream.key, current, append.events, expected);
      if (retried) return retried;
    }
    if (matches) return undefined;
    return { ok: false, kind: 'wrong_expected_version', stream: append.streamId, actual: current };
  }

  /**
   * A retry after a timeout sends the same event ids again. If they already sit
   * where this append would have put them, answer with the original result instead
   * of writing them twice. With 'any' or 'stream_exists' there is no expected place,
   * so the stream's tail is checked: that covers a retry of the latest append.
   */
  private findRetriedAppend(streamKey: number, current: number, events: WireEvent[], expected: WireExpected): AppendOutcome | undefined {
    if (events.length === 0) return undefined;
    let rows: Array<{ id: string; position: number }>;
    let firstRevision: number;
    if (typeof expected === 'number' || expected === 'no_stream') {
      firstRevision = expected === 'no_stream' ? 0 : expected + 1;
      if (firstRevision + events.length - 1 > current) return undefined;
      rows = this.s.idsAt.all(streamKey, firstRevision, events.length) as Array<{ id: string; position: number }>;
    } else {
      firstRevision = current - events.length + 1;
      if (firstRevision < 0) return undefined;
      rows = (this.s.tailIds.all(streamKey, events.length) as Array<{ id: string; position: number }>).reverse();
    }
    if (rows.length !== events.length || rows.some((row, i) => row.id !== events[i].id)) return undefined;
    return { ok: true, revision: firstRevision + events.length - 1, position: rows[rows.length - 1].position };
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

  private prepare() {
    const db = this.db;
    return {
      getStream: db.prepare<[string]>('SELECT id FROM streams WHERE name = ?').pluck(),
      maxRevision: db.prepare<[number]>('SELECT MAX(revision) FROM events WHERE stream = ?').pluck(),
      insertStream: db.prepare('INSERT INTO streams (name) VALUES (?)'),
      insertEvent: db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      idsAt: db.prepare('SELECT id, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?'),
      tailIds: db.prepare('SELECT id, position FROM events WHERE stream = ? ORDER BY revision DESC LIMIT ?'),
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      savepoint: db.prepare('SAVEPOINT append'),
      release: db.prepare('RELEASE append'),
      rollbackTo: db.prepare('ROLLBACK TO append'),
      batchSavepoint: db.prepare('SAVEPOINT batch'),
      batchRelease: db.prepare('RELEASE batch'),
      batchRollback: db.prepare('ROLLBACK TO batch'),
      dataVersion: db.prepare('PRAGMA data_version').pluck(),
    };
  }
}

/**
 * The earlier append of the same batch that this one repeats (the same event ids where
 * it expects to write them, or, with 'any' or 'stream_exists', the stream's latest), if any.
 */
function retryWithinBatch(append: AppendRequest, earlier: Array<{ index: number; first: number; events: WireEvent[] }> | undefined): number | undefined {
  if (!earlier) return undefined;
  const { expected, events } = append;
  const sameEvents = (other: WireEvent[]) => other.length === events.length && other.every((e, k) => e.id === events[k].id);
  if (typeof expected === 'number' || expected === 'no_stream') {
    const first = expected === 'no_stream' ? 0 : expected + 1;
    return earlier.find((e) => e.first === first && sameEvents(e.events))?.index;
  }
  const latest = earlier[earlier.length - 1];
  return sameEvents(latest.events) ? latest.index : undefined;
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

function revisionMatches(expected: WireExpected, current: number): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === NO_STREAM;
    case 'stream_exists':
      return current !== NO_STREAM;
    default:
      return expected === current;
  }
}

function isSqliteIoError(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' && /^SQLITE_(IOERR|FULL|READONLY|CANTOPEN|CORRUPT|NOTADB|BUSY)/.test(code);
}
