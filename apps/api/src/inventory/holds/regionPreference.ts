import { regionsByDistance, type Topology } from '@app/config';
import { shardGroups } from '../../infrastructure/openRegionalStore';

/**
 * Which of a request's candidate shards this region tries first (docs/datacenters.md §2,
 * "Overflow"): bands of shards, the ones whose group's home is this region first, then those
 * homed in the nearest other region, and so on by the topology's latency table. Without a
 * topology every shard is local: one band.
 */
export class RegionPreference {
  private readonly bandOfShard: ((shardId: string) => number) | undefined;

  constructor(topology: Topology | undefined, region: string | undefined) {
    if (!topology || !region) return;
    const distance = new Map(regionsByDistance(topology, region).map((r, i) => [r, i]));
    const homeOf = new Map(topology.shardGroups.map((g) => [g.cluster, g.home]));
    const groupOf = shardGroups(topology);
    this.bandOfShard = (shardId) => distance.get(homeOf.get(groupOf(shardId)) ?? '') ?? distance.size;
  }

  /** The candidates (indexes into `shardIds`) in bands, nearest first; the order within a band is kept. */
  bands(candidates: readonly number[], shardIds: readonly string[]): number[][] {
    if (!this.bandOfShard) return [[...candidates]];
    const bands = new Map<number, number[]>();
    for (const index of candidates) {
      const band = this.bandOfShard(shardIds[index]);
      bands.set(band, [...(bands.get(band) ?? []), index]);
    }
    return [...bands.entries()].sort(([a], [b]) => a - b).map(([, shards]) => shards);
  }
}
