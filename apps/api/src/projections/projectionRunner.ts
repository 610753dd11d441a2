import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { AllSubscription, EventStore, RecordedEvent } from '@app/event-store';
import type { ReadDatabase } from '../infrastructure/readDatabase';
import type { Projection } from './projection';
import { ShadowBuild } from './shadowBuild';

export interface ProjectionStatus {
  name: string;
  version: number;
  position: string;
  lagEvents: number;
  status: 'live' | 'catching_up' | 'stalled' | 'rebuilding';
  /** When a rebuild last replaced the tables (ISO 8601 UTC). */
  rebuiltAt?: string;
  /** While rebuilding: how far the new copy is (`position` of `head`). */
  rebuild?: { position: string; head: string; startedAt: string };
  error?: string;
}

export type AppliedListener = (events: readonly RecordedEvent[]) => void;

export type RebuildRefusal = 'unknown' | 'rebuilding' | 'not_rebuildable';

/** Why a rebuild cannot start; the HTTP layer maps the reason to a status. */
export class RebuildRefused extends Error {
  override readonly name = 'RebuildRefused';
  constructor(
    readonly reason: RebuildRefusal,
    readonly projection: string,
  ) {
    super(
      reason === 'unknown'
        ? `There is no projection named ${projection}`
        : reason === 'rebuilding'
          ? `Projection ${projection} is already being rebuilt`
          : `Projection ${projection} cannot be rebuilt beside its live tables`,
    );
  }
}

/** Events applied per transaction at most; a catch-up yields to the event loop between batches. */
const BATCH = 2_000;
/**
 * How long a live event may wait for the events behind it before its batch is applied.
 * Every read-database commit rewrites the index pages it touched; applying each turn's
 * few events in a commit of their own wrote the same pages hundreds of times a second
 * and made SQLite checkpoint that WAL on the request thread every second or so.
 * Seat maps and counts are then at most this much behind the log.
 */
const LIVE_BATCH_DELAY_MS = 20;
/** A projection that starts from 0 with at least this many events in the log is loaded in bulk. */
const BULK_START_EVENTS = 10_000n;
/** Events a rebuild reads and applies per transaction. */
const REBUILD_PAGE = 5_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Feeds every projection from one subscription to the global log. Events are applied
 * in batches: each batch is one transaction on the read database that also moves
 * every projection's checkpoint, so rows and checkpoint can never disagree.
 */
export class ProjectionRunner {
  private readonly checkpoints = new Map<string, bigint>();
  private readonly wanted = new Map<string, Set<string>>();
  private subscription: AllSubscription | undefined;
  private pending: RecordedEvent[] = [];
  private flushScheduled = false;
  private position = 0n;
  private caughtUp = false;
  private stalled: Error | undefined;
  private waiters: Array<{ position: bigint; resolve: (ok: boolean) => void }> = [];
  private readonly listeners = new Set<AppliedListener>();
  private loop: Promise<void> | undefined;
  private readonly saveCheckpoint: Database.Statement;
  private readonly saveRebuiltAt: Database.Statement;
  /** While above 0 the live batches wait: a rebuild is finishing and swapping its copies in. */
  private pauses = 0;
  private resume: { promise: Promise<void>; resolve: () => void } | undefined;
  private readonly rebuilds = new Map<string, ShadowBuild>();
  private readonly rebuildJobs = new Set<Promise<void>>();
  private readonly rebuiltAt = new Map<string, string>();
  private readonly rebuildErrors = new Map<string, string>();
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly readDb: ReadDatabase,
    private readonly projections: readonly Projection[],
  ) {
    const db = readDb.writer;
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL, rebuilt_at TEXT)`);
    // Read databases made before rebuilds existed lack the column.
    const columns = db.prepare<[], { name: string }>('SELECT name FROM pragma_table_info(\'projection_checkpoints\')').all();
    if (!columns.some((c) => c.name === 'rebuilt_at')) db.exec('ALTER TABLE projection_checkpoints ADD COLUMN rebuilt_at TEXT');
    this.saveCheckpoint = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
    );
    this.saveRebuiltAt = db.prepare('UPDATE projection_checkpoints SET rebuilt_at = ? WHERE name = ?');
    for (const projection of projections) this.wanted.set(projection.name, new Set(projection.eventTypes));
  }

  /**
   * Sets up the tables, rebuilds projections whose version changed (or whose
   * checkpoint is beyond the log's head: a read database that belongs to another
   * store), and starts following the log.
   */
  async start(): Promise<void> {
    const head = await this.store.headPosition();
    const headNumber = head === 'start' ? 0n : head;
    const db = this.readDb.writer;
    const stored = new Map(
      (
        db.prepare('SELECT name, version, position, rebuilt_at FROM projection_checkpoints').all() as Array<{
          name: string;
          version: number;
          position: number;
          rebuilt_at: string | null;
        }>
      ).map((row) => [row.name, row]),
    );
    db.transaction(() => {
      for (const projection of this.projections) {
        ShadowBuild.dropLeftovers(db, projection);
        projection.setup(db);
        const row = stored.get(projection.name);
        if (!row || row.version !== projection.version || BigInt(row.position) > headNumber) {
          projection.reset(db);
          this.saveCheckpoint.run(projection.name, projection.version, 0, new Date().toISOString());
          this.checkpoints.set(projection.name, 0n);
        } else {
          this.checkpoints.set(projection.name, BigInt(row.position));
          if (row.rebuilt_at) this.rebuiltAt.set(projection.name, row.rebuilt_at);
        }
      }
    })();
    // A projection starting from nothing on a long log (a new or lost read database, a
    // version bump) is rebuilt in bulk before the runner follows the log: far faster
    // than event by event.
    const empty = this.projections.filter((p) => this.checkpoints.get(p.name) === 0n && p.tables && p.withTables);
    if (empty.length > 0 && headNumber >= BULK_START_EVENTS) await this.runRebuild(new ShadowBuild(this.store, this.readDb.writer, empty));
    const from = this.projections.length ? [...this.checkpoints.values()].reduce((a, b) => (a < b ? a : b)) : 0n;
    this.position = from;
    this.subscription = this.store.subscribeToAll({ fromPosition: from === 0n ? 'start' : from });
    void this.subscription.caughtUp.then(() => {
      this.caughtUp = true;
    });
    this.loop = this.follow(this.subscription);
  }

  async stop(): Promise<void> {
    // A rebuild in progress gives up at its next page and leaves the live tables as they were.
    this.stopping = true;
    await Promise.allSettled([...this.rebuildJobs]);
    await this.subscription?.stop();
    await this.loop;
    this.flush();
  }

  /**
   * Rebuilds these projections from position 0 without taking their reads down: new
   * copies are built beside the live tables while the live ones go on, then swapped
   * in (see `finishRebuild`). Refuses synchronously, resolves when the copies are in
   * place and rejects when the rebuild failed (the live tables are then untouched).
   */
  rebuild(names: readonly string[]): Promise<void> {
    const projections = names.map((name) => {
      const projection = this.projections.find((p) => p.name === name);
      if (!projection) throw new RebuildRefused('unknown', name);
      if (!projection.tables || !projection.withTables) throw new RebuildRefused('not_rebuildable', name);
      if (this.rebuilds.has(name)) throw new RebuildRefused('rebuilding', name);
      return projection;
    });
    const build = new ShadowBuild(this.store, this.readDb.writer, projections);
    for (const projection of projections) {
      this.rebuilds.set(projection.name, build);
      this.rebuildErrors.delete(projection.name);
    }
    const job = this.runRebuild(build).finally(() => {
      for (const projection of projections) this.rebuilds.delete(projection.name);
      this.rebuildJobs.delete(job);
    });
    this.rebuildJobs.add(job);
    return job;
  }

  /** Names of the projections that can be rebuilt beside their live tables. */
  get rebuildable(): string[] {
    return this.projections.filter((p) => p.tables && p.withTables).map((p) => p.name);
  }

  private async runRebuild(build: ShadowBuild): Promise<void> {
    const names = build.projections.map((p) => p.name).join(', ');
    const logger = new Logger('Projections');
    try {
      build.create();
      const head = await this.store.headPosition();
      build.head = head === 'start' ? 0n : head;
      // Catch up while the live tables go on being fed and read.
      await build.loadInBulk(build.head, () => this.betweenPages());
      await this.finishRebuild(build);
      logger.log(`rebuilt ${names}: ${build.eventsRead} events up to position ${build.position}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const projection of build.projections) this.rebuildErrors.set(projection.name, `rebuild failed: ${message}`);
      if (this.readDb.writer.open) build.discard();
      if (!this.stopping) logger.error(`rebuild of ${names} failed: ${message}`);
      throw error;
    }
  }

  /**
   * The last few events and the swap. Live batches wait meanwhile, so the live
   * checkpoints cannot move: the copies read up to the head (which is at or past every
   * live checkpoint), and in one transaction the copies take the live tables' names
   * and the checkpoints jump to the copies' position. The live runner then skips what
   * the copies already hold. Readers are never blocked: they see the old tables until
   * that transaction commits, the new ones after.
   */
  private async finishRebuild(build: ShadowBuild): Promise<void> {
    this.pauseFlush();
    try {
      for (;;) {
        this.throwIfStopping();
        if ((await build.step(REBUILD_PAGE)) === 0) break;
        await nextTurn();
      }
      const now = new Date().toISOString();
      const db = this.readDb.writer;
      db.transaction(() => {
        for (const projection of build.projections) {
          const live = this.checkpoints.get(projection.name) ?? 0n;
          if (live > build.position) throw new Error(`the live ${projection.name} is at ${live}, past the head the rebuild saw (${build.position})`);
        }
        build.swapIn();
        for (const projection of build.projections) {
          this.saveCheckpoint.run(projection.name, projection.version, Number(build.position), now);
          this.saveRebuiltAt.run(now, projection.name);
        }
      })();
      for (const projection of build.projections) {
        this.checkpoints.set(projection.name, build.position);
        this.rebuiltAt.set(projection.name, now);
      }
    } finally {
      this.resumeFlush();
    }
    build.dropRetired();
  }

  private async betweenPages(): Promise<void> {
    await nextTurn();
    this.throwIfStopping();
  }

  private throwIfStopping(): void {
    if (this.stopping) throw new Error('the projection runner is stopping');
  }

  private pauseFlush(): void {
    if (this.pauses++ === 0) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.resume = { promise, resolve };
    }
  }

  private resumeFlush(): void {
    if (--this.pauses > 0) return;
    this.resume?.resolve();
    this.resume = undefined;
    if (this.pending.length > 0 && !this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
    }
  }

  /** Called with every batch after it is committed to the read database. */
  onApplied(listener: AppliedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves true once every event up to `position` is in the read models (false on timeout). */
  waitForPosition(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    if (this.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(false);
      }, timeoutMs).unref();
    });
  }

  /** Waits until the read models have everything the store holds right now. */
  async catchUpWithHead(timeoutMs = 5_000): Promise<boolean> {
    const head = await this.store.headPosition();
    return head === 'start' ? true : this.waitForPosition(head, timeoutMs);
  }

  get appliedPosition(): bigint {
    return this.position;
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition().catch(() => undefined);
    const headNumber = head === undefined || head === 'start' ? 0n : head;
    // Lag in events, counted once per distinct checkpoint (positions need not be contiguous).
    const lags = new Map<bigint, number>();
    for (const position of new Set(this.projections.map((p) => this.checkpoints.get(p.name) ?? 0n))) {
      lags.set(position, head === undefined ? 0 : await this.store.countEventsAfter(position === 0n ? 'start' : position).catch(() => 0));
    }
    return this.projections.map((projection): ProjectionStatus => {
      const position = this.checkpoints.get(projection.name) ?? 0n;
      const build = this.rebuilds.get(projection.name);
      const rebuiltAt = this.rebuiltAt.get(projection.name);
      const error = this.stalled?.message ?? this.rebuildErrors.get(projection.name);
      return {
        name: projection.name,
        version: projection.version,
        position: position.toString(),
        lagEvents: lags.get(position) ?? 0,
        status: build ? 'rebuilding' : this.stalled ? 'stalled' : this.caughtUp ? 'live' : 'catching_up',
        ...(rebuiltAt ? { rebuiltAt } : {}),
        ...(build
          ? {
              rebuild: {
                position: build.position.toString(),
                head: (headNumber > build.head ? headNumber : build.head).toString(),
                startedAt: build.startedAt.toISOString(),
              },
            }
          : {}),
        ...(error ? { error } : {}),
      };
    });
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.pending.push(event);
        if (this.pending.length >= BATCH) {
          this.flush();
          // While a rebuild swaps its copies in, stop pulling instead of piling events up.
          if (this.resume) await this.resume.promise;
          // Let HTTP requests in between batches of a long catch-up.
          await nextTurn();
        } else if (!this.flushScheduled) {
          this.flushScheduled = true;
          setTimeout(() => this.flush(), LIVE_BATCH_DELAY_MS);
        }
      }
    } catch (error) {
      this.stalled = error instanceof Error ? error : new Error(String(error));
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || this.stalled || this.pauses > 0) return;
    const batch = this.pending;
    this.pending = [];
    const db = this.readDb.writer;
    const last = batch[batch.length - 1].position;
    const now = new Date().toISOString();
    try {
      db.transaction(() => {
        for (const projection of this.projections) {
          const checkpoint = this.checkpoints.get(projection.name) ?? 0n;
          const wanted = this.wanted.get(projection.name)!;
          for (const event of batch) {
            if (event.position > checkpoint && wanted.has(event.type)) projection.apply(db, event);
          }
          if (last > checkpoint) this.saveCheckpoint.run(projection.name, projection.version, Number(last), now);
        }
      })();
    } catch (error) {
      // A projection that cannot apply an event must not skip it: stop here and say so.
      this.stalled = error instanceof Error ? error : new Error(String(error));
      new Logger('Projections').error(`stalled before position ${batch[0].position}: ${this.stalled.message}`);
      return;
    }
    for (const projection of this.projections) {
      if (last > (this.checkpoints.get(projection.name) ?? 0n)) this.checkpoints.set(projection.name, last);
    }
    this.position = last;
    this.releaseWaiters();
    for (const listener of this.listeners) listener(batch);
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    for (const waiter of ready) waiter.resolve(true);
  }
}
