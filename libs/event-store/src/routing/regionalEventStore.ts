import type { AllSubscription, AppendOptions, AppendResult, EventData, EventStore, LogPosition, ReadAllOptions, ReadStreamOptions, RecordedEvent, StoreDescription, StoreKind, StoreLimits, SubscribeToAllOptions } from '../eventStore';
import { StoreUnavailableError } from '../errors';
import type { RegionalLog } from './regionalLog';
import type { StoreRouter } from './storeRouter';

/**
 * The event-store port for an API process in one region of a log spread over clusters.
 * Writes and stream reads go to the stream's cluster (its expected revision checked there,
 * acknowledged by its quorum); the log — reads, subscriptions, head, counts — is the region's
 * own copy of every cluster (`RegionalLog`). An append answers once its copy is in that log
 * too, with the copy's position, so whatever follows the log in this region has it when it is
 * asked to wait for that position. Events read from a stream carry their cluster's positions.
 */
export class RegionalEventStore implements EventStore {
  private appendObserver: ((cluster: string, seconds: number) => void) | undefined;

  constructor(
    private readonly router: StoreRouter,
    private readonly regional: RegionalLog,
  ) {}

  get kind(): StoreKind {
    return this.router.clusters[0].store.kind;
  }

  get limits(): StoreLimits {
    return this.router.limits;
  }

  /** Hears how long each cluster took to acknowledge an append (for the metrics). */
  observeAppends(observer: (cluster: string, seconds: number) => void): void {
    this.appendObserver = observer;
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    const { cluster, store } = this.router.clusterOf(streamId);
    const started = performance.now();
    const result = await store.appendToStream(streamId, events, options);
    this.appendObserver?.(cluster, (performance.now() - started) / 1_000);
    return { nextExpectedRevision: result.nextExpectedRevision, position: await this.regional.localPositionOf(cluster, result.position) };
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.router.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.regional.local.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.regional.local.subscribeToAll(options);
  }

  headPosition(): Promise<LogPosition> {
    return this.regional.local.headPosition();
  }

  countEventsAfter(position: LogPosition, options?: { cap?: number }): Promise<number> {
    return this.regional.local.countEventsAfter(position, options);
  }

  /** Every cluster's members, named `cluster/member`. */
  async describe(): Promise<StoreDescription> {
    const described = await Promise.all(this.router.clusters.map(async (c) => ({ cluster: c.cluster, description: await c.store.describe() })));
    return {
      kind: this.kind,
      members: described.flatMap(({ cluster, description }) => (description.members ?? []).map((m) => ({ ...m, name: `${cluster}/${m.name}` }))),
    };
  }

  /** Events each cluster holds that this region's log has not copied yet. */
  lagByCluster(): Promise<Record<string, number | undefined>> {
    return this.regional.lagByCluster();
  }

  /** Until when each cluster's share of what this region reads is known complete (see RegionalLog.caughtUpAt). */
  readsCurrentAtByCluster(): Record<string, Date> {
    return this.regional.caughtUpAt();
  }

  /** The oldest of the clusters' times: what this region reads is known current only up to then. */
  readsCurrentAt(): Date {
    return new Date(Math.min(...Object.values(this.regional.caughtUpAt()).map((d) => d.getTime())));
  }

  /** Every cluster answers, and the region's copy of each is still being made. */
  async ping(): Promise<void> {
    await Promise.all(this.router.clusters.map((c) => c.store.ping()));
    const failed = Object.entries(this.regional.failures());
    if (failed.length > 0) throw new StoreUnavailableError(`this region stopped copying ${failed.map(([cluster, error]) => `${cluster} (${error})`).join(', ')}`);
  }

  async close(): Promise<void> {
    await this.regional.stop();
    await this.router.close();
    await this.regional.local.close();
  }
}
