import { createTestApp, type TestApp } from './testApp';
import { adminPost, createBasics, generalShow } from './catalogFixtures';
import { eventually } from './inventoryFixtures';

/**
 * Partner analytics against the real app and the embedded store: sales made through the
 * API, read back as JSON and CSV. k is the default 10.
 */
describe('partner analytics: GET /v1/analytics/shows/:showId and /v1/analytics/events/:eventId', () => {
  let t: TestApp;
  /** Every id the sales of this suite made: none may appear in any export. */
  const ids = new Set<string>();

  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  async function buy(showId: string, tier: string, quantity: number): Promise<string> {
    const { customerId, auth } = await t.customer();
    const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', auth).send({ quantity, tier }).expect(201);
    const order = await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    ids.add(customerId).add(hold.body.holdId as string).add(order.body.orderId as string);
    for (const ticket of order.body.tickets as Array<{ ticketId: string }>) ids.add(ticket.ticketId);
    return auth;
  }

  beforeAll(async () => {
    t = await createTestApp();
    await createBasics(t);
    const tiers = [
      { tier: 'standing', price: 3_000, currency: 'EUR' },
      { tier: 'balcony', price: 5_000, currency: 'EUR' },
      { tier: 'golden', price: 9_000, currency: 'EUR' },
    ];
    const generalTiers = [
      { tier: 'standing', capacity: 3_000 },
      { tier: 'balcony', capacity: 1_000 },
      { tier: 'golden', capacity: 1_000 },
    ];
    await adminPost(t, '/v1/admin/shows', generalShow({ id: 'ana-show', tiers, generalTiers, shardCount: 6 }));
    await adminPost(t, '/v1/admin/shows', generalShow({ id: 'ana-tiny', startsAt: '2027-06-02T16:00:00+02:00' }));
    // standing: 14 buyers (10 of one ticket, 4 of two); balcony: 11 buyers; golden: 3 buyers.
    for (let i = 0; i < 14; i++) await buy('ana-show', 'standing', i < 10 ? 1 : 2);
    for (let i = 0; i < 11; i++) await buy('ana-show', 'balcony', 1);
    for (let i = 0; i < 3; i++) await buy('ana-show', 'golden', 1);
    // Another show of the event with two buyers in all.
    await buy('ana-tiny', 'standing', 2);
    // An organisation's own event and show, made by its event manager.
    const manager = await t.staff('event_manager', { organisationId: 'acme' });
    await t.http.post('/v1/admin/events').set('Authorization', manager.auth).send({ id: 'acme-tour', name: 'Acme Tour', description: '', category: 'concert', performerId: 'la-sonora' }).expect(201);
    await t.http.post('/v1/admin/shows').set('Authorization', manager.auth).send(generalShow({ id: 'acme-show', eventId: 'acme-tour' })).expect(201);
    await buy('acme-show', 'standing', 1);
    const last = await buy('ana-tiny', 'standing', 1);
    await t.http.get('/v1/customers/me/orders').set('Authorization', last).expect(200); // waits for the projections
  });

  afterAll(() => t.close());

  it("counts a show's sales, and suppresses a tier of 3 buyers and, with it, the next smallest so the total cannot give it back", async () => {
    const { body } = await t.http.get('/v1/analytics/shows/ana-show').set(admin()).expect(200);
    expect(body).toMatchObject({ scope: 'show', id: 'ana-show', minBuyers: 10, currency: 'EUR', timeZone: 'Europe/Amsterdam', shows: ['ana-show'], leftOut: [] });
    expect(body.total).toEqual({ key: 'total', suppressed: false, tickets: 32, revenue: 18 * 3_000 + 11 * 5_000 + 3 * 9_000, orders: 28 });
    expect(body.breakdowns.tier).toEqual([
      { key: 'balcony', suppressed: true },
      { key: 'golden', suppressed: true },
      { key: 'standing', suppressed: false, tickets: 18, revenue: 18 * 3_000, orders: 14 },
    ]);
    // Without a topology no customer's region is known: one cell, all 28 buyers.
    expect(body.breakdowns.region).toEqual([{ key: 'unknown', suppressed: false, tickets: 32, revenue: body.total.revenue, orders: 28 }]);
    // 24 orders of one ticket, 4 of two: the size-2 cell is small, so both are withheld.
    expect(body.breakdowns.size).toEqual([
      { key: '1', suppressed: true },
      { key: '2', suppressed: true },
    ]);
    for (const hour of body.breakdowns.hour as Array<{ key: string }>) expect(hour.key).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00\+0[12]:00$/);
  });

  it('answers only the breakdowns asked for', async () => {
    const { body } = await t.http.get('/v1/analytics/shows/ana-show?groupBy=size,tier').set(admin()).expect(200);
    expect(Object.keys(body.breakdowns).sort()).toEqual(['size', 'tier']);
  });

  it("withholds everything of a show with fewer than k buyers, and leaves it out of its event's figures", async () => {
    const tiny = await t.http.get('/v1/analytics/shows/ana-tiny').set(admin()).expect(200);
    expect(tiny.body.total).toEqual({ key: 'total', suppressed: true });
    for (const cells of Object.values(tiny.body.breakdowns) as Array<Array<{ suppressed: boolean }>>) for (const cell of cells) expect(cell.suppressed).toBe(true);

    const event = await t.http.get('/v1/analytics/events/sonora-tour').set(admin()).expect(200);
    expect(event.body).toMatchObject({ scope: 'event', id: 'sonora-tour', shows: ['ana-show'], currency: 'EUR', timeZone: 'Europe/Amsterdam' });
    expect(event.body.leftOut).toContain('ana-tiny');
    expect(event.body.total).toMatchObject({ suppressed: false, tickets: 32 });
    expect(event.body.breakdowns.tier).toEqual((await t.http.get('/v1/analytics/shows/ana-show').set(admin())).body.breakdowns.tier);
  });

  it('gives the same figures as CSV', async () => {
    const response = await t.http.get('/v1/analytics/shows/ana-show?format=csv').set(admin()).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe('attachment; filename="sales-show-ana-show.csv"');
    const lines = response.text.trim().split('\r\n');
    expect(lines[0]).toBe('dimension,key,tickets,revenue,currency,orders,suppressed');
    expect(lines).toContain('total,total,32,136000,EUR,28,false');
    expect(lines).toContain('tier,golden,,,,,true');
    expect(lines).toContain('tier,standing,18,54000,EUR,14,false');
  });

  it('contains no customer, order, hold or ticket id in any export, JSON or CSV, of the show or the event', async () => {
    expect(ids.size).toBeGreaterThan(4 * 30);
    for (const path of ['/v1/analytics/shows/ana-show', '/v1/analytics/shows/ana-tiny', '/v1/analytics/events/sonora-tour', '/v1/analytics/shows/acme-show', '/v1/analytics/events/acme-tour']) {
      for (const format of ['json', 'csv']) {
        const text = (await t.http.get(`${path}?format=${format}`).set(admin()).expect(200)).text;
        const leaked = [...ids].filter((id) => text.includes(id));
        expect(leaked).toEqual([]);
      }
    }
  });

  it('gives the same report after the projection is rebuilt from the log beside its live tables', async () => {
    const before = (await t.http.get('/v1/analytics/events/sonora-tour').set(admin()).expect(200)).body;
    await t.http.post('/v1/admin/projections/sales_analytics/rebuild').set(admin()).expect(202);
    const status = async () => ((await t.http.get('/v1/admin/projections').set(admin()).expect(200)).body as Array<{ name: string; status: string; rebuiltAt?: string }>).find((p) => p.name === 'sales_analytics')!;
    await eventually(async () => {
      const now = await status();
      return now.status === 'live' && now.rebuiltAt !== undefined;
    });
    expect((await t.http.get('/v1/analytics/events/sonora-tour').set(admin()).expect(200)).body).toEqual(before);
  });

  it('is refused without a staff token: 401 with none, and 401 for a customer', async () => {
    expect((await t.http.get('/v1/analytics/shows/ana-show').expect(401)).body).toMatchObject({ error: 'unauthorized' });
    const { auth } = await t.customer();
    expect((await t.http.get('/v1/analytics/shows/ana-show').set('Authorization', auth).expect(401)).body).toMatchObject({ error: 'unauthorized' });
    await t.http.get('/v1/analytics/events/sonora-tour').set('Authorization', auth).expect(401);
  });

  it("lets an organisation's auditors and event managers in to its own shows and events, and answers 404 for any other's", async () => {
    for (const role of ['auditor', 'event_manager'] as const) {
      const own = await t.staff(role, { organisationId: 'acme' });
      const rival = await t.staff(role, { organisationId: 'globex' });
      for (const path of ['/v1/analytics/shows/acme-show', '/v1/analytics/events/acme-tour', '/v1/analytics/shows/acme-show?format=csv']) {
        await t.http.get(path).set('Authorization', own.auth).expect(200);
        expect((await t.http.get(path).set('Authorization', rival.auth).expect(404)).body).toMatchObject({ error: 'not_found' });
      }
      // The platform's own show and event are for admins only.
      await t.http.get('/v1/analytics/shows/ana-show').set('Authorization', own.auth).expect(404);
      await t.http.get('/v1/analytics/events/sonora-tour').set('Authorization', own.auth).expect(404);
    }
    const acme = await t.http.get('/v1/analytics/events/acme-tour').set('Authorization', (await t.staff('auditor', { organisationId: 'acme' })).auth).expect(200);
    // One buyer: withheld whole.
    expect(acme.body).toMatchObject({ scope: 'event', id: 'acme-tour', shows: [], leftOut: ['acme-show'], total: { suppressed: true } });
    const gate = await t.staff('gate', { organisationId: 'acme', showIds: ['acme-show'] });
    expect((await t.http.get('/v1/analytics/shows/acme-show').set('Authorization', gate.auth).expect(403)).body).toMatchObject({ error: 'forbidden' });
    expect((await t.http.get('/v1/analytics/shows/acme-show').set('Authorization', 'Bearer not-a-token').expect(401)).body.message).toMatch(/Token rejected/);
  });

  it('names what is wrong with a request: an unknown show or event, a bad id, format, groupBy or parameter', async () => {
    const get = (path: string) => t.http.get(path).set(admin());
    expect((await get('/v1/analytics/shows/no-such-show').expect(404)).body).toMatchObject({ error: 'not_found', details: { showId: 'no-such-show' } });
    expect((await get('/v1/analytics/events/no-such-event').expect(404)).body).toMatchObject({ error: 'not_found', details: { field: 'eventId' } });
    expect((await get('/v1/analytics/shows/bad%20id').expect(400)).body).toMatchObject({ error: 'invalid_request', details: { field: 'showId' } });
    expect((await get('/v1/analytics/shows/ana-show?format=xml').expect(400)).body).toMatchObject({ error: 'invalid_request', details: { field: 'format' } });
    expect((await get('/v1/analytics/shows/ana-show?groupBy=tier,colour').expect(400)).body).toMatchObject({ error: 'invalid_request', details: { field: 'groupBy' } });
    expect((await get('/v1/analytics/shows/ana-show?groupBy=').expect(400)).body).toMatchObject({ error: 'invalid_request', details: { field: 'groupBy' } });
    expect((await get('/v1/analytics/events/sonora-tour?format=csv&format=json').expect(400)).body).toMatchObject({ error: 'invalid_request', details: { field: 'format' } });
    expect((await get('/v1/analytics/shows/ana-show?customerId=x').expect(400)).body).toMatchObject({ error: 'invalid_request', details: { field: 'customerId' } });
  });
});
