import fc from 'fast-check';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow } from './inventoryFixtures';

/**
 * Random and hostile requests against every endpoint. Each answer must be a 4xx with a
 * JSON body `{ error, message }` naming the problem — never a 5xx, never a hang — and
 * none of them may leave an event in the log.
 */

interface Case {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  auth?: string;
  headers?: Record<string, string>;
  /** A value is sent as JSON; a Buffer as raw bytes. */
  body?: unknown;
}

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const ANSWER_TIMEOUT_MS = 10_000;

let t: TestApp;
let base: string;
let casesRun = 0;
const ctx = {
  customerAuth: '',
  strangerAuth: '',
  seatedShow: '',
  otherShow: '',
  generalShow: '',
  holdId: '',
  orderId: '',
  otherSeats: [] as string[],
};

async function send(c: Case): Promise<{ status: number; contentType: string; body: any }> {
  const headers: Record<string, string> = { ...(c.headers ?? {}) };
  if (c.auth !== undefined) headers.authorization = c.auth;
  let payload: Buffer | string | undefined;
  if (c.body !== undefined) {
    payload = Buffer.isBuffer(c.body) ? c.body : JSON.stringify(c.body);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${base}${c.path}`, { method: c.method, headers, body: payload, signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS) });
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', body };
}

async function expectRefused(c: Case): Promise<void> {
  casesRun++;
  const answer = await send(c);
  const where = `${c.method} ${c.path.slice(0, 120)} -> ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`;
  if (answer.status < 400 || answer.status > 499) throw new Error(`not a 4xx: ${where}`);
  if (!answer.contentType.includes('application/json')) throw new Error(`not JSON: ${where}`);
  if (typeof answer.body?.error !== 'string' || typeof answer.body?.message !== 'string' || answer.body.message.length === 0) {
    throw new Error(`no { error, message }: ${where}`);
  }
}

// ---- hostile values -------------------------------------------------------------------

const deepJson = fc.integer({ min: 33, max: 3_000 }).map((depth) => JSON.parse(`${'['.repeat(depth)}${']'.repeat(depth)}`) as unknown);
// Finite doubles only: JSON turns NaN and Infinity into null, which an optional field reads as absent.
const notAString = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.integer(), { maxKeys: 3 }), deepJson);
const notACount = fc.oneof(
  fc.integer({ max: 0 }),
  fc.integer({ min: 11 }),
  fc.double({ noInteger: true }),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0.5, 1e308),
  fc.string(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
const badId = fc.oneof(
  fc.string({ minLength: 81, maxLength: 150 }).map((s) => encodeURIComponent(s.padEnd(81, 'x'))),
  fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%00', 'a%20b', '%F0%9F%8E%AB', "'%20OR%201%3D1--", '%E2%80%AE', 'x'.repeat(81)),
);
const unknownId = fc.uuid();
const unknownField = fc.record({
  key: fc.oneof(
    fc.constantFrom('prototype', ...Object.getOwnPropertyNames(Object.prototype).filter((k) => k !== '__proto__')),
    fc.string({ minLength: 1, maxLength: 20 }).filter((k) => !['seatIds', 'quantity', 'tier', 'section', 'payment', '__proto__'].includes(k)),
  ),
  // JSON drops undefined, which would make the field vanish.
  value: fc.anything().filter((v) => v !== undefined),
});
const malformedToken = fc.oneof(
  fc.string({ maxLength: 80 }).map((s) => `Bearer ${s}`),
  fc.base64String({ minLength: 4, maxLength: 200 }).map((s) => `Bearer ${s}.${s}`),
  fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'bearer abc.def', `Bearer ${'a'.repeat(601)}`, 'Bearer eyJzdWIiOiJ4In0.AAAA', 'Token x'),
);
const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 20 }).map((bytes) =>
  Buffer.concat([Buffer.from('{"quantity":1,"tier":"'), Buffer.from([0xc3, 0x28]), Buffer.from(bytes.map((b) => b | 0x80)), Buffer.from('"}')]),
);
const notJsonObject = fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything(), { maxLength: 5 }), fc.boolean());

const holdBody = () =>
  fc.oneof(
    notACount.map((quantity) => ({ quantity })),
    notAString.map((tier) => ({ quantity: 1, tier })),
    fc.constantFrom({}, { seatIds: [] }, { quantity: 1, seatIds: ['A-1-1'] }, { seatIds: ['A-1-1'], tier: 'vip' }, { quantity: 1, tier: 'no-such-tier' }, { quantity: 1, section: 'Z' }),
    fc.array(notAString, { minLength: 1, maxLength: 5 }).map((seatIds) => ({ seatIds })),
    fc.integer({ min: 101, max: 10_000 }).map((n) => ({ seatIds: Array.from({ length: n }, (_, i) => `A-1-${i}`) })),
    fc.constant({ seatIds: Array.from({ length: 10_000 }, (_, i) => `S-${i}`) }),
    fc.array(fc.string({ minLength: 1, maxLength: 64 }), { minLength: 1, maxLength: 10 }).map((seatIds) => ({ seatIds: seatIds.map((s) => `nope-${s}`.slice(0, 64)) })),
    fc.constant(null).map(() => ({ seatIds: ctx.otherSeats })),
    fc.constantFrom({ seatIds: ['A-3-1', 'A-3-1'] }),
    unknownField.map(({ key, value }) => ({ quantity: 1, [key]: value })),
    deepJson.map((nested) => ({ quantity: 1, nested })),
    notJsonObject,
  );

const adminBodies: Record<string, Record<string, unknown>> = {
  cities: { id: 'fz-city', name: 'Fuzz', country: 'NL', timeZone: 'Europe/Amsterdam' },
  performers: { id: 'fz-band', name: 'Band' },
  venues: { id: 'fz-venue', cityId: 'fz-city', name: 'Hall', kind: 'festival' },
  events: { id: 'fz-event', name: 'Fest', description: 'x', category: 'festival', performerId: 'fz-band' },
  shows: { eventId: 'fz-event', venueId: 'fz-venue', startsAt: '2027-07-01T12:00:00.000Z', kind: 'general', capacity: 100, shardCount: 1, tiers: [{ tier: 'regular', price: 100, currency: 'EUR' }] },
};

/** A valid admin body with one thing made wrong. */
const brokenAdminBody = (valid: Record<string, unknown>) =>
  fc.oneof(
    fc.record({ field: fc.constantFrom(...Object.keys(valid)), value: notAString }).map(({ field, value }) => ({ ...valid, [field]: value })),
    unknownField.map(({ key, value }) => ({ ...valid, [key]: value })),
    deepJson.map((nested) => ({ ...valid, nested })),
    notJsonObject,
  );

describe('hostile requests', () => {
  let eventsBefore: number;

  beforeAll(async () => {
    t = await createTestApp();
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    const customer = await t.customer();
    const stranger = await t.customer();
    ctx.customerAuth = customer.auth;
    ctx.strangerAuth = stranger.auth;
    ctx.seatedShow = await createSeatedShow(t, { maxTicketsPerCustomer: 10 });
    ctx.otherShow = await createSeatedShow(t);
    ctx.generalShow = await createGeneralShow(t, 100, 2);
    const seats = await t.http.get(`/v1/shows/${ctx.otherShow}/seats`).expect(200);
    // Seat ids of another show with another hall: the same labels would be valid here, so prefix-free ids only.
    ctx.otherSeats = (seats.body as Array<{ seatId: string }>).slice(0, 3).map((s) => `${s.seatId}-elsewhere`);
    const hold = await t.http.post(`/v1/shows/${ctx.seatedShow}/holds`).set('Authorization', customer.auth).send({ seatIds: ['A-1-1'] }).expect(201);
    ctx.holdId = hold.body.holdId;
    const bought = await t.http.post(`/v1/shows/${ctx.seatedShow}/holds`).set('Authorization', customer.auth).send({ seatIds: ['A-1-2'] }).expect(201);
    const order = await t.http.post(`/v1/holds/${bought.body.holdId}/purchase`).set('Authorization', customer.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    ctx.orderId = order.body.orderId;
    eventsBefore = (await t.store.readAll()).length;
  });

  afterAll(async () => {
    console.log(`fuzz: ${casesRun} hostile requests sent (each must be answered 4xx JSON with no event written)`);
    await t.close();
  });

  afterEach(async () => {
    const events = await t.store.readAll();
    expect(events.slice(eventsBefore).map((e) => `${e.type} ${JSON.stringify(e.data)}`)).toEqual([]);
  });

  const property = (arb: fc.Arbitrary<Case>, runs = RUNS) => fc.assert(fc.asyncProperty(arb, expectRefused), { numRuns: runs });
  const show = () => fc.constantFrom(ctx.seatedShow, ctx.generalShow);

  it('POST /v1/shows/:showId/holds', async () => {
    await property(fc.record({ showId: show(), body: holdBody() }).map(({ showId, body }) => ({ method: 'POST', path: `/v1/shows/${showId}/holds`, auth: ctx.strangerAuth, body })));
    await property(fc.oneof(badId, unknownId).map((showId) => ({ method: 'POST', path: `/v1/shows/${showId}/holds`, auth: ctx.strangerAuth, body: { quantity: 1 } })), 50);
    await property(malformedToken.map((auth) => ({ method: 'POST', path: `/v1/shows/${ctx.generalShow}/holds`, auth, body: { quantity: 1 } })), 50);
    await property(invalidUtf8.map((body) => ({ method: 'POST', path: `/v1/shows/${ctx.generalShow}/holds`, auth: ctx.strangerAuth, body })), 30);
    await property(
      fc.string({ minLength: 101, maxLength: 300 }).map((key) => ({ method: 'POST', path: `/v1/shows/${ctx.generalShow}/holds`, auth: ctx.strangerAuth, headers: { 'idempotency-key': key.replace(/[^\x21-\x7e]/g, 'k') }, body: { quantity: 1 } })),
      20,
    );
  });

  it('oversized and non-JSON bodies on any write', async () => {
    const paths = fc.constantFrom(`/v1/shows/${ctx.generalShow}/holds`, `/v1/shows/${ctx.generalShow}/waitlist`, '/v1/admin/cities', `/v1/holds/${ctx.holdId}/purchase`);
    await property(
      fc.record({ path: paths, size: fc.integer({ min: 513 * 1024, max: 900 * 1024 }) }).map(({ path, size }) => ({ method: 'POST', path, auth: `Bearer ${t.adminToken}`, body: Buffer.from(`{"x":"${'y'.repeat(size)}"}`) })),
      8,
    );
    await property(
      fc.record({ path: paths, type: fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded') }).map(({ path, type }) => ({
        method: 'POST',
        path,
        auth: ctx.strangerAuth,
        headers: { 'content-type': type },
        body: Buffer.from('quantity=1'),
      })),
      30,
    );
  });

  it('GET, DELETE and purchase of holds: malformed, unknown and other customers’ ids', async () => {
    const holdIds = fc.oneof(badId, unknownId, fc.constant(null).map(() => ctx.holdId));
    await property(fc.record({ holdId: holdIds, method: fc.constantFrom('GET' as const, 'DELETE' as const) }).map(({ holdId, method }) => ({ method, path: `/v1/holds/${holdId}`, auth: ctx.strangerAuth })));
    await property(
      fc.record({ holdId: holdIds, body: fc.oneof(fc.constant({ payment: { token: 'tok_visa' } }), notJsonObject, unknownField.map(({ key, value }) => ({ payment: { token: 'tok_visa' }, [key]: value }))) }).map(({ holdId, body }) => ({
        method: 'POST',
        path: `/v1/holds/${holdId}/purchase`,
        auth: ctx.strangerAuth,
        body,
      })),
    );
    // The hold's own customer with a bad payment body: nothing is sold.
    await property(
      fc.oneof(
        notAString.map((token) => ({ payment: { token } })),
        fc.string({ minLength: 1, maxLength: 100 }).filter((s) => s !== 'tok_visa' && s !== 'tok_declined').map((token) => ({ payment: { token } })),
        fc.string({ minLength: 101, maxLength: 500 }).map((token) => ({ payment: { token } })),
        notJsonObject.map((payment) => ({ payment })),
        deepJson.map((payment) => ({ payment })),
      ).map((body) => ({ method: 'POST', path: `/v1/holds/${ctx.holdId}/purchase`, auth: ctx.customerAuth, body })),
    );
  });

  it('waiting line: join, look, leave', async () => {
    await property(
      fc.record({
        showId: show(),
        body: fc.oneof(
          notACount.map((quantity) => ({ quantity })),
          notAString.map((tier) => ({ quantity: 1, tier })),
          unknownField.map(({ key, value }) => ({ quantity: 1, [key]: value })),
          fc.constantFrom({}, { quantity: 1, tier: 'no-such-tier' }, { quantity: 1, section: 'Z' }),
          notJsonObject,
        ),
      }).map(({ showId, body }) => ({ method: 'POST', path: `/v1/shows/${showId}/waitlist`, auth: ctx.strangerAuth, body })),
    );
    await property(
      fc.record({ entryId: fc.oneof(badId, unknownId), method: fc.constantFrom('GET' as const, 'DELETE' as const), suffix: fc.constantFrom('', '/updates') })
        .filter(({ method, suffix }) => !(method === 'DELETE' && suffix))
        .map(({ entryId, method, suffix }) => ({ method, path: `/v1/waitlist/${entryId}${suffix}`, auth: ctx.strangerAuth })),
    );
  });

  it('orders, catalog and availability reads with hostile ids and queries', async () => {
    await property(fc.oneof(badId, unknownId, fc.constant(null).map(() => ctx.orderId)).map((orderId) => ({ method: 'GET', path: `/v1/orders/${orderId}`, auth: ctx.strangerAuth })));
    const query = fc.oneof(
      fc.constantFrom('page=0', 'page=-1', 'page=1.5', 'page=abc', 'page=1001', 'from=yesterday', 'to=2027-13-45', 'city=..%2F', 'page=1&page=2'),
      fc.string({ minLength: 101, maxLength: 400 }).map((q) => `q=${encodeURIComponent(q.padEnd(101, 'q'))}`),
      fc.string({ minLength: 1, maxLength: 10 }).filter((k) => /^[a-z]+$/.test(k) && !['q', 'city', 'from', 'to', 'page'].includes(k)).map((k) => `${k}=1`),
      fc.constantFrom('prototype=1', 'constructor=1', 'toString=1', '__proto__=1', 'q=a&constructor[prototype]=1'),
      fc.integer({ min: 2_100, max: 5_000 }).map((n) => `q=${'a'.repeat(n)}`),
    );
    await property(query.map((q) => ({ method: 'GET', path: `/v1/events?${q}` })));
    const reads = fc.constantFrom('/v1/events/', '/v1/shows/', '/v1/venues/', '/v1/shows/%s/seats', '/v1/shows/%s/availability', '/v1/shows/%s/updates');
    await property(
      fc.record({ read: reads, id: fc.oneof(badId, unknownId) }).map(({ read, id }) => ({ method: 'GET', path: read.includes('%s') ? read.replace('%s', id) : `${read}${id}` })),
    );
    await property(
      fc.constantFrom('section=%3Cscript%3E', `section=${'s'.repeat(41)}`, 'section=A&extra=1', 'tier=vip').map((q) => ({ method: 'GET', path: `/v1/shows/${ctx.seatedShow}/seats?${q}` })),
      20,
    );
  });

  it('admin and audit: malformed tokens, broken bodies, hostile paging', async () => {
    const adminAuth = `Bearer ${t.adminToken}`;
    for (const [kind, valid] of Object.entries(adminBodies)) {
      await property(brokenAdminBody(valid).map((body) => ({ method: 'POST', path: `/v1/admin/${kind}`, auth: adminAuth, body })), Math.ceil(RUNS / 3));
      await property(fc.oneof(malformedToken, fc.constant(ctx.customerAuth)).map((auth) => ({ method: 'POST', path: `/v1/admin/${kind}`, auth, body: valid })), 20);
    }
    await property(
      fc.record({
        showId: fc.oneof(badId, fc.constant(ctx.seatedShow)),
        q: fc.constantFrom('limit=0', 'limit=1001', 'limit=-5', 'limit=2.5', 'after=-1', 'after=x', 'limit=10&foo=bar'),
      }).map(({ showId, q }) => ({ method: 'GET', path: `/v1/audit/shows/${showId}/sales?${q}`, auth: adminAuth })),
    );
    await property(malformedToken.map((auth) => ({ method: 'GET', path: `/v1/audit/shows/${ctx.seatedShow}/sales`, auth })), 30);
    await property(
      fc.oneof(fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s !== 'all' && !/^[a-z][a-z0-9_]{0,63}$/.test(s)).map(encodeURIComponent), fc.constantFrom('nope', 'seat_nonexistent')).map((name) => ({
        method: 'POST',
        path: `/v1/admin/projections/${name}/rebuild`,
        auth: adminAuth,
      })),
      40,
    );
  });
});
