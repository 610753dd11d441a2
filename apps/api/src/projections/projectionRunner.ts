import { Logger } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { AllSubscription, EventStore, RecordedEvent } from '@app/event-store';
import type { ReadDatabase } from '../infrastructure/readDatabase';
import type { Projection } from './projection';

export interface ProjectionStatus {
  name: string;
  version: number;
  position: string;
  lagEvents: number;
  status: 'live' | 'catching_up' | 'stalled';
  error?: string;
}

export type AppliedListener = (events: readonly RecordedEvent[]) => void;

/** Events applied per transaction at most; a catch-up yields to the event loop between batches. */
const BATCH = 2_000;

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

  constructor(
    private readonly store: EventStore,
    private readonly readDb: ReadDatabase,
    private readonly projections: readonly Projection[],
  ) {
    const db = readDb.writer;
    db.exec(`CREATE TABLE IF NOT EXISTS projection_checkpoints (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL)`);
    this.saveCheckpoint = db.prepare(
      `INSERT INTO projection_checkpoints (name, version, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
    );
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
      (db.prepare('SELECT name, version, position FROM projection_checkpoints').all() as Array<{ name: string; version: number; position: number }>).map(
        (row) => [row.name, row],
      ),
    );
    db.transaction(() => {
      for (const projection of this.projections) {
        projection.setup(db);
        const row = stored.get(projection.name);
        if (!row || row.version !== projection.version || BigInt(row.position) > headNumber) {
          projection.reset(db);
          this.saveCheckpoint.run(projection.name, projection.version, 0, new Date().toISOString());
          this.checkpoints.set(projection.name, 0n);
        } else {
          this.checkpoints.set(projection.name, BigInt(row.position));
        }
      }
    })();
    const from = this.projections.length ? [...this.checkpoints.values()].reduce((a, b) => (a < b ? a : b)) : 0n;
    this.position = from;
    this.subscription = this.store.subscribeToAll({ fromPosition: from === 0n ? 'start' : from });
    void this.subscription.caughtUp.then(() => {
      this.caughtUp = true;
    });
    this.loop = this.follow(this.subscription);
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    await this.loop;
    this.flush();
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
    return this.projections.map((projection) => {
      const position = this.checkpoints.get(projection.name) ?? 0n;
      return {
        name: projection.name,
        version: projection.version,
        position: position.toString(),
        lagEvents: Number(headNumber > position ? headNumber - position : 0n),
        status: this.stalled ? 'stalled' : this.caughtUp ? 'live' : 'catching_up',
        ...(this.stalled ? { error: this.stalled.message } : {}),
      };
    });
  }

  private async follow(subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        this.pending.push(event);
        if (this.pending.length >= BATCH) {
          this.flush();
          // Let HTTP requests in between batches of a long catch-up.
          await new Promise((resolve) => setImmediate(resolve));
        } else if (!this.flushScheduled) {
          this.flushScheduled = true;
          setImmediate(() => this.flush());
        }
      }
    } catch (error) {
      this.stalled = error instanceof Error ? error : new Error(String(error));
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.pending.length === 0 || this.stalled) return;
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
