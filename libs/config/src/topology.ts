import { ConfigError } from './configError';

/**
 * Where the log lives when it spans datacenters: regions and their datacenters, the quorum
 * clusters (each member in a datacenter), which cluster holds the catalog, the customers'
 * allowances and the waiting lines (the meta cluster), and the shard groups a show's shards
 * are spread over, each a cluster with a home region. See docs/datacenters.md.
 */
export interface Topology {
  regions: Region[];
  datacenters: Datacenter[];
  clusters: ClusterSpec[];
  /** The cluster of every stream that is not a shard of a show's inventory. */
  metaCluster: string;
  /** A show's shards are spread over these, in proportion to `weight` (docs/datacenters.md §2). */
  shardGroups: ShardGroupSpec[];
  /** One-way latency in ms between regions, both ways; used to find the nearest region with tickets. */
  latencyMs: Record<string, Record<string, number>>;
}

export interface Region {
  id: string;
}

export interface Datacenter {
  id: string;
  region: string;
}

export interface ClusterMember {
  name: string;
  datacenter: string;
  /** `http://host:port` of the member's client URL. */
  endpoint: string;
}

export interface ClusterSpec {
  id: string;
  members: ClusterMember[];
}

export interface ShardGroupSpec {
  /** The group's name and the cluster it lives on (one group per cluster). */
  cluster: string;
  /** The region its leader normally sits in and whose customers it serves first. */
  home: string;
  weight: number;
}

const ID = /^[a-z0-9][a-z0-9-]{0,31}$/;
const ENDPOINT = /^http:\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\]):(\d{1,5})$/;

/** Reads and checks a topology; every problem names where it is. */
export function parseTopology(raw: unknown, source = 'topology'): Topology {
  const fail = (where: string, what: string): never => {
    throw new ConfigError(`${source}: ${where} ${what}`);
  };
  const object = (value: unknown, where: string): Record<string, unknown> =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : fail(where, 'must be an object');
  const list = (value: unknown, where: string): unknown[] => (Array.isArray(value) && value.length > 0 ? value : fail(where, 'must be a non-empty list'));
  const id = (value: unknown, where: string): string => (typeof value === 'string' && ID.test(value) ? value : fail(where, 'must be 1-32 lowercase letters, digits or -'));
  const unique = (ids: string[], where: string): void => {
    const seen = new Set<string>();
    for (const one of ids) {
      if (seen.has(one)) fail(where, `names ${one} twice`);
      seen.add(one);
    }
  };

  const root = object(raw, 'the topology');
  for (const key of Object.keys(root)) if (!['regions', 'datacenters', 'clusters', 'metaCluster', 'shardGroups', 'latencyMs'].includes(key)) fail(key, 'is not a topology field');
  const regions = list(root.regions, 'regions').map((r, i) => ({ id: id(object(r, `regions[${i}]`).id, `regions[${i}].id`) }));
  unique(regions.map((r) => r.id), 'regions');
  const regionIds = new Set(regions.map((r) => r.id));
  const datacenters = list(root.datacenters, 'datacenters').map((d, i) => {
    const dc = object(d, `datacenters[${i}]`);
    const region = id(dc.region, `datacenters[${i}].region`);
    if (!regionIds.has(region)) fail(`datacenters[${i}].region`, `names no region: ${region}`);
    return { id: id(dc.id, `datacenters[${i}].id`), region };
  });
  unique(datacenters.map((d) => d.id), 'datacenters');
  const datacenterIds = new Set(datacenters.map((d) => d.id));
  const clusters = list(root.clusters, 'clusters').map((c, i) => {
    const cluster = object(c, `clusters[${i}]`);
    const members = list(cluster.members, `clusters[${i}].members`).map((m, j) => {
      const member = object(m, `clusters[${i}].members[${j}]`);
      const where = `clusters[${i}].members[${j}]`;
      const datacenter = id(member.datacenter, `${where}.datacenter`);
      if (!datacenterIds.has(datacenter)) fail(`${where}.datacenter`, `names no datacenter: ${datacenter}`);
      if (typeof member.endpoint !== 'string' || !ENDPOINT.test(member.endpoint)) fail(`${where}.endpoint`, 'must be http://host:port');
      return { name: id(member.name, `${where}.name`), datacenter, endpoint: member.endpoint as string };
    });
    if (members.length % 2 === 0) fail(`clusters[${i}].members`, `has ${members.length} members: a quorum cluster needs an odd number`);
    unique(members.map((m) => m.name), `clusters[${i}].members`);
    return { id: id(cluster.id, `clusters[${i}].id`), members };
  });
  unique(clusters.map((c) => c.id), 'clusters');
  unique(clusters.flatMap((c) => c.members.map((m) => m.endpoint)), 'the members\' endpoints');
  const clusterIds = new Set(clusters.map((c) => c.id));
  const metaCluster = id(root.metaCluster, 'metaCluster');
  if (!clusterIds.has(metaCluster)) fail('metaCluster', `names no cluster: ${metaCluster}`);
  const shardGroups = list(root.shardGroups, 'shardGroups').map((g, i) => {
    const group = object(g, `shardGroups[${i}]`);
    const cluster = id(group.cluster, `shardGroups[${i}].cluster`);
    if (!clusterIds.has(cluster)) fail(`shardGroups[${i}].cluster`, `names no cluster: ${cluster}`);
    if (cluster === metaCluster) fail(`shardGroups[${i}].cluster`, 'is the meta cluster: shard groups have clusters of their own');
    const home = id(group.home, `shardGroups[${i}].home`);
    if (!regionIds.has(home)) fail(`shardGroups[${i}].home`, `names no region: ${home}`);
    const weight = group.weight;
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 1 || weight > 1024) fail(`shardGroups[${i}].weight`, 'must be an integer from 1 to 1024');
    return { cluster, home, weight: weight as number };
  });
  unique(shardGroups.map((g) => g.cluster), 'shardGroups');
  const latency = object(root.latencyMs ?? {}, 'latencyMs');
  const latencyMs: Record<string, Record<string, number>> = {};
  for (const a of regionIds) latencyMs[a] = { [a]: 0 };
  for (const [a, row] of Object.entries(latency)) {
    if (!regionIds.has(a)) fail(`latencyMs.${a}`, 'names no region');
    for (const [b, ms] of Object.entries(object(row, `latencyMs.${a}`))) {
      if (!regionIds.has(b)) fail(`latencyMs.${a}.${b}`, 'names no region');
      if (typeof ms !== 'number' || !(ms >= 0) || ms > 10_000) fail(`latencyMs.${a}.${b}`, 'must be a number of ms from 0 to 10000');
      latencyMs[a][b] = ms as number;
      latencyMs[b][a] ??= ms as number;
    }
  }
  return { regions, datacenters, clusters, metaCluster, shardGroups, latencyMs };
}

/**
 * Which group each of a show's shards lives in: contiguous runs in the groups' order, sized in
 * proportion to their weights (largest remainder), so 64 shards over weights 16/10/14/12/12 are
 * exactly those counts. Every group gets at least one shard when there are enough.
 */
export function assignShards(shardCount: number, groups: readonly ShardGroupSpec[]): string[] {
  const total = groups.reduce((sum, g) => sum + g.weight, 0);
  const exact = groups.map((g) => (shardCount * g.weight) / total);
  const counts = exact.map(Math.floor);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0, left = shardCount - counts.reduce((s, c) => s + c, 0); left > 0; k++, left--) counts[byRemainder[k % groups.length].i]++;
  if (shardCount >= groups.length) {
    // An empty group would never sell; take one shard from the largest.
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) {
        const largest = counts.indexOf(Math.max(...counts));
        counts[largest]--;
        counts[i]++;
      }
    }
  }
  return groups.flatMap((g, i) => Array<string>(counts[i]).fill(g.cluster));
}

/** Regions from nearest to farthest from `region` (itself first), by the latency table; ties by name. */
export function regionsByDistance(topology: Topology, region: string): string[] {
  const row = topology.latencyMs[region] ?? {};
  return topology.regions
    .map((r) => r.id)
    .sort((a, b) => (row[a] ?? Number.POSITIVE_INFINITY) - (row[b] ?? Number.POSITIVE_INFINITY) || a.localeCompare(b));
}
