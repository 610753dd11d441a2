import type { AppendOptions, AppendResult, EventData, EventStore, ReadStreamOptions, RecordedEvent, StoreLimits } from '../eventStore';

/** One quorum cluster's store, by the cluster's name in the topology. */
export interface ClusterStore {
  cluster: string;
  store: EventStore;
}

/** The cluster a stream lives in; undefined for the meta cluster (catalog, waiting lines). */
export type StreamPlacement = (streamId: string) => string | undefined;

/**
 * The write side's view of a log spread over several clusters: every stream lives in exactly
 * one cluster (a show's shard in its group's, the rest as the placement says), so an
 * append or a stream read goes to that cluster alone and keeps its guarantees there — one
 * decider per stream, expected revisions, quorum acknowledgement. There is no global order
 * across clusters: whoever follows the log follows each cluster with a checkpoint of its own
 * (`clusters`).
 */
export class StoreRouter {
  private readonly byName = new Map<string, ClusterStore>();
  private readonly meta: ClusterStore;
  /** The smallest of the clusters' limits: a writer's batch fits wherever its stream lives. */
  readonly limits: StoreLimits;

  constructor(
    clusters: readonly ClusterStore[],
    metaCluster: string,
    private readonly placement: StreamPlacement,
  ) {
    for (const cluster of clusters) {
      if (this.byName.has(cluster.cluster)) throw new Error(`cluster ${cluster.cluster} is given twice`);
      this.byName.set(cluster.cluster, cluster);
    }
    const meta = this.byName.get(metaCluster);
    if (!meta) throw new Error(`the meta cluster ${metaCluster} is not among the clusters (${[...this.byName.keys()].join(', ')})`);
    this.meta = meta;
    this.limits = {
      maxEventsPerAppend: Math.min(...clusters.map((c) => c.store.limits.maxEventsPerAppend)),
      maxAppendBytes: Math.min(...clusters.map((c) => c.store.limits.maxAppendBytes)),
    };
  }

  /** Every cluster, the meta cluster first. */
  get clusters(): ClusterStore[] {
    return [this.meta, ...[...this.byName.values()].filter((c) => c !== this.meta)];
  }

  /** The cluster that holds `streamId`. */
  clusterOf(streamId: string): ClusterStore {
    const name = this.placement(streamId);
    if (name === undefined) return this.meta;
    const cluster = this.byName.get(name);
    if (!cluster) throw new Error(`stream ${streamId} is placed in cluster ${name}, which the topology does not have`);
    return cluster;
  }

  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    return this.clusterOf(streamId).store.appendToStream(streamId, events, options);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.clusterOf(streamId).store.readStream(streamId, options);
  }

  async close(): Promise<void> {
    await Promise.all([...this.byName.values()].map((c) => c.store.close()));
  }
}
