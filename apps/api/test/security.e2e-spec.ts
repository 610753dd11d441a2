import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenService } from '../src/auth/tokenService';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow } from './inventoryFixtures';

type Customer = { customerId: string; auth: string };

async function holdOf(t: TestApp, c: Customer, showId: string, body: Record<string, unknown>): Promise<string> {
  const response = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send(body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201 });
  return response.body.holdId as string;
}

describe('ownership: a customer never reaches another customer’s hold, order or waiting-line entry', () => {
  let t: TestApp;
  let owner: Customer;
  let stranger: Customer;
  let showId: string;
  let holdId: string;
  let boughtHold: string;
  let orderId: string;
  let entryId: string;

  beforeAll(async () => {
    t = await createTestApp();
    owner = await t.customer();
    stranger = await t.customer();
    showId = await createGeneralShow(t, 3, 1);
    holdId = await holdOf(t, owner, showId, { quantity: 1 });
    boughtHold = await holdOf(t, owner, showId, { quantity: 1 });
    const order = await t.http.post(`/v1/holds/${boughtHold}/purchase`).set('Authorization', owner.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    orderId = order.body.orderId;
    // The last ticket is held, so the owner's friend can only wait; the owner then waits too.
    const other = await t.customer();
    await holdOf(t, other, showId, { quantity: 1 });
    const joined = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', owner.auth).send({ quantity: 1 }).expect(201);
    entryId = joined.body.entryId;
  });
  afterAll(() => t.close());

  it('cannot see, release or buy someone else’s hold: 404 exactly like a missing one, and the hold is untouched', async () => {
    const headCount = (await t.store.readAll()).length;
    const missing = await t.http.get('/v1/holds/00000000-0000-4000-8000-000000000000').set('Authorization', stranger.auth).expect(404);
    const seen = await t.http.get(`/v1/holds/${holdId}`).set('Authorization', stranger.auth).expect(404);
    expect(seen.body.error).toBe(missing.body.error);
    await t.http.delete(`/v1/holds/${holdId}`).set('Authorization', stranger.auth).expect(404);
    await t.http.post(`/v1/holds/${holdId}/purchase`).set('Authorization', stranger.auth).send({ payment: { token: 'tok_visa' } }).expect(404);
    expect((await t.store.readAll()).length).toBe(headCount);
    const mine = await t.http.get(`/v1/holds/${holdId}`).set('Authorization', owner.auth).expect(200);
    expect(mine.body.status).toBe('active');
  });

  it('cannot see someone else’s order, nor find it in their own list', async () => {
    await t.http.get(`/v1/orders/${orderId}`).set('Authorization', stranger.auth).expect(404);
    const list = await t.http.get('/v1/customers/me/orders').set('Authorization', stranger.auth).expect(200);
    expect(list.body.items).toEqual([]);
    await t.http.get(`/v1/orders/${orderId}`).set('Authorization', owner.auth).expect(200);
  });

  it('cannot see, follow or leave someone else’s waiting-line entry', async () => {
    await t.http.get(`/v1/waitlist/${entryId}`).set('Authorization', stranger.auth).expect(404);
    await t.http.delete(`/v1/waitlist/${entryId}`).set('Authorization', stranger.auth).expect(404);
    await t.http.get(`/v1/waitlist/${entryId}/updates`).set('Authorization', stranger.auth).expect(404);
    const mine = await t.http.get(`/v1/waitlist/${entryId}`).set('Authorization', owner.auth).expect(200);
    expect(mine.body.status).toBe('waiting');
  });

  it('a forged or tampered token is refused before anything is looked up', async () => {
    const [payload] = owner.auth.slice('Bearer '.length).split('.');
    const forged = `Bearer ${payload}.${Buffer.alloc(32).toString('base64url')}`;
    const claims = Buffer.from(JSON.stringify({ sub: owner.customerId, iat: 0 })).toString('base64url');
    const strangersSignature = stranger.auth.split('.')[1];
    for (const auth of [forged, `Bearer ${claims}.${strangersSignature}`, 'Bearer x', 'Basic abc', `Bearer ${'a'.repeat(700)}`]) {
      const response = await t.http.get(`/v1/holds/${holdId}`).set('Authorization', auth).expect(401);
      expect(response.body.error).toBe('unauthorized');
    }
  });
});

describe('admin and audit calls need the admin token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const adminCalls: Array<[string, string, Record<string, unknown> | undefined]> = [
    ['POST', '/v1/admin/cities', { id: 'sec-city', name: 'Sec', country: 'NL', timeZone: 'Europe/Amsterdam' }],
    ['POST', '/v1/admin/performers', { id: 'sec-band', name: 'Band' }],
    ['GET', '/v1/admin/projections', undefined],
    ['POST', '/v1/admin/projections/all/rebuild', undefined],
    ['GET', '/v1/audit/shows/anything/sales', undefined],
  ];

  it.each(adminCalls)('%s %s: 401 without a token, with a customer token or a near miss (token rejected)', async (method, path, body) => {
    const customer = await t.customer();
    const send = (auth?: string) => {
      const call = method === 'GET' ? t.http.get(path) : t.http.post(path).send(body ?? {});
      return auth ? call.set('Authorization', auth) : call;
    };
    expect((await send()).status).toBe(401);
    for (const wrong of [customer.auth, `Bearer ${t.adminToken}x`, `Bearer ${t.adminToken.slice(0, -1)}`]) {
      const refused = await send(wrong);
      expect([refused.status, refused.body.error, refused.body.message]).toEqual([401, 'unauthorized', expect.stringContaining('Token rejected')]);
    }
    expect((await t.store.readAll()).filter((e) => e.streamId.includes('sec-')).length).toBe(0);
  });

  it('compares the admin token in constant time (crypto.timingSafeEqual)', () => {
    // The module object itself (an `import *` would be a copy the service never calls through).
    const spy = jest.spyOn(require('node:crypto') as typeof import('node:crypto'), 'timingSafeEqual');
    try {
      const tokens = TokenService.open(t.dataDir, 'an-admin-token-of-some-length');
      expect(tokens.isAdmin('an-admin-token-of-some-length')).toBe(true);
      expect(tokens.isAdmin('an-admin-token-of-some-lengtX')).toBe(false);
      expect(tokens.isAdmin('short')).toBe(false);
      expect(spy).toHaveBeenCalledTimes(3);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('abuse', () => {
  it('limits hold and waiting-line calls per customer: 429 with Retry-After', async () => {
    const t = await createTestApp({ rateLimits: { customerPerMinute: 5, ipPerMinute: 1_000 } });
    try {
      const showId = await createGeneralShow(t, 1_000, 2, { maxTicketsPerCustomer: 10 });
      const [busy, calm] = [await t.customer(), await t.customer()];
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', busy.auth).send({ quantity: 1 })).status);
      expect(statuses).toEqual([201, 201, 201, 201, 201, 429, 429]);
      const limited = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', busy.auth).send({ quantity: 1 });
      expect(limited.status).toBe(429);
      expect(limited.body).toMatchObject({ error: 'rate_limited', details: { scope: 'customer' } });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      // Someone else is not held back by it.
      expect((await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', calm.auth).send({ quantity: 1 })).status).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('limits hold calls per address, whoever the customers are', async () => {
    const t = await createTestApp({ rateLimits: { customerPerMinute: 100, ipPerMinute: 4 } });
    try {
      const showId = await createGeneralShow(t, 1_000, 2);
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) {
        const c = await t.customer();
        statuses.push((await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 1 })).status);
      }
      expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    } finally {
      await t.close();
    }
  });

  it('50 parallel holds from one customer never exceed the per-customer ticket limit', async () => {
    const t = await createTestApp();
    try {
      const showId = await createGeneralShow(t, 10_000, 8, { maxTicketsPerCustomer: 6 });
      const c = await t.customer();
      const answers = await Promise.all(
        Array.from({ length: 50 }, () => t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 1 })),
      );
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(6);
      expect(statuses.filter((s) => s !== 201).every((s) => s === 422)).toBe(true);
      const held = (await t.store.readAll()).filter((e) => e.type === 'SeatsHeld' && (e.data as { customerId: string }).customerId === c.customerId);
      expect(held.reduce((n, e) => n + ((e.data as { ticketNumbers?: number[] }).ticketNumbers?.length ?? 0), 0)).toBe(6);
    } finally {
      await t.close();
    }
  });
});

describe('retried holds with an Idempotency-Key', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a retry, sequential or parallel, answers with the first hold and counts once against the limit', async () => {
    const showId = await createGeneralShow(t, 1_000, 4, { maxTicketsPerCustomer: 4 });
    const c = await t.customer();
    const send = (key: string, quantity = 3) => t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).set('Idempotency-Key', key).send({ quantity });
    const first = await send('hold-1').expect(201);
    const parallel = await Promise.all(Array.from({ length: 10 }, () => send('hold-1')));
    for (const again of parallel) expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: first.body });
    const held = (await t.store.readAll()).filter((e) => e.type === 'SeatsHeld' && (e.data as { customerId: string }).customerId === c.customerId);
    expect(held).toHaveLength(1);
    // Three of four are held once: one more fits, two more do not.
    await send('hold-2', 2).expect(422);
    await send('hold-3', 1).expect(201);
    // The same key for a different request is refused rather than answered with the wrong hold.
    const mismatch = await send('hold-1', 2).expect(422);
    expect(mismatch.body.error).toBe('idempotency_key_mismatch');
  });

  it('a retry of a seated hold after a restart of the service finds the first hold', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'ticketing-retry-'));
    try {
      let first = await createTestApp({ dataDir });
      const showId = await createSeatedShow(first);
      const c = await first.customer();
      const send = (app: TestApp) =>
        app.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).set('Idempotency-Key', 'seats-1').send({ seatIds: ['A-3-1', 'A-3-2'] });
      const answer = await send(first).expect(201);
      await first.close();
      // The restarted service knows the first hold only from the log.
      first = await createTestApp({ dataDir });
      try {
        const again = await send(first);
        expect({ status: again.status, body: again.body }).toEqual({ status: 201, body: answer.body });
        expect((await first.store.readAll()).filter((e) => e.type === 'SeatsHeld' && (e.data as { customerId: string }).customerId === c.customerId)).toHaveLength(1);
      } finally {
        await first.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed Idempotency-Key', async () => {
    const showId = await createGeneralShow(t, 10, 1);
    const c = await t.customer();
    const response = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).set('Idempotency-Key', 'x'.repeat(101)).send({ quantity: 1 }).expect(400);
    expect(response.body.details).toMatchObject({ field: 'Idempotency-Key' });
  });
});

describe('HTTP surface', () => {
  it('sends security headers on every answer, errors included', async () => {
    const t = await createTestApp();
    try {
      for (const response of [await t.http.get('/v1/cities'), await t.http.get('/v1/nothing-here'), await t.http.post('/v1/shows/x/holds').send({})]) {
        expect(response.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'SAMEORIGIN',
          'strict-transport-security': expect.stringMatching(/max-age=\d+/),
          'content-security-policy': expect.stringContaining("default-src 'self'"),
          'referrer-policy': 'no-referrer',
        });
        expect(response.headers['x-powered-by']).toBeUndefined();
      }
    } finally {
      await t.close();
    }
  });

  it('CORS: no other origin is allowed by default; listed origins are, one by one', async () => {
    const closed = await createTestApp();
    const open = await createTestApp({ corsOrigins: ['https://tickets.example.com'] });
    try {
      const evil = await closed.http.get('/v1/cities').set('Origin', 'https://evil.example').expect(200);
      expect(evil.headers['access-control-allow-origin']).toBeUndefined();
      const listed = await open.http.get('/v1/cities').set('Origin', 'https://tickets.example.com').expect(200);
      expect(listed.headers['access-control-allow-origin']).toBe('https://tickets.example.com');
      const unlisted = await open.http.get('/v1/cities').set('Origin', 'https://evil.example');
      expect(unlisted.headers['access-control-allow-origin']).toBeUndefined();
      const preflight = await open.http.options('/v1/shows/x/holds').set('Origin', 'https://tickets.example.com').set('Access-Control-Request-Method', 'POST');
      expect(preflight.headers['access-control-allow-headers']).toMatch(/Idempotency-Key/);
    } finally {
      await closed.close();
      await open.close();
    }
  });

  it('refuses oversized bodies, long URLs, deep nesting and bytes that are not UTF-8, each by name', async () => {
    const t = await createTestApp();
    try {
      const c = await t.customer();
      const big = await t.http.post('/v1/shows/x/holds').set('Authorization', c.auth).set('Content-Type', 'application/json').send(`{"seatIds":["${'a'.repeat(600 * 1024)}"]}`);
      expect({ status: big.status, error: big.body.error }).toEqual({ status: 413, error: 'payload_too_large' });
      const long = await t.http.get(`/v1/events?q=${'a'.repeat(3_000)}`);
      expect({ status: long.status, error: long.body.error }).toEqual({ status: 414, error: 'uri_too_long' });
      const deep = await t.http.post('/v1/shows/x/holds').set('Authorization', c.auth).set('Content-Type', 'application/json').send(`{"a":${'['.repeat(5_000)}${']'.repeat(5_000)}}`);
      expect({ status: deep.status, error: deep.body.error }).toEqual({ status: 400, error: 'too_deep' });
      const bytes = Buffer.concat([Buffer.from('{"quantity":1,"tier":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
      // As bytes, not re-encoded by the client.
      const latin = await t.http.post('/v1/shows/x/holds').set('Authorization', c.auth).set('Content-Type', 'application/json').serialize(() => bytes as never).send({});
      expect({ status: latin.status, error: latin.body.error }).toEqual({ status: 400, error: 'invalid_utf8' });
      const page = await t.http.get('/v1/audit/shows/x/sales?limit=5000').set('Authorization', `Bearer ${t.adminToken}`);
      expect({ status: page.status, error: page.body.error }).toEqual({ status: 400, error: 'invalid_request' });
    } finally {
      await t.close();
    }
  });
});
