import { createTestApp, type TestApp } from './testApp';
import { adminPost, createBasics, generalShow } from './catalogFixtures';

describe('GET /v1/audit/shows/:showId/sales-over-time', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
    await createBasics(t);
    await adminPost(t, '/v1/admin/shows', generalShow({ id: 'chart-show' }));
    await adminPost(t, '/v1/admin/shows', generalShow({ id: 'quiet-show' }));
  });

  afterAll(() => t.close());

  const admin = () => ({ Authorization: `Bearer ${t.adminToken}` });

  async function buy(quantity: number): Promise<void> {
    const { auth } = await t.customer();
    const hold = await t.http.post('/v1/shows/chart-show/holds').set('Authorization', auth).send({ quantity }).expect(201);
    await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', auth).send({ payment: { token: 'tok_visa' } }).expect(201);
  }

  it('counts the tickets sold per bucket of time, and every sold ticket is in one bucket', async () => {
    await buy(2);
    await buy(3);
    await t.http.get('/v1/customers/me/orders').set('Authorization', (await t.customer()).auth).expect(200); // waits for the projections
    const response = await t.http.get('/v1/audit/shows/chart-show/sales-over-time').set(admin()).expect(200);
    expect(response.body.sold).toBe(5);
    expect(response.body.buckets.reduce((sum: number, b: { sold: number }) => sum + b.sold, 0)).toBe(5);
    expect(response.body.bucketSeconds).toBeGreaterThanOrEqual(1);
    for (const bucket of response.body.buckets as Array<{ at: string }>) {
      expect(Date.parse(bucket.at) % (response.body.bucketSeconds * 1000)).toBe(0);
    }
  });

  it('answers a show without sales with no buckets', async () => {
    const response = await t.http.get('/v1/audit/shows/quiet-show/sales-over-time').set(admin()).expect(200);
    expect(response.body).toMatchObject({ showId: 'quiet-show', sold: 0, buckets: [] });
  });

  it('is for admins only, and names a bad or unknown show', async () => {
    await t.http.get('/v1/audit/shows/chart-show/sales-over-time').expect(401);
    const { auth } = await t.customer();
    await t.http.get('/v1/audit/shows/chart-show/sales-over-time').set('Authorization', auth).expect(401);
    expect((await t.http.get('/v1/audit/shows/no-such-show/sales-over-time').set(admin()).expect(404)).body).toMatchObject({ error: 'not_found' });
    expect((await t.http.get('/v1/audit/shows/bad%20id/sales-over-time').set(admin()).expect(400)).body).toMatchObject({ error: 'invalid_request' });
  });
});
