import { catalogStream } from '../src/catalog/catalogStreams';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow, eventually } from './inventoryFixtures';
import { createBasics, seatedShow, smallSeatMap } from './catalogFixtures';

/** A tier's price changes; holds keep the price they were made at; orders and the audit show what was paid. */
describe('Prices as events over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const admin = () => `Bearer ${t.adminToken}`;
  const changePrice = (showId: string, tier: string, body: object) => t.http.put(`/v1/admin/shows/${showId}/tiers/${tier}/price`).set('Authorization', admin()).send(body);
  const hold = async (auth: string, showId: string, body: object) => (await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', auth).send(body).expect(201)).body.holdId as string;
  const purchase = async (auth: string, holdId: string) =>
    (await t.http.post(`/v1/holds/${holdId}/purchase`).set('Authorization', auth).set('Idempotency-Key', `buy-${holdId}`).send({ payment: { token: 'tok_visa' } }).expect(201)).body;
  const showStreamLength = async (showId: string) => (await t.store.readStream(catalogStream('show', showId))).length;

  describe('a seated show whose vip price goes up', () => {
    let showId: string;
    beforeAll(async () => {
      showId = await createSeatedShow(t);
    });

    it('sells a hold made before the change at the old price and one made after at the new; orders and the audit say so', async () => {
      const alice = await t.customer();
      const bob = await t.customer();
      const before = await hold(alice.auth, showId, { seatIds: ['A-1-1', 'A-3-1'] });

      const changed = await changePrice(showId, 'vip', { price: 12_000, currency: 'EUR' }).expect(200);
      expect(changed.body).toEqual({ tier: 'vip', price: 12_000, currency: 'EUR', previousPrice: 9_000, changedAt: expect.stringMatching(/Z$/), by: 'admin' });

      const after = await hold(bob.auth, showId, { seatIds: ['A-1-2', 'A-3-2'] });
      // Alice buys after the change, Bob too: each pays what their hold was made at.
      const aliceOrder = await purchase(alice.auth, before);
      const bobOrder = await purchase(bob.auth, after);
      expect(aliceOrder.tickets.map((x: { seatId: string; price: number }) => [x.seatId, x.price])).toEqual([
        ['A-1-1', 9_000],
        ['A-3-1', 5_000],
      ]);
      expect(aliceOrder.total).toBe(14_000);
      expect(bobOrder.tickets.map((x: { seatId: string; price: number }) => [x.seatId, x.price])).toEqual([
        ['A-1-2', 12_000],
        ['A-3-2', 5_000],
      ]);
      expect(bobOrder.total).toBe(17_000);

      const aliceRead = await t.http.get(`/v1/orders/${aliceOrder.orderId}`).set('Authorization', alice.auth).expect(200);
      expect(aliceRead.body).toMatchObject({ total: 14_000, currency: 'EUR' });
      const bobRead = await t.http.get(`/v1/orders/${bobOrder.orderId}`).set('Authorization', bob.auth).expect(200);
      expect(bobRead.body).toMatchObject({ total: 17_000, currency: 'EUR' });

      const audit = await t.http.get(`/v1/audit/shows/${showId}/sales`).set('Authorization', admin()).expect(200);
      const paid = Object.fromEntries(audit.body.items.map((x: { seatId: string; price: number }) => [x.seatId, x.price]));
      expect(paid).toEqual({ 'A-1-1': 9_000, 'A-3-1': 5_000, 'A-1-2': 12_000, 'A-3-2': 5_000 });
    });

    it('shows the current price on the show page and the whole history, with who changed it, to staff', async () => {
      const page = await t.http.get(`/v1/shows/${showId}`).expect(200);
      expect(page.body.tiers).toEqual([
        { tier: 'vip', price: 12_000, currency: 'EUR' },
        { tier: 'regular', price: 5_000, currency: 'EUR' },
        { tier: 'economy', price: 2_500, currency: 'EUR' },
      ]);
      const history = await t.http.get(`/v1/admin/shows/${showId}/prices`).set('Authorization', admin()).expect(200);
      expect(history.body).toEqual({
        showId,
        tiers: page.body.tiers,
        scheduledTiers: [
          { tier: 'vip', price: 9_000, currency: 'EUR' },
          { tier: 'regular', price: 5_000, currency: 'EUR' },
          { tier: 'economy', price: 2_500, currency: 'EUR' },
        ],
        changes: [{ tier: 'vip', price: 12_000, currency: 'EUR', previousPrice: 9_000, changedAt: expect.any(String), by: 'admin' }],
      });
      const [, changed] = await t.store.readStream(catalogStream('show', showId));
      expect(changed).toMatchObject({ type: 'PriceChanged', metadata: { by: 'admin', showId } });
    });

    it('refuses bad input with a 4xx naming the problem, and writes nothing', async () => {
      const length = await showStreamLength(showId);
      const cases: Array<[string, string, object, number, string, string]> = [
        ['an unknown tier', 'balcony', { price: 100 }, 400, 'invalid_request', 'tier'],
        ['a negative price', 'vip', { price: -1 }, 400, 'invalid_request', 'price'],
        ['a price that is not an integer', 'vip', { price: 10.5 }, 400, 'invalid_request', 'price'],
        ['a price that is too large', 'vip', { price: 100_000_001 }, 400, 'invalid_request', 'price'],
        ['a price that is a string', 'vip', { price: '12000' }, 400, 'invalid_request', 'price'],
        ['no price', 'vip', {}, 400, 'invalid_request', 'price'],
        ['another currency', 'vip', { price: 13_000, currency: 'USD' }, 400, 'invalid_request', 'currency'],
        ['a malformed currency', 'vip', { price: 13_000, currency: 'euro' }, 400, 'invalid_request', 'currency'],
        ['an unknown field', 'vip', { price: 13_000, discount: 5 }, 400, 'invalid_request', 'discount'],
        ['the price it already has', 'vip', { price: 12_000 }, 409, 'price_unchanged', 'price'],
      ];
      for (const [what, tier, body, status, error, field] of cases) {
        const response = await changePrice(showId, tier, body);
        expect({ what, status: response.status, error: response.body.error, field: fieldOf(response.body) }).toEqual({ what, status, error, field });
      }
      await changePrice('no-such-show', 'vip', { price: 1 }).expect(404);
      const badId = await changePrice('bad id!', 'vip', { price: 1 }).expect(400);
      expect(badId.body.details.field).toBe('showId');
      await t.http.put(`/v1/admin/shows/${showId}/tiers/vip/price`).send({ price: 1 }).expect(401);
      const customer = await t.customer();
      await t.http.put(`/v1/admin/shows/${showId}/tiers/vip/price`).set('Authorization', customer.auth).send({ price: 1 }).expect(401);
      await t.http.get(`/v1/admin/shows/no-such-show/prices`).set('Authorization', admin()).expect(404);
      expect(await showStreamLength(showId)).toBe(length);
      const page = await t.http.get(`/v1/shows/${showId}`).expect(200);
      expect(page.body.tiers[0]).toEqual({ tier: 'vip', price: 12_000, currency: 'EUR' });
    });

    it('follows a change another process wrote, once the log brings it', async () => {
      // Another API process appends to the same store; this one only learns of it through the log.
      const stream = await t.store.readStream(catalogStream('show', showId));
      await t.store.appendToStream(
        catalogStream('show', showId),
        [{ type: 'PriceChanged', data: { showId, tier: 'economy', price: 3_000, currency: 'EUR', previousPrice: 2_500, changedAt: new Date().toISOString() }, metadata: { by: 'admin', showId } }],
        { expectedRevision: stream[stream.length - 1].streamRevision },
      );
      await eventually(async () => (await t.http.get(`/v1/shows/${showId}`).expect(200)).body.tiers[2].price === 3_000);
      const carol = await t.customer();
      const order = await purchase(carol.auth, await hold(carol.auth, showId, { seatIds: ['B-1-1'] }));
      expect(order.tickets[0]).toMatchObject({ seatId: 'B-1-1', tier: 'economy', price: 3_000 });
      // The next change decides against the price the other process set.
      const next = await changePrice(showId, 'economy', { price: 2_000 }).expect(200);
      expect(next.body.previousPrice).toBe(3_000);
    });
  });

  it('a general-admission hold keeps its price too', async () => {
    const showId = await createGeneralShow(t, 100, 2);
    const page = await t.http.get(`/v1/shows/${showId}`).expect(200);
    const { tier, price } = page.body.tiers[0] as { tier: string; price: number };
    const dan = await t.customer();
    const erin = await t.customer();
    const before = await hold(dan.auth, showId, { quantity: 2 });
    await changePrice(showId, tier, { price: price + 1_000 }).expect(200);
    const after = await hold(erin.auth, showId, { quantity: 1 });
    expect((await purchase(dan.auth, before)).total).toBe(2 * price);
    expect((await purchase(erin.auth, after)).total).toBe(price + 1_000);
  });

  describe('who may change prices', () => {
    let manager: Awaited<ReturnType<TestApp['staff']>>;
    beforeAll(async () => {
      await createBasics(t);
      manager = await t.staff('event_manager', { organisationId: 'acme' });
      const as = (path: string, body: object) => t.http.post(path).set('Authorization', manager.auth).send(body).expect(201);
      await as('/v1/admin/venues', { id: 'acme-hall', cityId: 'utrecht', name: 'Acme Hall', kind: 'theatre', seatMap: smallSeatMap });
      await as('/v1/admin/events', { id: 'acme-night', name: 'Acme Night', description: '', category: 'concert', performerId: 'la-sonora' });
      await as('/v1/admin/shows', seatedShow({ id: 'acme-night-1', eventId: 'acme-night', venueId: 'acme-hall' }));
    });

    it("an event manager changes its own organisation's show, and the change records who made it", async () => {
      const changed = await t.http.put('/v1/admin/shows/acme-night-1/tiers/vip/price').set('Authorization', manager.auth).send({ price: 4_500 }).expect(200);
      expect(changed.body).toMatchObject({ tier: 'vip', price: 4_500, previousPrice: 4_000, by: manager.userId });
      const history = await t.http.get('/v1/admin/shows/acme-night-1/prices').set('Authorization', manager.auth).expect(200);
      expect(history.body.changes).toEqual([expect.objectContaining({ tier: 'vip', price: 4_500, by: manager.userId })]);
      const [, event] = await t.store.readStream(catalogStream('show', 'acme-night-1'));
      expect(event.metadata).toMatchObject({ by: manager.userId });
    });

    it("another organisation's event manager gets 404 and writes nothing; an auditor or gate user gets 403", async () => {
      const length = await showStreamLength('acme-night-1');
      const rival = await t.staff('event_manager', { organisationId: 'globex' });
      const refused = await t.http.put('/v1/admin/shows/acme-night-1/tiers/vip/price').set('Authorization', rival.auth).send({ price: 1 }).expect(404);
      expect(refused.body).toMatchObject({ error: 'not_found', message: 'Show acme-night-1 does not exist' });
      await t.http.get('/v1/admin/shows/acme-night-1/prices').set('Authorization', rival.auth).expect(404);
      // The platform's own shows are admins' only.
      const platformShow = await createSeatedShow(t);
      await t.http.put(`/v1/admin/shows/${platformShow}/tiers/vip/price`).set('Authorization', manager.auth).send({ price: 1 }).expect(404);
      for (const role of ['auditor', 'gate'] as const) {
        const staff = await t.staff(role, { organisationId: 'acme', ...(role === 'gate' ? { showIds: ['acme-night-1'] } : {}) });
        await t.http.put('/v1/admin/shows/acme-night-1/tiers/vip/price').set('Authorization', staff.auth).send({ price: 1 }).expect(403);
      }
      expect(await showStreamLength('acme-night-1')).toBe(length);
      expect(await showStreamLength(platformShow)).toBe(1);
    });
  });
});

/** The field a 400 or 409 names: `details.field`, or the first of `details.fields` (the DTO's rules). */
function fieldOf(body: { details?: { field?: string; fields?: Array<{ field: string }> }; field?: string }): string | undefined {
  return body.details?.field ?? body.details?.fields?.[0]?.field ?? body.field;
}
