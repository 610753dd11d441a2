import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AllSubscription, EventStore, RecordedEvent } from '../eventStore';
import { StoreUnavailableError } from '../errors';
import type { ClusterStore } from './storeRouter';

/** How often the per-cluster checkpoints are written to their file. */
const SAVE_EVERY_MS = 500;
/** Copies of one cluster in flight at most: a long catch-up waits for the store instead of piling up. */
const MAX_IN_FLIGHT = 5_000;
/** How often each cluster's head is asked for, to know until when the copy is complete. */
const PROBE_EVERY_MS = 200;

interface Waiter {
  position: bigint;
  resolve: (local: bigint) => void;
}

interface ClusterFollow {
  cluster: ClusterStore;
  /** The last position of this cluster whose copy is durable in the regional log. */
  copied: bigint;
  subscription?: AllSubscription;
  loop?: Promise<void>;
  /** Copies issued and not yet passed by the checkpoint, in the cluster's order; `local` once durable. */
  inFlight: Array<{ position: bigint; done: Promise<bigint>; local?: bigint }>;
  waiters: Waiter[];
  /** Local positions of copies done, for waiters that ask after the copy (kept briefly). */
  recent: Map<bigint, bigint>;
  error?: Error;
  /** The latest moment at which everything the cluster held was copied (0: not known yet). */
  caughtUpAt: number;
  /** Heads asked for and not yet copied up to: `at` is when each was asked. */
  probes: Array<{ head: bigint; at: number }>;
  probing: boolean;
}

/**
 * A region's own copy of the log: it follows every cluster from a checkpoint of its own (a
 * vector, one position per cluster) and copies each event, with its id, stream and revision,
 * into a local embedded store in each cluster's order. The region's read side — projections,
 * live feeds, the expiry worker — follows that one local log as it would follow one store.
 *
 * A copy is an append at the event's own revision with its own id, so copying an event twice
 * (after a crash, from a checkpoint a little behind) is answered with the first copy and
 * writes nothing. Checkpoints are saved only for copies already durable.
 */
export class RegionalLog {
  private readonly follows: ClusterFollow[];
  private saveTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    clusters: readonly ClusterStore[],
    /** The local log (an embedded store of the region's own). */
    readonly local: EventStore,
    /** Where the per-cluster checkpoints are kept between runs. */
    private readonly checkpointFile: string,
  ) {
    const saved = readCheckpoints(checkpointFile);
    this.follows = clusters.map((cluster) => ({ cluster, copied: saved[cluster.cluster] ?? 0n, inFlight: [], waiters: [], recent: new Map(), caughtUpAt: 0, probes: [], probing: false }));
  }

  /** Starts following every cluster from its checkpoint. */
  start(): void {
    for (const follow of this.follows) {
      const subscription = follow.cluster.store.subscribeToAll({ fromPosition: follow.copied === 0n ? 'start' : follow.copied });
      follow.subscription = subscription;
      follow.loop = this.copy(follow, subscription);
    }
    this.saveTimer = setInterval(() => this.save(), SAVE_EVERY_MS);
    this.saveTimer.unref();
    this.probeTimer = setInterval(() => this.probe(), PROBE_EVERY_MS);
    this.probeTimer.unref();
    this.probe();
  }

  /**
   * Until when each cluster's share of this log is known complete: the moment its head was last
   * asked for, once everything up to that head was copied. Whatever reads the local log after now
   * sees each cluster as it stood then, at least.
   */
  caughtUpAt(): Record<string, Date> {
    return Object.fromEntries(this.follows.map((f) => [f.cluster.cluster, new Date(f.caughtUpAt)]));
  }

  private probe(): void {
    for (const follow of this.follows) {
      if (follow.probing || this.stopped) continue;
      follow.probing = true;
      const at = Date.now();
      // The head as the cluster's majority has it: a lagging member's would claim the copy complete too soon.
      follow.cluster.store
        .headPosition({ current: true })
        .then((head) => {
          const position = head === 'start' ? 0n : head;
          if (follow.copied >= position) follow.caughtUpAt = Math.max(follow.caughtUpAt, at);
          else if (follow.probes.push({ head: position, at }) > 50) follow.probes.shift();
        })
        .catch(() => undefined)
        .finally(() => (follow.probing = false));
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.saveTimer);
    clearInterval(this.probeTimer);
    await Promise.all(this.follows.map((f) => f.subscription?.stop()));
    await Promise.all(this.follows.map((f) => f.loop));
    await Promise.all(this.follows.flatMap((f) => f.inFlight.map((c) => c.done.catch(() => undefined))));
    this.save();
  }

  /** Resolves with the local position of cluster `cluster`'s event at `position`, once its copy is durable. */
  localPositionOf(cluster: string, position: bigint, timeoutMs = 10_000): Promise<bigint> {
    const follow = this.follows.find((f) => f.cluster.cluster === cluster);
    if (!follow) return Promise.reject(new StoreUnavailableError(`no cluster ${cluster} in the regional log`));
    const known = follow.recent.get(position);
    if (known !== undefined) return Promise.resolve(known);
    // Copied so long ago that its local position was forgotten: the local head is at or after it.
    if (follow.copied >= position) return this.local.headPosition().then((head) => (head === 'start' ? 0n : head));
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { position, resolve };
      follow.waiters.push(waiter);
      setTimeout(() => {
        const at = follow.waiters.indexOf(waiter);
        if (at >= 0) {
          follow.waiters.splice(at, 1);
          // The write itself was acknowledged by its cluster: a retry with the same key finds it.
          reject(new StoreUnavailableError(`the regional log has not copied position ${position} of ${cluster} within ${timeoutMs} ms${follow.error ? `: ${follow.error.message}` : ''}`));
        }
      }, timeoutMs).unref();
    });
  }

  /** Clusters whose copying stopped on a failure, with it. */
  failures(): Record<string, string> {
    return Object.fromEntries(this.follows.filter((f) => f.error).map((f) => [f.cluster.cluster, f.error!.message]));
  }

  /** Each cluster's checkpoint: the last of its positions copied durably. */
  get checkpoints(): Record<string, bigint> {
    return Object.fromEntries(this.follows.map((f) => [f.cluster.cluster, f.copied]));
  }

  /** Events each cluster holds that the regional log has not copied yet. */
  async lagByCluster(): Promise<Record<string, number | undefined>> {
    const lags = await Promise.all(this.follows.map((f) => f.cluster.store.countEventsAfter(f.copied === 0n ? 'start' : f.copied).catch(() => undefined)));
    return Object.fromEntries(this.follows.map((f, i) => [f.cluster.cluster, lags[i]]));
  }

  private async copy(follow: ClusterFollow, subscription: AllSubscription): Promise<void> {
    try {
      for await (const event of subscription) {
        // A copy that failed stops this cluster's copying (the checkpoint stays before it; a restart resumes there).
        if (follow.error) break;
        // Issued in the cluster's order without waiting: the local store commits them in that order.
        const done = this.local
          .appendToStream(event.streamId, [copyOf(event, follow.cluster.cluster)], { expectedRevision: event.streamRevision === 0n ? 'no_stream' : event.streamRevision - 1n })
          .then((result) => result.position);
        const copy: ClusterFollow['inFlight'][number] = { position: event.position, done };
        follow.inFlight.push(copy);
        if (follow.inFlight.length >= MAX_IN_FLIGHT) await follow.inFlight[0].done.catch(() => undefined);
        void done.then(
          (local) => {
            copy.local = local;
            this.settle(follow);
          },
          (error: unknown) => {
            follow.error = error instanceof Error ? error : new Error(String(error));
          },
        );
      }
    } catch (error) {
      if (!this.stopped) follow.error = error instanceof Error ? error : new Error(String(error));
    }
    if (follow.error && !this.stopped) await subscription.stop().catch(() => undefined);
  }

  /** Moves the checkpoint over the copies done, in order, and answers their waiters. */
  private settle(follow: ClusterFollow): void {
    while (follow.inFlight.length > 0 && follow.inFlight[0].local !== undefined) {
      const { position, local } = follow.inFlight.shift()!;
      follow.copied = position;
      follow.recent.set(position, local!);
      if (follow.recent.size > 10_000) follow.recent.delete(follow.recent.keys().next().value!);
    }
    while (follow.probes.length > 0 && follow.probes[0].head <= follow.copied) follow.caughtUpAt = Math.max(follow.caughtUpAt, follow.probes.shift()!.at);
    if (follow.waiters.length === 0) return;
    const ready = follow.waiters.filter((w) => w.position <= follow.copied);
    if (ready.length === 0) return;
    follow.waiters = follow.waiters.filter((w) => w.position > follow.copied);
    for (const waiter of ready) waiter.resolve(follow.recent.get(waiter.position) ?? follow.recent.get(follow.copied)!);
  }

  private save(): void {
    const body = JSON.stringify(Object.fromEntries(this.follows.map((f) => [f.cluster.cluster, f.copied.toString()])));
    writeFileSync(`${this.checkpointFile}.tmp`, body);
    renameSync(`${this.checkpointFile}.tmp`, this.checkpointFile);
  }
}

function copyOf(event: RecordedEvent, cluster: string) {
  return { id: event.id, type: event.type, data: event.data, metadata: { ...event.metadata, $cluster: cluster, $position: event.position.toString() } };
}

function readCheckpoints(file: string): Record<string, bigint> {
  if (!existsSync(file)) return {};
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
  return Object.fromEntries(Object.entries(raw).map(([cluster, position]) => [cluster, BigInt(position)]));
}
