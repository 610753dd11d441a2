import { parseTopology } from '@app/config';
import { streamPlacement } from './openRegionalStore';

describe('where a stream lives on a topology', () => {
  let port = 2379;
  const member = (name: string, datacenter: string) => ({ name, datacenter, endpoint: `http://127.0.0.1:${port++}` });
  const topology = parseTopology(
    {
      regions: [{ id: 'eu-west' }, { id: 'us-east' }, { id: 'ap-south' }],
      datacenters: [
        { id: 'euw1', region: 'eu-west' },
        { id: 'use1', region: 'us-east' },
        { id: 'aps1', region: 'ap-south' },
      ],
      clusters: [
        { id: 'meta', members: [member('m1', 'euw1')] },
        { id: 'g-eu', members: [member('e1', 'euw1')] },
        { id: 'g-us', members: [member('u1', 'use1')] },
      ],
      metaCluster: 'meta',
      shardGroups: [
        { cluster: 'g-eu', home: 'eu-west', weight: 1 },
        { cluster: 'g-us', home: 'us-east', weight: 1 },
      ],
      latencyMs: { 'eu-west': { 'us-east': 40, 'ap-south': 90 }, 'us-east': { 'ap-south': 110 } },
    },
    'test',
  );
  const place = streamPlacement(topology);

  it("puts a customer's allowance in the shard group at home in the region that minted the customer", () => {
    expect(place('customer-fest-0195a1b2-0000-7000-8000-000000000001.us-east')).toBe('g-us');
    expect(place('customer-fest-2026-0195a1b2-0000-7000-8000-000000000001.eu-west')).toBe('g-eu');
  });

  it('keeps customers minted without a topology, or in a region without a group of its own, in the meta cluster', () => {
    expect(place('customer-fest-0195a1b2-0000-7000-8000-000000000001')).toBeUndefined();
    expect(place('customer-fest-0195a1b2-0000-7000-8000-000000000001.ap-south')).toBeUndefined();
    expect(place('catalog-show-fest')).toBeUndefined();
    expect(place('waitlist-fest')).toBeUndefined();
  });

  it("puts a show's shards in their groups", () => {
    expect([place('inventory-fest-s0'), place('inventory-fest-s63')]).toEqual(['g-eu', 'g-us']);
  });
});
