import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { ProjectionRunner, ReadDatabase, RebuildRefused, type Projection, type ProjectionStatus } from '@app/read-models';
import { EVENT_STORE } from '../infrastructure/tokens';

/**
 * The read models (`@app/read-models`) as the app sees them. Feature modules register
 * their projections (and listeners) while the app initialises; the runner starts once
 * everything is registered.
 */
@Injectable()
export class ProjectionsService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly projections: Projection[] = [];
  private readonly listeners: Array<(events: readonly RecordedEvent[]) => void> = [];
  private runner: ProjectionRunner | undefined;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    readonly readDb: ReadDatabase,
  ) {}

  register(projection: Projection): void {
    if (this.runner) throw new Error(`Projection ${projection.name} registered after start`);
    projection.setup(this.readDb.writer);
    this.projections.push(projection);
  }

  /** Called after each batch is committed to the read database. */
  onApplied(listener: (events: readonly RecordedEvent[]) => void): void {
    this.listeners.push(listener);
    this.runner?.onApplied(listener);
  }

  async onApplicationBootstrap(): Promise<void> {
    this.runner = new ProjectionRunner(this.store, this.readDb, this.projections, new Logger('Projections'));
    for (const listener of this.listeners) this.runner.onApplied(listener);
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner?.stop();
    await this.readDb.close();
  }

  /** Read-your-writes: wait until the read models hold everything the store holds now. */
  async catchUp(timeoutMs = 5_000): Promise<boolean> {
    return this.runner ? this.runner.catchUpWithHead(timeoutMs) : false;
  }

  waitForPosition(position: bigint, timeoutMs = 5_000): Promise<boolean> {
    return this.runner ? this.runner.waitForPosition(position, timeoutMs) : Promise.resolve(false);
  }

  async status(): Promise<ProjectionStatus[]> {
    return this.runner ? this.runner.status() : [];
  }

  get appliedPosition(): bigint {
    return this.runner?.appliedPosition ?? 0n;
  }

  /**
   * Starts rebuilding one projection (or `all`) beside its live tables and returns
   * the names being rebuilt; throws `RebuildRefused` for an unknown name or one that
   * is already rebuilding. `done` settles when the new copy is in place.
   */
  startRebuild(name: string): { names: string[]; done: Promise<void> } {
    if (!this.runner) throw new RebuildRefused('unknown', name);
    const names = name === 'all' ? this.runner.rebuildable : [name];
    const done = this.runner.rebuild(names);
    // Failures are reported through status(); nobody has to wait for the outcome.
    done.catch(() => undefined);
    return { names, done };
  }
}
