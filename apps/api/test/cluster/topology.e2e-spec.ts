import { openEventStore, type EventStore, type RecordedEvent } from '@app/event-store';
import { describeWithEtcd } from '@app/event-store/etcd/testing/localEtcdCluster';
import { call, createFestival, eventually, type ChildServer } from '../support/childServer';
import { ADMIN } from './clusterSupport';
import { startTwoRegions, type TwoRegions } from './twoRegions';

/**
 * Two regions selling one show whose shards live in two shard groups, each group its own etcd
 * cluster, beside a meta cluster for the catalog: every stream is written to its cluster only
 * (a customer's allowance to the group at home in the region that minted the customer), each
 * region follows all three, and both see every sale.
 */
describeWithEtcd('a log spread over three etcd clusters, sold from two regions (TOPOLOGY_FILE, REGION)', () => {
  let regions: TwoRegions;
  let servers: ChildServer[];

  beforeAll(async () => {
    // The spill-over below counts on capacity staying where the show put it.
    regions = await startTwoRegions('topo', { REBALANCER: 'off' });
    servers = regions.servers;
  }, 120_000);

  afterAll(() => regions?.stop());

  async function logOf(name: string): Promise<RecordedEvent[]> {
    const store: EventStore = await openEventStore({ kind: 'etcd', endpoints: regions.clusters[name as keyof TwoRegions['clusters']].members.map((m) => m.endpoint), prefix: 'topo/' });
    try {
      return await store.readAll({ maxCount: 100_000 });
    } finally {
      await store.close();
    }
  }

  it('writes each stream to its own cluster, and both regions see every sale', async () => {
    const [eu, us] = servers;
    // 64 shards: slots 0-31 in g-eu, 32-63 in g-us.
    const showId = await createFestival(eu.url, ADMIN, 'topo', { capacity: 640, shardCount: 64, maxTicketsPerCustomer: 10 });
    await eventually(async () => (await call(us.url, 'GET', `/v1/shows/${showId}`)).status === 200, 20_000, 'the show in the other region');
    let sold = 0;
    for (const [i, server] of [eu, us, eu, us, eu, us, eu, us].entries()) {
      const customer = await call(server.url, 'POST', '/v1/customers');
      const hold = await call(server.url, 'POST', `/v1/shows/${showId}/holds`, { token: customer.body.token, body: { quantity: 1 + (i % 3) } });
      expect(hold.status).toBe(201);
      const order = await call(server.url, 'POST', `/v1/holds/${hold.body.holdId as string}/purchase`, { token: customer.body.token, body: { payment: { token: 'tok_visa' } }, headers: { 'idempotency-key': `k-${i}` } });
      expect(order.status).toBe(201);
      sold += order.body.tickets.length as number;
    }
    for (const server of servers) {
      await eventually(async () => (await call(server.url, 'GET', `/v1/shows/${showId}/availability`)).body.sold === sold, 20_000, `${sold} sold seen in ${server.url}`);
    }

    const [meta, gEu, gUs] = await Promise.all(['meta', 'g-eu', 'g-us'].map(logOf));
    const shardOf = (e: RecordedEvent) => Number(/-s(\d+)$/.exec(e.streamId)![1]);
    expect(meta.every((e) => !e.streamId.startsWith('inventory-') && !e.streamId.startsWith('customer-'))).toBe(true);
    expect(meta.some((e) => e.streamId.includes(showId))).toBe(true);
    expect(gEu.length + gUs.length).toBeGreaterThan(0);
    const inGroup = (e: RecordedEvent, shards: (shard: number) => boolean, region: string) =>
      e.streamId.startsWith('inventory-') ? shards(shardOf(e)) : e.streamId.startsWith('customer-') && e.streamId.endsWith(`.${region}`);
    expect(gEu.every((e) => inGroup(e, (s) => s < 32, 'eu-west'))).toBe(true);
    expect(gUs.every((e) => inGroup(e, (s) => s >= 32, 'us-east'))).toBe(true);
    expect(gEu.filter((e) => e.type === 'AllowanceReserved')).toHaveLength(4);
    expect(gUs.filter((e) => e.type === 'AllowanceReserved')).toHaveLength(4);
    const tickets = [...gEu, ...gUs].filter((e) => e.type === 'TicketsSold').flatMap((e) => (e.data as { tickets: Array<{ ticketNumber: number }> }).tickets.map((t) => t.ticketNumber));
    expect(tickets).toHaveLength(sold);
    expect(new Set(tickets).size).toBe(sold);

    for (const server of servers) {
      const remaining = await call(server.url, 'GET', `/v1/shows/${showId}/remaining`);
      expect(remaining.status).toBe(200);
      expect(remaining.body).toMatchObject({ estimate: 640 - sold, unknownTickets: 0 });
      expect((remaining.body.byGroup as Array<{ group: string; unknown: boolean }>).map((g) => [g.group, g.unknown])).toEqual([['g-eu', false], ['g-us', false]]);
      console.log(`remaining in ${server.url}: ${JSON.stringify(remaining.body)}`);
    }

    // An auditor reads every cluster itself (meta first), not a region's copy.
    const audit = await regions.audit();
    expect(audit).toMatchObject({ ok: true, violations: [], exitCode: 0 });
    expect(audit.ticketsSold).toBe(sold);

    const health = await call(us.url, 'GET', '/health');
    expect(health.status).toBe(200);
    expect((health.body.members as Array<{ name: string }>).map((m) => m.name).sort()).toEqual(['g-eu/g-eu-1', 'g-us/g-us-1', 'meta/meta-1']);
  }, 120_000);

  it("serves a region's holds from the shards its groups home while they have tickets, then from the nearest region's (spill-over)", async () => {
    const [eu, us] = servers;
    // One ticket per shard: tickets 1-32 live in g-eu (eu-west's), 33-64 in g-us (us-east's).
    const showId = await createFestival(eu.url, ADMIN, 'spill', { capacity: 64, shardCount: 64, maxTicketsPerCustomer: 10 });
    await eventually(async () => (await call(us.url, 'GET', `/v1/shows/${showId}`)).status === 200, 20_000, 'the show in us-east');
    const holdOne = async (server: ChildServer): Promise<number> => {
      const customer = await call(server.url, 'POST', '/v1/customers');
      const hold = await call(server.url, 'POST', `/v1/shows/${showId}/holds`, { token: customer.body.token, body: { quantity: 1 } });
      expect(hold.status).toBe(201);
      return (hold.body.ticketNumbers as number[])[0];
    };
    const fromUs: number[] = [];
    for (let i = 0; i < 32; i++) fromUs.push(await holdOne(us));
    expect(fromUs.every((ticket) => ticket > 32)).toBe(true);
    expect(new Set(fromUs).size).toBe(32);
    // us-east's allocation is gone: its next customer is served from eu-west's group.
    expect(await holdOne(us)).toBeLessThanOrEqual(32);
    expect(await holdOne(eu)).toBeLessThanOrEqual(32);
  }, 120_000);
});
