import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import type { Order } from '@app/contracts';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow } from './inventoryFixtures';

/** Buys `quantity` tickets of a show as a new customer; the order as the API answered it. */
async function buy(t: TestApp, showId: string, request: { quantity: number } | { seatIds: string[] }): Promise<Order & { auth: string }> {
  const customer = await t.customer();
  const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', customer.auth).send(request).expect(201);
  const order = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', customer.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
  return { ...(order.body as Order), auth: customer.auth };
}

describe('check-in at the gate', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await createTestApp();
    admin = `Bearer ${t.adminToken}`;
  });
  afterAll(() => t.close());

  const scan = (showId: string, payload: unknown, gate: unknown = 'North 1') => t.http.post(`/v1/shows/${showId}/checkins`).set('Authorization', admin).send({ payload, gate });
  const counts = async (showId: string) => (await t.http.get(`/v1/shows/${showId}/checkins/counts`).set('Authorization', admin).expect(200)).body;

  it('admits a ticket once, then says when and at which gate it was admitted', async () => {
    const showId = await createSeatedShow(t);
    const order = await buy(t, showId, { seatIds: ['A-1-1', 'A-1-2'] });
    const [first, second] = order.tickets;
    expect(first.pass).toMatch(/^T1\./);

    const admitted = await scan(showId, first.pass, 'North 1').expect(201);
    expect(admitted.body).toMatchObject({ outcome: 'admitted', ticketId: first.ticketId, gate: 'North 1', admittedAt: expect.any(String) });

    const again = await scan(showId, first.pass, 'South 2').expect(200);
    expect(again.body).toMatchObject({ outcome: 'already_admitted', ticketId: first.ticketId, gate: 'North 1', admittedAt: admitted.body.admittedAt });

    expect(await counts(showId)).toMatchObject({ sold: 2, admitted: 1, notAdmitted: 1, refunded: 0 });
    await scan(showId, second.pass).expect(201);
    expect(await counts(showId)).toMatchObject({ sold: 2, admitted: 2, notAdmitted: 0 });

    // The check-in is an event on the ticket's shard stream, with who made it.
    const written = (await t.store.readAll()).filter((e) => e.type === 'TicketAdmitted');
    expect(written.map((e) => (e.data as { ticketId: string }).ticketId).sort()).toEqual([first.ticketId, second.ticketId].sort());
    expect(written[0].metadata).toMatchObject({ showId, by: 'admin' });
  });

  it('gives every ticket of an order its pass, in the order answers and in My orders', async () => {
    const showId = await createGeneralShow(t, 40, 2);
    const order = await buy(t, showId, { quantity: 3 });
    const fetched = await t.http.get(`/v1/orders/${order.orderId}`).set('Authorization', order.auth).expect(200);
    expect(fetched.body.tickets.map((x: { pass: string }) => x.pass)).toEqual(order.tickets.map((x) => x.pass));
    const mine = await t.http.get('/v1/customers/me/orders').set('Authorization', order.auth).expect(200);
    expect(mine.body.items[0].tickets.map((x: { pass: string }) => x.pass)).toEqual(order.tickets.map((x) => x.pass));
    for (const ticket of order.tickets) expect((await scan(showId, ticket.pass)).body.outcome).toBe('admitted');
  });

  it("answers wrong_show for another show's genuine ticket, and writes nothing", async () => {
    const showA = await createSeatedShow(t);
    const showB = await createSeatedShow(t);
    const order = await buy(t, showA, { seatIds: ['B-1-1'] });
    const before = (await t.store.readAll()).length;
    const answer = await scan(showB, order.tickets[0].pass).expect(200);
    expect(answer.body).toMatchObject({ outcome: 'wrong_show', ticketId: order.tickets[0].ticketId });
    expect((await t.store.readAll()).length).toBe(before);
    // Still good at its own show.
    await scan(showA, order.tickets[0].pass).expect(201);
  });

  it('answers invalid_signature for a forged or altered payload, and writes nothing', async () => {
    const showId = await createSeatedShow(t);
    const order = await buy(t, showId, { seatIds: ['B-2-1', 'B-2-2'] });
    const [one, other] = order.tickets;
    const [version, show, shard, , signature] = one.pass!.split('.');
    const before = (await t.store.readAll()).length;
    // Another ticket's id under this ticket's signature.
    const swapped = [version, show, shard, other.ticketId, signature].join('.');
    expect((await scan(showId, swapped).expect(200)).body).toMatchObject({ outcome: 'invalid_signature' });
    const flipped = one.pass!.slice(0, -2) + (one.pass!.endsWith('AA') ? 'BA' : 'AA');
    expect((await scan(showId, flipped).expect(200)).body).toMatchObject({ outcome: 'invalid_signature' });
    expect((await t.store.readAll()).length).toBe(before);
  });

  it('answers refunded for a refunded order, which gives the payment back and keeps the seats out of sale', async () => {
    const showId = await createSeatedShow(t);
    const order = await buy(t, showId, { seatIds: ['A-3-1', 'A-3-2'] });
    const refund = await t.http.post(`/v1/admin/orders/${order.orderId}/refund`).set('Authorization', admin).expect(200);
    expect(refund.body).toMatchObject({ orderId: order.orderId, showId, ticketIds: order.tickets.map((x) => x.ticketId) });
    // A repeated refund answers the same and writes nothing more.
    const events = (await t.store.readAll()).filter((e) => e.type === 'TicketsRefunded');
    expect(events).toHaveLength(1);
    expect(events[0].metadata).toMatchObject({ by: 'admin', showId });
    expect((await t.http.post(`/v1/admin/orders/${order.orderId}/refund`).set('Authorization', admin).expect(200)).body).toEqual(refund.body);
    expect((await t.store.readAll()).filter((e) => e.type === 'TicketsRefunded')).toHaveLength(1);

    expect((await scan(showId, order.tickets[0].pass).expect(200)).body).toMatchObject({ outcome: 'refunded', refundedAt: refund.body.refundedAt });
    expect(await counts(showId)).toMatchObject({ sold: 2, admitted: 0, refunded: 2, notAdmitted: 0 });

    const customer = await t.customer();
    await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', customer.auth).send({ seatIds: ['A-3-1'] }).expect(409);
  });

  it('refuses to refund an order with a ticket already used at a gate, writing nothing', async () => {
    const showId = await createSeatedShow(t);
    const order = await buy(t, showId, { seatIds: ['A-4-1', 'A-4-2'] });
    await scan(showId, order.tickets[1].pass).expect(201);
    const before = (await t.store.readAll()).length;
    const refused = await t.http.post(`/v1/admin/orders/${order.orderId}/refund`).set('Authorization', admin).expect(409);
    expect(refused.body).toMatchObject({ error: 'order_checked_in', details: { ticketIds: [order.tickets[1].ticketId] } });
    expect((await t.store.readAll()).length).toBe(before);
    await t.http.post('/v1/admin/orders/no-such-order/refund').set('Authorization', admin).expect(404);
  });

  describe('bad input gets a 4xx naming the problem, and nothing is written', () => {
    let showId: string;
    let pass: string;
    beforeAll(async () => {
      showId = await createSeatedShow(t);
      pass = (await buy(t, showId, { seatIds: ['A-5-1'] })).tickets[0].pass!;
    });

    it.each([
      ['a payload that is no ticket payload', () => ({ payload: 'https://example.com/x', gate: 'North 1' }), 'payload'],
      ['an empty payload', () => ({ payload: '', gate: 'North 1' }), 'payload'],
      ['the old bare ticket id', () => ({ payload: '0b3c7a52-8d0e-5f2a-9b1c-2d3e4f5a6b7c', gate: 'North 1' }), 'payload'],
      ['a missing gate name', () => ({ payload: pass }), 'gate'],
      ['a blank gate name', () => ({ payload: pass, gate: '  ' }), 'gate'],
      ['a gate name too long', () => ({ payload: pass, gate: 'g'.repeat(61) }), 'gate'],
      ['a missing payload', () => ({ gate: 'North 1' }), 'payload'],
      ['a payload that is not a string', () => ({ payload: 42, gate: 'North 1' }), 'payload'],
    ])('%s', async (_, body, field) => {
      const before = (await t.store.readAll()).length;
      const answer = await t.http.post(`/v1/shows/${showId}/checkins`).set('Authorization', admin).send(body()).expect(400);
      expect(answer.body.error).toBe('invalid_request');
      expect(JSON.stringify(answer.body.details)).toContain(field);
      expect((await t.store.readAll()).length).toBe(before);
    });

    it('an unknown show is a 404 naming it', async () => {
      const answer = await scan('no-such-show', pass).expect(404);
      expect(answer.body.details).toMatchObject({ showId: 'no-such-show' });
      await t.http.get('/v1/shows/no-such-show/checkins/counts').set('Authorization', admin).expect(404);
    });

    it('a show id that is no id is a 400', async () => {
      expect((await scan('bad id!', pass).expect(400)).body.details).toMatchObject({ field: 'showId' });
    });

    it('no token is a 401, a wrong one too', async () => {
      await t.http.post(`/v1/shows/${showId}/checkins`).send({ payload: pass, gate: 'North 1' }).expect(401);
      await t.http.post(`/v1/shows/${showId}/checkins`).set('Authorization', 'Bearer nope').send({ payload: pass, gate: 'North 1' }).expect(401);
      const customer = await t.customer();
      await t.http.post(`/v1/shows/${showId}/checkins`).set('Authorization', customer.auth).send({ payload: pass, gate: 'North 1' }).expect(401);
    });
  });
});

describe('who may check in: gate users of the show, admins; nobody else', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  /** A show of `organisationId`, scheduled by one of its event managers on a platform venue. */
  async function showOf(organisationId: string): Promise<string> {
    const suffix = `${organisationId}-${Math.random().toString(36).slice(2, 8)}`;
    const admin = (path: string, body: object) => t.http.post(path).set('Authorization', `Bearer ${t.adminToken}`).send(body).expect(201);
    await admin('/v1/admin/cities', { id: `city-${suffix}`, name: `City ${suffix}`, country: 'NL', timeZone: 'Europe/Amsterdam' });
    await admin('/v1/admin/venues', { id: `venue-${suffix}`, cityId: `city-${suffix}`, name: `Hall ${suffix}`, kind: 'theatre', seatMap: { sections: [{ id: 'A', name: 'Stalls', x: 0, y: 0, width: 100, height: 50, rows: [{ row: '1', seats: 10, tier: 'regular' }] }] } });
    await admin('/v1/admin/performers', { id: `performer-${suffix}`, name: `Band ${suffix}` });
    const manager = await t.staff('event_manager', { organisationId });
    const as = (path: string, body: object) => t.http.post(path).set('Authorization', manager.auth).send(body).expect(201);
    await as('/v1/admin/events', { id: `event-${suffix}`, name: `Night ${suffix}`, description: '', category: 'concert', performerId: `performer-${suffix}` });
    const show = await as('/v1/admin/shows', { eventId: `event-${suffix}`, venueId: `venue-${suffix}`, startsAt: '2027-06-01T20:00:00.000Z', kind: 'seated', tiers: [{ tier: 'regular', price: 5000, currency: 'EUR' }] });
    return show.body.id as string;
  }

  it("admits at a gate user's own show; another show of its organisation, or another organisation's, is a 404; an auditor gets 403", async () => {
    const showId = await showOf('acme');
    const sibling = await showOf('acme');
    const rival = await showOf('globex');
    const order = await buy(t, showId, { seatIds: ['A-1-1', 'A-1-2'] });
    const rivalOrder = await buy(t, rival, { seatIds: ['A-1-1'] });
    const gate = await t.staff('gate', { organisationId: 'acme', showIds: [showId] });
    const scanAs = (auth: string, show: string, payload: string) => t.http.post(`/v1/shows/${show}/checkins`).set('Authorization', auth).send({ payload, gate: 'North 1' });

    const auditor = await t.staff('auditor', { organisationId: 'acme' });
    const manager = await t.staff('event_manager', { organisationId: 'acme' });
    const before = (await t.store.readAll()).length;
    expect((await scanAs(gate.auth, sibling, order.tickets[0].pass!).expect(404)).body.details).toMatchObject({ showId: sibling });
    await scanAs(gate.auth, rival, rivalOrder.tickets[0].pass!).expect(404);
    await t.http.get(`/v1/shows/${rival}/checkins/counts`).set('Authorization', gate.auth).expect(404);
    await scanAs(auditor.auth, showId, order.tickets[0].pass!).expect(403);
    await scanAs(manager.auth, showId, order.tickets[0].pass!).expect(403);
    await t.http.post(`/v1/admin/orders/${order.orderId}/refund`).set('Authorization', gate.auth).expect(403);
    expect((await t.store.readAll()).length).toBe(before);

    const admitted = await scanAs(gate.auth, showId, order.tickets[0].pass!).expect(201);
    expect(admitted.body).toMatchObject({ outcome: 'admitted', gate: 'North 1' });
    const event = (await t.store.readAll()).find((e) => e.type === 'TicketAdmitted')!;
    expect(event.metadata).toMatchObject({ by: gate.userId });
    expect((await t.http.get(`/v1/shows/${showId}/checkins/counts`).set('Authorization', gate.auth).expect(200)).body).toMatchObject({ admitted: 1, notAdmitted: 1 });
    expect((await t.http.get(`/v1/shows/${showId}/checkins/counts`).set('Authorization', auditor.auth).expect(200)).body).toMatchObject({ admitted: 1 });

    // Refunds: the show's own event managers may, another organisation's get 404 (and write nothing).
    const rivalManager = await t.staff('event_manager', { organisationId: 'globex' });
    await t.http.post(`/v1/admin/orders/${order.orderId}/refund`).set('Authorization', rivalManager.auth).expect(404);
    await t.http.post(`/v1/admin/orders/${rivalOrder.orderId}/refund`).set('Authorization', rivalManager.auth).expect(200);
    expect((await scanAs(`Bearer ${t.adminToken}`, rival, rivalOrder.tickets[0].pass!).expect(200)).body.outcome).toBe('refunded');
  });
});

describe('the check-in race: two gates on two API processes scan one ticket at the same moment', () => {
  let dirs: string[];
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    dirs = [mkdtempSync(join(tmpdir(), 'gate-a-')), mkdtempSync(join(tmpdir(), 'gate-b-'))];
    const shared = join(dirs[0], 'events.db');
    // Each process its own connection to one store, its own copy of the shards in memory.
    // Both share the signing secret, as every process of every region must.
    const ticketSigningSecret = 'shared-by-both-processes-0123456789abcdef';
    a = await createTestApp({ dataDir: dirs[0], ticketSigningSecret, store: new SqliteEventStore({ file: shared, foreignWritePollMs: 20 }) });
    b = await createTestApp({ dataDir: dirs[1], ticketSigningSecret, store: new SqliteEventStore({ file: shared, foreignWritePollMs: 20 }) });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('admits each of 100 tickets exactly once', async () => {
    const showId = await createGeneralShow(a, 100, 2);
    const orders = [];
    for (let i = 0; i < 10; i++) orders.push(await buy(a, showId, { quantity: 10 }));
    const passes = orders.flatMap((o) => o.tickets.map((x) => x.pass!));
    expect(passes).toHaveLength(100);
    const scan = (t: TestApp, gate: string, payload: string) =>
      t.http.post(`/v1/shows/${showId}/checkins`).set('Authorization', `Bearer ${t.adminToken}`).send({ payload, gate });
    for (const pass of passes) {
      const answers = await Promise.all([scan(a, 'North 1', pass), scan(b, 'South 2', pass)]);
      const outcomes = answers.map((r) => `${r.status} ${r.body.outcome}`).sort();
      expect(outcomes).toEqual(['200 already_admitted', '201 admitted']);
      // The loser names the winner's gate and moment.
      const [won, lost] = answers[0].status === 201 ? answers : [answers[1], answers[0]];
      expect(lost.body).toMatchObject({ gate: won.body.gate, admittedAt: won.body.admittedAt });
    }
    const admitted = (await a.store.readAll()).filter((e) => e.type === 'TicketAdmitted');
    expect(admitted).toHaveLength(100);
    expect(new Set(admitted.map((e) => (e.data as { ticketId: string }).ticketId)).size).toBe(100);
  });
});
