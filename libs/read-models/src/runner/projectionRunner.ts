import type { EventStore } from '@app/event-store';
import type { Projection } from '../projection';
import type { ReadDatabase } from '../readDatabase';
import { CheckpointTable } from './checkpointTable';
import { LogFollower, type AppliedListener } from './logFollower';
import type { ProjectionLogger } from './projectionLogger';
import type { ProjectionStatus } from './projectionStatus';
import { RebuildCoordinator, canRebuild } from './rebuildCoordinator';

/** A projection that starts from 0 with at least this many events in the log is loaded in bulk. */
const BULK_START_EVENTS = 10_000n;

/**
 * The read models' one entry point, for the API, the CLI's tools and the benches: a
 * `LogFollower` applies the log to every projection as it grows, a `RebuildCoordinator`
 * rebuilds some beside their live tables; this wires the two over one read database
 * and reports on both.
 */
export class ProjectionRunner {
  private readonly follower: LogFollower;
  private readonly rebuilds: RebuildCoordinator;

  constructor(
    private readonly store: EventStore,
    readDb: ReadDatabase,
    private readonly projections: readonly Projection[],
    logger: ProjectionLogger = console,
  ) {
    const table = new CheckpointTable(readDb.writer);
    this.follower = new LogFollower(store, readDb.writer, projections, table, logger);
    this.rebuilds = new RebuildCoordinator(store, readDb.writer, projections, this.follower, table, logger);
  }

  /**
   * Sets up the tables, empties projections whose version changed (or whose checkpoint
   * is beyond the log's head: a read database that belongs to another store), loads
   * those starting from nothing in bulk on a long log, and starts following the log.
   */
  async start(): Promise<void> {
    const head = await this.store.headPosition();
    const headNumber = head === 'start' ? 0n : head;
    this.rebuilds.dropLeftovers();
    this.rebuilds.remember(this.follower.open(headNumber));
    const empty = this.projections.filter((p) => this.follower.checkpoint(p.name) === 0n && canRebuild(p));
    if (empty.length > 0 && headNumber >= BULK_START_EVENTS) await this.rebuilds.loadInBulk(empty);
    this.follower.follow();
  }

  async stop(): Promise<void> {
    await this.rebuilds.stop();
    await this.follower.stop();
  }

  /** See `RebuildCoordinator.rebuild`: throws `RebuildRefused` at once, settles when the copies are in. */
  rebuild(names: readonly string[]): Promise<void> {
    return this.rebuilds.rebuild(names);
  }

  get rebuildable(): string[] {
    return this.rebuilds.rebuildable;
  }

  onApplied(listener: AppliedListener): () => void {
    return this.follower.onApplied(listener);
  }

  waitForPosition(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    return this.follower.waitForPosition(position, timeoutMs);
  }

  catchUpWithHead(timeoutMs = 5_000): Promise<boolean> {
    return this.follower.catchUpWithHead(timeoutMs);
  }

  get appliedPosition(): bigint {
    return this.follower.appliedPosition;
  }

  async status(): Promise<ProjectionStatus[]> {
    const head = await this.store.headPosition().catch(() => undefined);
    const headNumber = head === undefined || head === 'start' ? 0n : head;
    // Lag in events, counted once per distinct checkpoint (positions need not be contiguous).
    const lags = new Map<bigint, number>();
    for (const position of new Set(this.projections.map((p) => this.follower.checkpoint(p.name)))) {
      lags.set(position, head === undefined ? 0 : await this.store.countEventsAfter(position === 0n ? 'start' : position).catch(() => 0));
    }
    return this.projections.map((projection): ProjectionStatus => {
      const position = this.follower.checkpoint(projection.name);
      const build = this.rebuilds.building(projection.name);
      const rebuiltAt = this.rebuilds.lastRebuilt(projection.name);
      const error = this.follower.stallError ?? this.rebuilds.error(projection.name);
      return {
        name: projection.name,
        version: projection.version,
        position: position.toString(),
        lagEvents: lags.get(position) ?? 0,
        status: build ? 'rebuilding' : this.follower.status,
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
}
