import type Database from 'better-sqlite3';
import type { AllSubscription, EventStore, RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import type { CheckpointRow, CheckpointTable } from './checkpointTable';
import type { ProjectionLogger } from './projectionLogger';

export type AppliedListener = (events: readonly RecordedEvent[]) => void;

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

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Feeds every projection from one subscription to the global log. Events are applied
 * in batches: each batch is one transaction on the read database that also moves
 * every projection's checkpoint, so rows and checkpoint can never disagree. After each
 * commit it releases the callers waiting for a position and tells the listeners.
 */
export class LogFollower {
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
  /** While above 0 the live batches wait: a rebuild is finishing and swapping its copies in. */
  private pauses = 0;
  private resumed: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly table: CheckpointTable,
    private readonly logger: ProjectionLogger,
  ) {
    for (const projection of projections) this.wanted.set(projection.name, new Set(projection.eventTypes));
  }

  /**
   * Sets up the tables and takes each projection's checkpoint. A projection whose
   * version changed, or whose checkpoint is beyond the log's `head` (a read database
   * that belongs to another store), is emptied and starts from 0. Returns the rows of
   * the checkpoints kept.
   */
  open(head: bigint): CheckpointRow[] {
    const stored = this.table.rows();
    const kept: CheckpointRow[] = [];
    this.db.transaction(() => {
      for (const projection of this.projections) {
        projection.setup(this.db);
        const row = stored.get(projection.name);
        if (!row || row.version !== projection.version || BigInt(row.position) > head) {
          projection.reset(this.db);
          this.table.save(projection, 0n, new Date().toISOString());
          this.checkpoints.set(projection.name, 0n);
        } else {
          this.checkpoints.set(projection.name, BigInt(row.position));
          kept.push(row);
        }
      }
    })();
    return kept;
  }

  /** Subscribes to the log from the lowest checkpoint and applies what comes. */
  follow(): void {
    const from = this.projections.length ? [...this.checkpoints.values()].reduce((a, b) => (a < b ? a : b)) : 0n;
    this.position = from;
    this.subscription = this.store.subscribeToAll({ fromPosition: from === 0n ? 'start' : from });
    void this.subscription.caughtUp.then(() => {
      this.caughtUp = true;
    });
    this.loop = this.consume(this.subscription);
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.loop;
    this.flush();
  }

  checkpoint(name: string): bigint {
    return this.checkpoints.get(name) ?? 0n;
  }

  /** After a rebuild's swap, whose transaction saved the checkpoint: the live batches go on from `position`. */
  moveCheckpoint(name: string, position: bigint): void {
    this.checkpoints.set(name, position);
  }

  /** The live batches wait until `resume` (pauses nest); the subscription stops being pulled meanwhile. */
  pause(): void {
    if (this.pauses++ === 0) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.resumed = { promise, resolve };
    }
  }

  resume(): void {
    if (--this.pauses > 0) return;
    this.resumed?.resolve();
    this.resumed = undefined;
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

  /** `stalled` once a batch could not be applied (nothing after it is, until a restart). */
  get status(): 'live' | 'catching_up' | 'stalled' {
    return this.stalled ? 'stalled' : this.caughtUp ? 'live' : 'catching_up';
  }

  get stallError(): string | undefined {
    return this.stalled?.message;
  }

  private async consume(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.pending.push(event);
        if (this.pending.length >= BATCH) {
          this.flush();
          // While a rebuild swaps its copies in, stop pulling instead of piling events up.
          if (this.resumed) await this.resumed.promise;
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
    const db = this.db;
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
          if (last > checkpoint) this.table.save(projection, last, now);
        }
      })();
    } catch (error) {
      // A projection that cannot apply an event must not skip it: stop here and say so.
      this.stalled = error instanceof Error ? error : new Error(String(error));
      this.logger.error(`stalled before position ${batch[0].position}: ${this.stalled.message}`);
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
