import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseTopology, type Topology } from '@app/config';

/**
 * What the lab builds: datacenters (each in a region), the quorum clusters with the datacenter
 * of each member, the meta cluster, the shard groups and the one-way latencies between regions.
 * The endpoints are the lab's to choose, so they are not in here: `DatacenterLab` places every
 * member at a service address and writes the API's topology (libs/config's `Topology`) from it.
 */
export interface LabTopology {
  description?: string;
  datacenters: Array<{ id: string; region: string }>;
  clusters: Array<{ id: string; members: string[] }>;
  metaCluster: string;
  shardGroups: Array<{ cluster: string; home: string; weight: number }>;
  latencyMs: Record<string, Record<string, number>>;
}

export function loadLabTopology(name: string): LabTopology {
  const file = name.endsWith('.json') ? name : join(__dirname, 'topologies', `${name}.json`);
  return JSON.parse(readFileSync(file, 'utf8')) as LabTopology;
}

export function regionsOf(topology: LabTopology): string[] {
  return [...new Set(topology.datacenters.map((d) => d.region))];
}

/** One-way latency between two regions, `scale`d (0 within a region). */
export function latencyBetween(topology: LabTopology, a: string, b: string, scale = 1): number {
  if (a === b) return 0;
  const ms = topology.latencyMs[a]?.[b] ?? topology.latencyMs[b]?.[a];
  if (ms === undefined) throw new Error(`no latency between ${a} and ${b} in the lab topology`);
  return Math.round(ms * scale);
}

/** The API's topology for the lab's placement: `endpointOf(cluster, index)` is a member's client URL. */
export function apiTopology(topology: LabTopology, endpointOf: (cluster: string, index: number) => string, scale = 1): Topology {
  const regions = regionsOf(topology);
  const latencyMs: Record<string, Record<string, number>> = {};
  for (const a of regions) {
    latencyMs[a] = {};
    for (const b of regions) if (a !== b) latencyMs[a][b] = latencyBetween(topology, a, b, scale);
  }
  return parseTopology(
    {
      regions: regions.map((id) => ({ id })),
      datacenters: topology.datacenters,
      clusters: topology.clusters.map((c) => ({
        id: c.id,
        members: c.members.map((dc, i) => ({ name: `${c.id}-${i + 1}`, datacenter: dc, endpoint: endpointOf(c.id, i) })),
      })),
      metaCluster: topology.metaCluster,
      shardGroups: topology.shardGroups,
      latencyMs,
    },
    'lab topology',
  );
}
