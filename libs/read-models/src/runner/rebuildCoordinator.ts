import type Database from 'better-sqlite3';
import type { EventStore } from '@app/event-store';
import type { Projection } from '../projection';
import { ShadowBuild } from '../shadowBuild';
import type { CheckpointRow, CheckpointTable } from './checkpointTable';
import type { LogFollower } from './logFollower';
import type { ProjectionLogger } from './projectionLogger';

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

/** Whether the projection names its tables and can write to copies of them. */
export function canRebuild(projection: Projection): boolean {
  return Boolean(projection.tables && projection.withTables);
}

/** Events a rebuild reads and applies per transaction once the bulk is in, up to the swap. */
const REBUILD_PAGE = 5_000;

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Rebuilds projections from position 0 without taking their reads down: a `ShadowBuild`
 * fills new copies beside the live tables while the follower goes on feeding and the
 * API reading the live ones, then the follower's batches wait while the copies take the
 * live tables' names and the checkpoints jump to where the copies are.
 */
export class RebuildCoordinator {
  private readonly rebuilds = new Map<string, ShadowBuild>();
  private readonly jobs = new Set<Promise<void>>();
  private readonly rebuiltAt = new Map<string, string>();
  private readonly errors = new Map<string, string>();
  private stopping = false;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projections: readonly Projection[],
    private readonly follower: LogFollower,
    private readonly table: CheckpointTable,
    private readonly logger: ProjectionLogger,
  ) {}

  /** Tables left by a rebuild that was interrupted (a crash, a stop) before or after its swap. */
  dropLeftovers(): void {
    this.db.transaction(() => {
      for (const projection of this.projections) ShadowBuild.dropLeftovers(this.db, projection);
    })();
  }

  /** When each projection was last rebuilt, as its checkpoint row says. */
  remember(rows: readonly CheckpointRow[]): void {
    for (const row of rows) if (row.rebuilt_at) this.rebuiltAt.set(row.name, row.rebuilt_at);
  }

  /** Names of the projections that can be rebuilt beside their live tables. */
  get rebuildable(): string[] {
    return this.projections.filter(canRebuild).map((p) => p.name);
  }

  /**
   * Rebuilds these projections from position 0 beside their live tables and swaps the
   * copies in (see `finish`). Refuses synchronously, resolves when the copies are in
   * place and rejects when the rebuild failed (the live tables are then untouched).
   */
  rebuild(names: readonly string[]): Promise<void> {
    const projections = names.map((name) => {
      const projection = this.projections.find((p) => p.name === name);
      if (!projection) throw new RebuildRefused('unknown', name);
      if (!canRebuild(projection)) throw new RebuildRefused('not_rebuildable', name);
      if (this.rebuilds.has(name)) throw new RebuildRefused('rebuilding', name);
      return projection;
    });
    const build = new ShadowBuild(this.store, this.db, projections);
    for (const projection of projections) {
      this.rebuilds.set(projection.name, build);
      this.errors.delete(projection.name);
    }
    const job = this.run(build).finally(() => {
      for (const projection of projections) this.rebuilds.delete(projection.name);
      this.jobs.delete(job);
    });
    this.jobs.add(job);
    return job;
  }

  /**
   * Fills projections that start from nothing on a long log (a new or lost read database,
   * a version bump) the way a rebuild does, before the follower follows the log: far
   * faster than event by event.
   */
  loadInBulk(projections: readonly Projection[]): Promise<void> {
    return this.run(new ShadowBuild(this.store, this.db, projections));
  }

  /** A rebuild in progress gives up at its next page and leaves the live tables as they were. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.allSettled([...this.jobs]);
  }

  /** The rebuild of this projection in progress, if any. */
  building(name: string): ShadowBuild | undefined {
    return this.rebuilds.get(name);
  }

  lastRebuilt(name: string): string | undefined {
    return this.rebuiltAt.get(name);
  }

  /** Why the last rebuild of this projection failed, until the next one starts. */
  error(name: string): string | undefined {
    return this.errors.get(name);
  }

  private async run(build: ShadowBuild): Promise<void> {
    const names = build.projections.map((p) => p.name).join(', ');
    try {
      build.create();
      const head = await this.store.headPosition();
      build.head = head === 'start' ? 0n : head;
      // Catch up while the live tables go on being fed and read.
      await build.loadInBulk(build.head, () => this.betweenPages());
      await this.finish(build);
      this.logger.log(`rebuilt ${names}: ${build.eventsRead} events up to position ${build.position}`);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      for (const projection of build.projections) this.errors.set(projection.name, `rebuild failed: ${message}`);
      if (this.db.open) build.discard();
      if (!this.stopping) this.logger.error(`rebuild of ${names} failed: ${message}`);
      throw error;
    }
  }

  /**
   * The last few events and the swap. Live batches wait meanwhile, so the live
   * checkpoints cannot move: the copies read up to the head (which is at or past every
   * live checkpoint), and in one transaction the copies take the live tables' names
   * and the checkpoints jump to the copies' position. The follower then skips what
   * the copies already hold. Readers are never blocked: they see the old tables until
   * that transaction commits, the new ones after.
   */
  private async finish(build: ShadowBuild): Promise<void> {
    this.follower.pause();
    try {
      for (;;) {
        this.throwIfStopping();
        if ((await build.step(REBUILD_PAGE)) === 0) break;
        await nextTurn();
      }
      const now = new Date().toISOString();
      this.db.transaction(() => {
        for (const projection of build.projections) {
          const live = this.follower.checkpoint(projection.name);
          if (live > build.position) throw new Error(`the live ${projection.name} is at ${live}, past the head the rebuild saw (${build.position})`);
        }
        build.swapIn();
        for (const projection of build.projections) {
          this.table.save(projection, build.position, now);
          this.table.markRebuilt(projection, now);
        }
      })();
      for (const projection of build.projections) {
        this.follower.moveCheckpoint(projection.name, build.position);
        this.rebuiltAt.set(projection.name, now);
      }
    } finally {
      this.follower.resume();
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
}
