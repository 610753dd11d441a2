import { describeWithEtcd } from '@app/event-store/etcd/testing/localEtcdCluster';
import { call, createFestival, eventually, type ChildServer } from '../support/childServer';
import { ADMIN } from './clusterSupport';
import { startTwoRegions, type TwoRegions } from './twoRegions';

type Remaining = { estimate: number; inTransit: number; byGroup: Array<{ group: string; available: number }> };
type Transfers = { transfers: Array<{ transferId: string; status: string; count: number; fromShard: string; toShard: string }>; inTransit: number };

/**
 * Capacity moving between shard groups on real etcd clusters (escrow, docs/datacenters.md §2):
 * two regions, a meta cluster and two groups of one member each. A transfer whose target group
 * cannot be reached stays in transit — sold by no one — and lands once the group is back; each
 * region's rebalancer pulls tickets toward its own group when that group runs low.
 */
describeWithEtcd('capacity transfers between shard groups (two regions, three etcd clusters)', () => {
  let regions: TwoRegions;
  let servers: ChildServer[];

  beforeAll(async () => {
    regions = await startTwoRegions('move');
    servers = regions.servers;
  }, 120_000);

  afterAll(() => regions?.stop());

  const transfer = (url: string, showId: string, body: unknown) => call(url, 'POST', `/v1/admin/shows/${showId}/capacity-transfers`, { token: ADMIN, body });
  const remaining = async (url: string, showId: string) => (await call(url, 'GET', `/v1/shows/${showId}/remaining`)).body as Remaining;
  const groupsOf = (r: Remaining) => Object.fromEntries(r.byGroup.map((g) => [g.group, g.available]));

  it('moves never-held tickets to the other group once, refuses what it cannot move, and keeps a transfer cut off in transit until its group is back', async () => {
    const [eu, us] = servers;
    // 64 shards of 10 tickets: s0-s31 in g-eu, s32-s63 in g-us; each group's first shard is where capacity lands.
    const showId = await createFestival(eu.url, ADMIN, 'move', { capacity: 640, shardCount: 64, maxTicketsPerCustomer: 10 });
    await eventually(async () => (await call(us.url, 'GET', `/v1/shows/${showId}`)).status === 200, 20_000, 'the show in us-east');

    const refused = await Promise.all([
      transfer(eu.url, showId, { fromShard: 's5', toShard: 's33', count: 5 }),
      transfer(eu.url, showId, { fromShard: 's5', toShard: 's0', count: 5 }),
      transfer(eu.url, showId, { fromShard: 's5', toShard: 's32', count: 101 }),
      transfer(eu.url, showId, { fromShard: 's5', toShard: 's32', count: 11 }),
      transfer(eu.url, showId, { fromShard: 's99', toShard: 's32', count: 1 }),
      call(eu.url, 'POST', `/v1/admin/shows/${showId}/capacity-transfers`, { body: { fromShard: 's5', toShard: 's32', count: 1 } }),
    ]);
    expect(refused.map((r) => [r.status, r.body.error])).toEqual([
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [400, 'invalid_request'],
      [409, 'transfer_refused'],
      [400, 'invalid_request'],
      [401, 'unauthorized'],
    ]);
    expect(refused[0].body.message).toContain('s32 for g-us');

    const moved = await transfer(eu.url, showId, { fromShard: 's5', toShard: 's32', count: 8, transferId: 'move-1' });
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ transferId: 'move-1', status: 'completed', count: 8, tickets: [{ first: 53, count: 8 }] });
    // A retry with the same id moves nothing more.
    expect((await transfer(us.url, showId, { fromShard: 's5', toShard: 's32', count: 8, transferId: 'move-1' })).body).toMatchObject({ status: 'completed', count: 8 });
    for (const server of servers) {
      await eventually(async () => JSON.stringify(groupsOf(await remaining(server.url, showId))) === JSON.stringify({ 'g-eu': 312, 'g-us': 328 }), 20_000, `the transfer seen in ${server.url}`);
      expect(await remaining(server.url, showId)).toMatchObject({ estimate: 640, inTransit: 0 });
    }

    // The moved tickets sell in us-east's group: its 320 own, then the 8 that came.
    const customer = await call(us.url, 'POST', '/v1/customers');
    const held: number[] = [];
    for (let i = 0; i < 2; i++) {
      const hold = await call(us.url, 'POST', `/v1/shows/${showId}/holds`, { token: customer.body.token, body: { quantity: 1 } });
      held.push(...(hold.body.ticketNumbers as number[]));
    }
    expect(held.every((t) => t > 320 || (t >= 53 && t <= 60))).toBe(true);

    // g-us goes down: a transfer into it leaves g-eu and waits, sold by no one.
    const gUs = regions.clusters['g-us'];
    await gUs.kill(gUs.members[0]);
    const cut = await transfer(eu.url, showId, { fromShard: 's6', toShard: 's32', count: 6, transferId: 'move-2' });
    expect(cut.status).toBe(201);
    expect(cut.body).toMatchObject({ transferId: 'move-2', status: 'in_transit', count: 6 });
    expect(await remaining(eu.url, showId)).toMatchObject({ inTransit: 6 });
    const listed = (await call(eu.url, 'GET', `/v1/admin/shows/${showId}/capacity-transfers`, { token: ADMIN })).body as Transfers;
    expect(listed.transfers.map((t) => [t.transferId, t.status])).toEqual([['move-1', 'completed'], ['move-2', 'in_transit']]);

    // Back: a region's rebalancer lands it by itself.
    await gUs.restart(gUs.members[0]);
    await eventually(async () => (await remaining(eu.url, showId)).inTransit === 0, 60_000, 'the transfer in transit landed');
    await eventually(async () => (await remaining(us.url, showId)).inTransit === 0, 20_000, 'the landing seen in us-east');
    const after = await regions.audit();
    expect(after).toMatchObject({ ok: true, violations: [], exitCode: 0 });
    expect(after.transfers).toBe(2);
  }, 180_000);

  it("pulls tickets toward a region's own group when it runs low, from the other group", async () => {
    const [eu, us] = servers;
    const showId = await createFestival(eu.url, ADMIN, 'pull', { capacity: 640, shardCount: 64, maxTicketsPerCustomer: 10 });
    await eventually(async () => (await call(us.url, 'GET', `/v1/shows/${showId}`)).status === 200, 20_000, 'the show in us-east');
    // us-east's customers buy 260 of its group's 320 tickets.
    for (let i = 0; i < 26; i++) {
      const customer = await call(us.url, 'POST', '/v1/customers');
      const hold = await call(us.url, 'POST', `/v1/shows/${showId}/holds`, { token: customer.body.token, body: { quantity: 10 } });
      expect(hold.status).toBe(201);
      const order = await call(us.url, 'POST', `/v1/holds/${hold.body.holdId as string}/purchase`, { token: customer.body.token, body: { payment: { token: 'tok_visa' } }, headers: { 'idempotency-key': `pull-${i}` } });
      expect(order.status).toBe(201);
    }
    await eventually(
      async () => ((await call(us.url, 'GET', `/v1/admin/shows/${showId}/capacity-transfers`, { token: ADMIN })).body as Transfers).transfers.some((t) => t.status === 'completed' && t.toShard === 's32'),
      30_000,
      "us-east's rebalancer pulling tickets into g-us",
    );
    const after = await remaining(us.url, showId);
    expect(after.estimate + after.inTransit).toBe(640 - 260);
    expect(groupsOf(after)['g-us']).toBeGreaterThan(60);
  }, 120_000);
});
