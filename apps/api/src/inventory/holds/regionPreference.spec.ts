import { parseTopology } from '@app/config';
import { RegionPreference } from './regionPreference';

const topology = parseTopology({
  regions: [{ id: 'us-east' }, { id: 'eu-west' }, { id: 'ap-southeast' }],
  datacenters: [{ id: 'use1', region: 'us-east' }, { id: 'euw1', region: 'eu-west' }, { id: 'aps1', region: 'ap-southeast' }],
  clusters: ['meta', 'g-use', 'g-euw', 'g-aps'].map((id, i) => ({ id, members: [{ name: `${id}-1`, datacenter: 'use1', endpoint: `http://10.0.0.${i + 1}:2379` }] })),
  metaCluster: 'meta',
  shardGroups: [
    { cluster: 'g-use', home: 'us-east', weight: 1 },
    { cluster: 'g-euw', home: 'eu-west', weight: 1 },
    { cluster: 'g-aps', home: 'ap-southeast', weight: 2 },
  ],
  latencyMs: { 'eu-west': { 'us-east': 40, 'ap-southeast': 90 }, 'us-east': { 'ap-southeast': 110 } },
});
const shardIds = Array.from({ length: 64 }, (_, i) => `s${i}`);
const all = shardIds.map((_, i) => i);

describe('which shards a region tries first', () => {
  it("puts the region's own groups first, then the nearest region's, then the farthest", () => {
    const bands = new RegionPreference(topology, 'eu-west').bands(all, shardIds);
    // Slots: 0-15 g-use, 16-31 g-euw, 32-63 g-aps (weights 1/1/2).
    expect(bands.map((band) => [band[0], band.length])).toEqual([[16, 16], [0, 16], [32, 32]]);
  });

  it('keeps the candidates it is given, in their order, within a band', () => {
    expect(new RegionPreference(topology, 'ap-southeast').bands([40, 3, 20, 33], shardIds)).toEqual([[40, 33], [20], [3]]);
  });

  it('without a topology, every shard is local', () => {
    expect(new RegionPreference(undefined, undefined).bands([2, 0, 1], shardIds)).toEqual([[2, 0, 1]]);
  });
});
