import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { assignShards, type Topology } from '@app/config';
import { RegionalEventStore, RegionalLog, SqliteEventStore, StoreRouter, openEventStore, type ClusterStore } from '@app/event-store';

/**
 * Shard slots: a show's shard `s<i>` lives in the group of slot `i mod 64`, the slots spread over
 * the groups by weight (docs/datacenters.md §2: the festival's 64 shards land 16/10/14/12/12).
 * Decided from the stream's name alone, so every region routes a stream to the same cluster.
 */
export const SHARD_SLOTS = 64;

/** The name of the one cluster (and shard group) of a process without a topology, in metrics and counts. */
export const SINGLE_CLUSTER = 'default';

/** The group of a show's shard `s<i>` (the same for every show). */
export function shardGroups(topology: Topology): (shardId: string) => string {
  const slots = assignShards(SHARD_SLOTS, topology.shardGroups);
  return (shardId) => slots[Number(shardId.slice(1)) % SHARD_SLOTS];
}

/**
 * The cluster of a stream: a show's shard's group; a customer's allowance stream in the
 * first shard group at home in the region that minted the customer (the id's `.<region>`
 * suffix); the meta cluster (undefined) for everything else, and for customers minted
 * without a topology or in a region that is no group's home.
 */
export function streamPlacement(topology: Topology): (streamId: string) => string | undefined {
  const groupOf = shardGroups(topology);
  const homeGroup = new Map<string, string>();
  for (const group of topology.shardGroups) if (!homeGroup.has(group.home)) homeGroup.set(group.home, group.cluster);
  return (streamId) => {
    const shard = /^inventory-.+-(s\d+)$/.exec(streamId);
    if (shard) return groupOf(shard[1]);
    const customer = /^customer-.+\.([a-z0-9-]{1,32})$/.exec(streamId);
    return customer ? homeGroup.get(customer[1]) : undefined;
  };
}

/**
 * The store of an API process in `region` of a topology: one etcd store per cluster (each only
 * once one of its members answered), a router that sends each stream to its cluster, and the
 * region's own copy of the log in `DATA_DIR/regional-events.db`, followed from the per-cluster
 * checkpoints in `DATA_DIR/regional-checkpoints.json`.
 */
export async function openRegionalStore(
  topology: Topology,
  options: { dataDir: string; prefix: string; synchronous: 'FULL' | 'EXTRA' },
): Promise<RegionalEventStore> {
  const clusters: ClusterStore[] = [];
  try {
    for (const cluster of topology.clusters) {
      const store = await openEventStore({ kind: 'etcd', endpoints: cluster.members.map((m) => m.endpoint), prefix: options.prefix });
      clusters.push({ cluster: cluster.id, store });
    }
  } catch (error) {
    await Promise.all(clusters.map((c) => c.store.close()));
    throw error;
  }
  mkdirSync(options.dataDir, { recursive: true });
  const local = new SqliteEventStore({ file: join(options.dataDir, 'regional-events.db'), synchronous: options.synchronous, backgroundCheckpoints: true });
  const regional = new RegionalLog(clusters, local, join(options.dataDir, 'regional-checkpoints.json'));
  regional.start();
  return new RegionalEventStore(new StoreRouter(clusters, topology.metaCluster, streamPlacement(topology)), regional);
}
