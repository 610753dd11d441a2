import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow } from './inventoryFixtures';

/** One sample's value from Prometheus' text format, or undefined when it is not there. */
function sample(text: string, name: string, labels = ''): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(' ').at(-1));
}

describe('GET /metrics (Prometheus)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ expiryWorker: false });
  });
  afterAll(() => t.close());

  it('is for the admin token only', async () => {
    await t.http.get('/metrics').expect(401);
    const c = await t.customer();
    await t.http.get('/metrics').set('Authorization', c.auth).expect(401);
  });

  it('counts holds placed and refused, tickets held and sold, orders, errors by code, and times the appends', async () => {
    const showId = await createGeneralShow(t, 100, 2, { maxTicketsPerCustomer: 4 });
    const c = await t.customer();
    const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 3 }).expect(201);
    await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 3 }).expect(422);
    const purchase = () => t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', c.auth).set('Idempotency-Key', 'm-1').send({ payment: { token: 'tok_visa' } });
    await purchase().expect(201);
    await purchase().expect(201); // the same key again: the first order, not a second sale

    const scraped = await t.http.get('/metrics').set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    const text = scraped.text;
    expect(sample(text, 'ticketing_holds_total', '{result="placed"}')).toBe(1);
    expect(sample(text, 'ticketing_holds_total', '{result="limit_exceeded"}')).toBe(1);
    expect(sample(text, 'ticketing_tickets_held_total')).toBe(3);
    expect(sample(text, 'ticketing_orders_total', '{result="sold"}')).toBe(1);
    expect(sample(text, 'ticketing_tickets_sold_total')).toBe(3);
    expect(sample(text, 'ticketing_http_errors_total', '{status="422",code="limit_exceeded"}')).toBe(1);
    expect(sample(text, 'ticketing_store_append_seconds_count', '{cluster="default"}')).toBeGreaterThan(0);
    expect(sample(text, 'ticketing_projection_lag_events', '{cluster="default"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'ticketing_reads_staleness_seconds', '{cluster="default"}')).toBeGreaterThanOrEqual(0);
    expect(text).toContain('ticketing_process_');
  });
});
