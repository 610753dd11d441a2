import { ConfigError } from './config';
import { assignShards, parseTopology, regionsByDistance, type Topology } from './topology';

const member = (name: string, datacenter: string, port: number) => ({ name, datacenter, endpoint: `http://10.0.0.1:${port}` });

function fiveRegions(): Record<string, unknown> {
  return {
    regions: ['us-east', 'us-west', 'eu-west', 'eu-central', 'ap-southeast'].map((id) => ({ id })),
    datacenters: [
      { id: 'use1', region: 'us-east' },
      { id: 'usw1', region: 'us-west' },
      { id: 'euw1', region: 'eu-west' },
      { id: 'euc1', region: 'eu-central' },
      { id: 'aps1', region: 'ap-southeast' },
    ],
    clusters: [
      { id: 'meta', members: [member('meta-a', 'euw1', 2001), member('meta-b', 'euc1', 2002), member('meta-c', 'use1', 2003)] },
      { id: 'g-use', members: [member('use-a', 'use1', 2011), member('use-b', 'usw1', 2012), member('use-c', 'euw1', 2013)] },
      { id: 'g-euw', members: [member('euw-a', 'euw1', 2021), member('euw-b', 'euc1', 2022), member('euw-c', 'use1', 2023)] },
    ],
    metaCluster: 'meta',
    shardGroups: [
      { cluster: 'g-use', home: 'us-east', weight: 16 },
      { cluster: 'g-euw', home: 'eu-west', weight: 14 },
    ],
    latencyMs: { 'us-east': { 'us-west': 35, 'eu-west': 40, 'eu-central': 45, 'ap-southeast': 110 }, 'eu-west': { 'eu-central': 8, 'ap-southeast': 90 } },
  };
}

describe('topology', () => {
  it('reads regions, datacenters, clusters, the meta cluster and shard groups; latency is symmetric', () => {
    const topology: Topology = parseTopology(fiveRegions());
    expect(topology.clusters.map((c) => c.id)).toEqual(['meta', 'g-use', 'g-euw']);
    expect(topology.latencyMs['eu-central']['us-east']).toBe(45);
    expect(regionsByDistance(topology, 'eu-west')).toEqual(['eu-west', 'eu-central', 'us-east', 'ap-southeast', 'us-west']);
  });

  it.each([
    ['an unknown field', (t: any) => (t.extra = 1), 'extra is not a topology field'],
    ['a datacenter in no region', (t: any) => (t.datacenters[0].region = 'mars'), 'datacenters[0].region names no region: mars'],
    ['an even cluster', (t: any) => t.clusters[1].members.pop(), 'clusters[1].members has 2 members'],
    ['a member in no datacenter', (t: any) => (t.clusters[0].members[0].datacenter = 'x1'), 'clusters[0].members[0].datacenter names no datacenter'],
    ['a bad endpoint', (t: any) => (t.clusters[0].members[0].endpoint = 'https://a:1'), 'clusters[0].members[0].endpoint must be http://host:port'],
    ['one endpoint twice', (t: any) => (t.clusters[1].members[0].endpoint = 'http://10.0.0.1:2001'), "the members' endpoints names http://10.0.0.1:2001 twice"],
    ['a missing meta cluster', (t: any) => (t.metaCluster = 'nope'), 'metaCluster names no cluster: nope'],
    ['a group on the meta cluster', (t: any) => (t.shardGroups[0].cluster = 'meta'), 'shardGroups[0].cluster is the meta cluster'],
    ['a zero weight', (t: any) => (t.shardGroups[0].weight = 0), 'shardGroups[0].weight must be an integer'],
    ['a latency to nowhere', (t: any) => (t.latencyMs['us-east'].moon = 1), 'latencyMs.us-east.moon names no region'],
  ])('refuses %s, saying where', (_name, spoil, message) => {
    const raw = fiveRegions();
    spoil(raw);
    expect(() => parseTopology(raw, 'lab.json')).toThrow(ConfigError);
    expect(() => parseTopology(raw, 'lab.json')).toThrow(`lab.json: ${message}`);
  });

  it("spreads a show's shards over the groups by weight, in contiguous runs", () => {
    const groups = [16, 10, 14, 12, 12].map((weight, i) => ({ cluster: `g${i}`, home: 'r', weight }));
    const festival = assignShards(64, groups);
    expect(['g0', 'g1', 'g2', 'g3', 'g4'].map((g) => festival.filter((x) => x === g).length)).toEqual([16, 10, 14, 12, 12]);
    expect(festival.slice(15, 17)).toEqual(['g0', 'g1']);
    // Fewer shards than weight: still every group gets one while there are enough.
    const small = assignShards(5, groups);
    expect(new Set(small).size).toBe(5);
    expect(assignShards(7, groups)).toHaveLength(7);
    expect(assignShards(2, groups)).toHaveLength(2);
  });
});
