import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOT_ONSALES_STREAM, waitingRoomStream } from '@app/domain';
import { SqliteEventStore } from '@app/event-store';
import { openPayload, signPayload } from '../src/auth/signedPayload';
import { TokenService } from '../src/auth/tokenService';
import { QueuePasses } from '../src/onsale/queuePasses';
import { solveChallenge } from '../src/onsale/proofOfWork';
import { createGeneralShow, createSeatedShow, eventually } from './inventoryFixtures';
import { createTestApp, type TestApp } from './testApp';

type Place = { position: number; admitAt: string; status: string; pass?: string; waitSeconds: number };

const admin = (t: TestApp) => `Bearer ${t.adminToken}`;
const markHot = (t: TestApp, showId: string, body: Record<string, unknown> = {}) => t.http.put(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', admin(t)).send(body);
const join_ = (t: TestApp, showId: string, auth: string) => t.http.post(`/v1/shows/${showId}/waiting-room`).set('Authorization', auth);
const hold = (t: TestApp, showId: string, auth: string, pass?: string) => {
  const call = t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', auth);
  return (pass !== undefined ? call.set('Queue-Pass', pass) : call).send({ quantity: 1 });
};
const eventsOf = async (t: TestApp, streamId: string) => (await t.store.readAll()).filter((e) => e.streamId === streamId);
const countAll = async (t: TestApp) => (await t.store.readAll()).length;

describe('hot on-sales: waiting room, queue passes and holds', () => {
  let t: TestApp;
  beforeAll(async () => {
    // Proof-of-work off here (its own suite below): customers are made freely while shows are hot.
    t = await createTestApp({ config: { powDifficulty: 0 } });
  });
  afterAll(() => t.close());

  it('lets an admin mark a show hot, recording who; anyone can see it; nothing is hot by default', async () => {
    const showId = await createGeneralShow(t, 100, 2);
    expect((await t.http.get(`/v1/shows/${showId}/hot-onsale`).expect(200)).body).toEqual({ showId, hot: false, proofOfWork: false });
    const marked = await markHot(t, showId, { admissionsPerMinute: 600, passSeconds: 300 }).expect(200);
    expect(marked.body).toMatchObject({ showId, hot: true, admissionsPerMinute: 600, passSeconds: 300 });
    expect((await t.http.get(`/v1/shows/${showId}/hot-onsale`).expect(200)).body).toMatchObject({ hot: true, admissionsPerMinute: 600 });
    const [event] = (await eventsOf(t, HOT_ONSALES_STREAM)).filter((e) => (e.data as { showId: string }).showId === showId);
    expect(event).toMatchObject({ type: 'ShowMarkedHot', metadata: { showId, by: 'admin' } });
    // Defaults from the configuration when the admin names none.
    const other = await createGeneralShow(t, 10, 1);
    expect((await markHot(t, other).expect(200)).body).toMatchObject({ hot: true, admissionsPerMinute: t.config.hotAdmissionsPerMinute, passSeconds: t.config.queuePassSeconds });
    await t.http.delete(`/v1/admin/shows/${other}/hot-onsale`).set('Authorization', admin(t)).expect(204);
    expect((await t.http.get(`/v1/shows/${other}/hot-onsale`).expect(200)).body.hot).toBe(false);
    const ended = (await eventsOf(t, HOT_ONSALES_STREAM)).filter((e) => (e.data as { showId: string }).showId === other).map((e) => [e.type, e.metadata.by]);
    expect(ended).toEqual([['ShowMarkedHot', 'admin'], ['HotOnSaleEnded', 'admin']]);
  });

  it("lets an event manager mark their own organisation's show, recording who; another's gets 404, an auditor 403, and nothing is written", async () => {
    const manager = await t.staff('event_manager', { organisationId: 'hot-org' });
    const showId = await createSeatedShow(t, {}, 'hot-org');
    await t.http.put(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', manager.auth).send({ admissionsPerMinute: 120 }).expect(200);
    const [event] = (await eventsOf(t, HOT_ONSALES_STREAM)).filter((e) => (e.data as { showId: string }).showId === showId);
    expect(event.metadata).toMatchObject({ showId, by: manager.userId });

    const stranger = await t.staff('event_manager', { organisationId: 'other-org' });
    const auditor = await t.staff('auditor', { organisationId: 'hot-org' });
    const before = await countAll(t);
    expect((await t.http.put(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', stranger.auth).send({}).expect(404)).body.error).toBe('not_found');
    expect((await t.http.delete(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', stranger.auth).expect(404)).body.error).toBe('not_found');
    expect((await t.http.put(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', auditor.auth).send({}).expect(403)).body.error).toBe('forbidden');
    expect(await countAll(t)).toBe(before);
  });

  it('refuses bad marks with a 4xx naming the problem, and writes nothing', async () => {
    const showId = await createGeneralShow(t, 10, 1);
    const customer = await t.customer();
    const before = await countAll(t);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ admissionsPerMinute: 0 }, 'admissionsPerMinute'],
      [{ admissionsPerMinute: 'fast' }, 'admissionsPerMinute'],
      [{ passSeconds: 5 }, 'passSeconds'],
      [{ opensAt: 'tomorrow' }, 'opensAt'],
      [{ rate: 5 }, 'rate'],
    ];
    for (const [body, field] of cases) {
      const refused = await markHot(t, showId, body).expect(400);
      expect(refused.body.error).toBe('invalid_request');
      expect(JSON.stringify(refused.body.details)).toContain(field);
    }
    expect((await markHot(t, 'no-such-show').expect(404)).body).toMatchObject({ error: 'not_found' });
    expect((await t.http.put(`/v1/admin/shows/${showId}/hot-onsale`).send({}).expect(401)).body.error).toBe('unauthorized');
    expect((await t.http.put(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', customer.auth).send({}).expect(401)).body.error).toBe('unauthorized');
    expect(await countAll(t)).toBe(before);
    expect((await t.http.get(`/v1/shows/${showId}/hot-onsale`).expect(200)).body.hot).toBe(false);
  });

  it('keeps holds on a show that is not hot as they were: no pass, no waiting room', async () => {
    const showId = await createGeneralShow(t, 10, 1);
    const customer = await t.customer();
    await hold(t, showId, customer.auth).expect(201);
    expect((await join_(t, showId, customer.auth).expect(409)).body).toMatchObject({ error: 'not_hot_onsale' });
  });

  it('refuses a hold on a hot show without a valid pass of the customer\'s own (403 that says why), writing nothing', async () => {
    const showId = await createGeneralShow(t, 100, 2);
    const otherShow = await createGeneralShow(t, 100, 1);
    await markHot(t, showId, { admissionsPerMinute: 600 }).expect(200);
    await markHot(t, otherShow, { admissionsPerMinute: 600 }).expect(200);
    const alice = await t.customer();
    const bob = await t.customer();
    const before = await countAll(t);

    const missing = await hold(t, showId, alice.auth).expect(403);
    expect(missing.body).toMatchObject({ error: 'queue_pass_required', details: { field: 'Queue-Pass', showId } });

    const alicePlace = (await join_(t, showId, alice.auth).expect(201)).body as Place;
    const bobOther = (await join_(t, otherShow, bob.auth).expect(201)).body as Place;
    expect(alicePlace).toMatchObject({ position: 1, status: 'admitted', waitSeconds: 0 });
    const passes = t.app.get(QueuePasses);
    const now = Date.now();
    const claims = openPayload(t.app.get(TokenService).keyFor('queue-pass'), 'qp1', alicePlace.pass!)!;
    const tampered = signPayload(randomBytes(32), 'qp1', claims);
    const refusals: Array<[string, string]> = [
      [alicePlace.pass!.slice(0, -2) + 'xx', 'forged'],
      [tampered, 'forged'],
      ['not-a-pass', 'forged'],
      [bobOther.pass!, 'other_customer'],
      [passes.issue(alice.customerId, otherShow, 0, now - 1_000, now + 60_000), 'other_show'],
      [passes.issue(alice.customerId, showId, 0, now - 120_000, now - 60_000), 'expired'],
      [passes.issue(alice.customerId, showId, 0, now + 60_000, now + 120_000), 'not_yet_valid'],
    ];
    for (const [pass, reason] of refusals) {
      const refused = await hold(t, showId, alice.auth, pass).expect(403);
      expect(refused.body).toMatchObject({ error: 'queue_pass_invalid', details: { field: 'Queue-Pass', reason } });
    }
    // Bob's pass is his: with Alice's he is refused too.
    expect((await hold(t, otherShow, bob.auth, alicePlace.pass!).expect(403)).body.details.reason).toBe('other_customer');
    // Only the two joins were written.
    const written = (await t.store.readAll()).slice(before);
    expect(written.map((e) => e.type)).toEqual(['WaitingRoomJoined', 'WaitingRoomJoined']);

    const held = await hold(t, showId, alice.auth, alicePlace.pass!).expect(201);
    expect(held.body.ticketNumbers).toHaveLength(1);
    // The waiting line of a hot show is behind the pass too.
    expect((await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', bob.auth).send({ quantity: 1 }).expect(403)).body.error).toBe('queue_pass_required');
  });

  it('admits in arrival order at the show\'s rate, and joining again keeps one\'s place', async () => {
    const showId = await createGeneralShow(t, 100, 2);
    const opensAt = new Date(Date.now() + 3_600_000).toISOString();
    await markHot(t, showId, { admissionsPerMinute: 60, opensAt }).expect(200);
    const customers = [];
    for (let i = 0; i < 5; i++) customers.push(await t.customer());
    const places: Place[] = [];
    for (const c of customers) places.push((await join_(t, showId, c.auth).expect(201)).body as Place);
    expect(places.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
    expect(places.map((p) => Date.parse(p.admitAt) - Date.parse(opensAt))).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(places.every((p) => p.status === 'waiting' && p.pass === undefined && p.waitSeconds > 3_500)).toBe(true);
    // Before the sale opens nobody holds, not even the first.
    expect((await hold(t, showId, customers[0].auth).expect(403)).body.error).toBe('queue_pass_required');
    const again = (await join_(t, showId, customers[2].auth).expect(201)).body as Place;
    expect(again).toMatchObject({ position: 3, admitAt: places[2].admitAt });
    expect((await t.http.get(`/v1/shows/${showId}/waiting-room`).set('Authorization', customers[4].auth).expect(200)).body).toMatchObject({ position: 5 });
    const stranger = await t.customer();
    expect((await t.http.get(`/v1/shows/${showId}/waiting-room`).set('Authorization', stranger.auth).expect(404)).body.error).toBe('not_found');
    expect(await eventsOf(t, waitingRoomStream(showId))).toHaveLength(5);
  });

  it('gives a crowd joining at once distinct places, in the order of the stream', async () => {
    const showId = await createGeneralShow(t, 100, 2);
    await markHot(t, showId, { admissionsPerMinute: 120, opensAt: new Date(Date.now() + 3_600_000).toISOString() }).expect(200);
    const crowd = await Promise.all(Array.from({ length: 60 }, () => t.customer()));
    const places = await Promise.all(crowd.map(async (c) => ({ c, place: (await join_(t, showId, c.auth).expect(201)).body as Place })));
    const positions = places.map((p) => p.place.position).sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    const events = await eventsOf(t, waitingRoomStream(showId));
    // The stream's order is the queue's: the customer at revision r has position r + 1, admitted no earlier than the one before.
    const byCustomer = new Map(places.map((p) => [p.c.customerId, p.place]));
    events.forEach((e, r) => expect(byCustomer.get((e.data as { customerId: string }).customerId)!.position).toBe(r + 1));
    const admits = events.map((e) => Date.parse((e.data as { admitAt: string }).admitAt));
    expect(admits).toEqual([...admits].sort((a, b) => a - b));
    // Two a second: the 60th is admitted 29 s after the first.
    expect(admits[59] - admits[0]).toBe(29_000);
  });
});

describe('places in a waiting room per address', () => {
  it('takes at most QUEUE_PLACES_PER_ADDRESS customers from one address into a room, writing nothing for the rest', async () => {
    const t = await createTestApp({ rateLimits: { customerPerMinute: 1_000, ipPerMinute: 10_000 }, config: { powDifficulty: 0, queuePlacesPerAddress: 2, rateLimitIdentitiesPerMinute: 100 } });
    try {
      const showId = await createGeneralShow(t, 100, 2);
      const other = await createGeneralShow(t, 100, 2);
      await markHot(t, showId).expect(200);
      await markHot(t, other).expect(200);
      const [a, b, c] = [await t.customer(), await t.customer(), await t.customer()];
      await join_(t, showId, a.auth).expect(201);
      await join_(t, showId, b.auth).expect(201);
      const refused = await join_(t, showId, c.auth).expect(409);
      expect(refused.body).toMatchObject({ error: 'too_many_places', details: { limit: 2 } });
      // Those already in keep their place; another show's room is another count.
      await join_(t, showId, a.auth).expect(201);
      await join_(t, other, c.auth).expect(201);
      expect(await eventsOf(t, waitingRoomStream(showId))).toHaveLength(2);
      // The address is never written, only a keyed hash of it.
      const [joined] = await eventsOf(t, waitingRoomStream(showId));
      expect(JSON.stringify([joined.data, joined.metadata])).not.toContain('127.0.0.1');
    } finally {
      await t.close();
    }
  });
});

describe('hot on-sales across a restart and across processes', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the queue order, the places and the passes over a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hot-restart-'));
    dirs.push(dataDir);
    const first = await createTestApp({ dataDir, config: { powDifficulty: 0 } });
    const showId = await createGeneralShow(first, 100, 2);
    await markHot(first, showId, { admissionsPerMinute: 60 }).expect(200);
    const customers = [await first.customer(), await first.customer(), await first.customer()];
    const before: Place[] = [];
    for (const c of customers) before.push((await join_(first, showId, c.auth).expect(201)).body as Place);
    expect(before[0].status).toBe('admitted');
    await first.close();

    const second = await createTestApp({ dataDir, config: { powDifficulty: 0 } });
    try {
      expect((await second.http.get(`/v1/shows/${showId}/hot-onsale`).expect(200)).body.hot).toBe(true);
      for (const [i, c] of customers.entries()) {
        const after = (await second.http.get(`/v1/shows/${showId}/waiting-room`).set('Authorization', c.auth).expect(200)).body as Place;
        expect({ position: after.position, admitAt: after.admitAt }).toEqual({ position: before[i].position, admitAt: before[i].admitAt });
      }
      // A pass given before the restart still lets its customer hold; no pass still does not.
      await hold(second, showId, customers[0].auth, before[0].pass!).expect(201);
      expect((await hold(second, showId, customers[1].auth).expect(403)).body.error).toBe('queue_pass_required');
      const late = await second.customer();
      const latePlace = (await join_(second, showId, late.auth).expect(201)).body as Place;
      expect(latePlace.position).toBe(4);
      expect(Date.parse(latePlace.admitAt)).toBeGreaterThanOrEqual(Date.parse(before[2].admitAt));
    } finally {
      await second.close();
    }
  });

  it('keeps one arrival order when two API processes take the joins, and each accepts the other\'s passes', async () => {
    const a = mkdtempSync(join(tmpdir(), 'hot-two-a-'));
    const b = mkdtempSync(join(tmpdir(), 'hot-two-b-'));
    dirs.push(a, b);
    // Two processes of one deployment share the signing secret (as they share DATA_DIR's secret in production).
    const secret = randomBytes(32).toString('hex');
    writeFileSync(join(a, 'token-secret'), secret);
    writeFileSync(join(b, 'token-secret'), secret);
    const shared = join(a, 'events.db');
    const one = await createTestApp({ dataDir: a, store: new SqliteEventStore({ file: shared, foreignWritePollMs: 20 }), config: { powDifficulty: 0 } });
    const two = await createTestApp({ dataDir: b, store: new SqliteEventStore({ file: shared, foreignWritePollMs: 20 }), config: { powDifficulty: 0 } });
    try {
      const showId = await createGeneralShow(one, 100, 2);
      await markHot(one, showId, { admissionsPerMinute: 60 }).expect(200);
      // Process two learns of the mark from the log (its projections' feed), and then asks for passes too.
      await eventually(async () => (await two.http.get(`/v1/shows/${showId}/hot-onsale`).expect(200)).body.hot === true);
      const early = await two.customer();
      expect((await hold(two, showId, early.auth).expect(403)).body.error).toBe('queue_pass_required');
      const customers = await Promise.all(Array.from({ length: 6 }, () => one.customer()));
      const places: Place[] = [];
      // Alternating processes, one after the other: the second always sees the first's joins.
      for (const [i, c] of customers.entries()) places.push((await join_(i % 2 ? two : one, showId, c.auth).expect(201)).body as Place);
      expect(places.map((p) => p.position)).toEqual([1, 2, 3, 4, 5, 6]);
      // And at once, from both: distinct places.
      const crowd = await Promise.all(Array.from({ length: 20 }, () => two.customer()));
      const crowdPlaces = await Promise.all(crowd.map(async (c, i) => ((await join_(i % 2 ? two : one, showId, c.auth).expect(201)).body as Place).position));
      expect(crowdPlaces.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i + 7));
      // The first was admitted at once; its pass, from process one, holds in process two.
      await hold(two, showId, customers[0].auth, places[0].pass!).expect(201);
    } finally {
      await one.close();
      await two.close();
    }
  });
});

describe('new customer identities: proof-of-work while a hot on-sale is open, and a per-address rate', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { powDifficulty: 8 } });
  });
  afterAll(() => t.close());

  const challenge = async () => (await t.http.post('/v1/customers/challenges').expect(201)).body as { challenge: string; difficulty: number; required: boolean };

  it('asks for none while no show is hot, then one per identity while a hot on-sale is open', async () => {
    expect((await challenge()).required).toBe(false);
    await t.http.post('/v1/customers').expect(201);
    const showId = await createSeatedShow(t);
    await markHot(t, showId).expect(200);
    expect((await t.http.get(`/v1/shows/${showId}/hot-onsale`).expect(200)).body.proofOfWork).toBe(true);

    const missing = await t.http.post('/v1/customers').expect(403);
    expect(missing.body).toMatchObject({ error: 'proof_of_work_required', details: { field: 'Proof-Of-Work', difficulty: 8 } });

    const issued = await challenge();
    expect(issued).toMatchObject({ difficulty: 8, required: true });
    const proof = `${issued.challenge}:${solveChallenge(issued.challenge, 8)}`;
    const made = await t.http.post('/v1/customers').set('Proof-Of-Work', proof).expect(201);
    expect(made.body.customerId).toEqual(expect.any(String));
    // Single use.
    expect((await t.http.post('/v1/customers').set('Proof-Of-Work', proof).expect(403)).body).toMatchObject({ error: 'proof_of_work_invalid', details: { reason: 'used' } });

    const fresh = await challenge();
    let wrong = 0;
    while (solveChallenge(fresh.challenge, 8) === String(wrong)) wrong++;
    const refusals: Array<[string, string]> = [
      [`${fresh.challenge}:${wrong}`, 'wrong_solution'],
      [`${fresh.challenge}:abc`, 'malformed'],
      ['just-text', 'malformed'],
      [`${signPayload(randomBytes(32), 'pow1', { n: 'x', d: 0, x: Date.now() + 60_000 })}:1`, 'forged'],
    ];
    const key = t.app.get(TokenService).keyFor('proof-of-work');
    const expired = signPayload(key, 'pow1', { n: 'expired-one', d: 8, x: Date.now() - 1 });
    refusals.push([`${expired}:${solveChallenge(expired, 8)}`, 'expired']);
    // A challenge made easier than the server asks (difficulty 0) is held to the server's difficulty.
    const easy = signPayload(key, 'pow1', { n: 'easy-one', d: 0, x: Date.now() + 60_000 });
    let weak = 0;
    while (solveChallenge(easy, 8) === String(weak)) weak++;
    refusals.push([`${easy}:${weak}`, 'wrong_solution']);
    for (const [header, reason] of refusals) {
      const refused = await t.http.post('/v1/customers').set('Proof-Of-Work', header).expect(403);
      expect(refused.body).toMatchObject({ error: 'proof_of_work_invalid', details: { field: 'Proof-Of-Work', reason } });
    }
    // The wrong answer did not spend the challenge: the right one still works.
    await t.http.post('/v1/customers').set('Proof-Of-Work', `${fresh.challenge}:${solveChallenge(fresh.challenge, 8)}`).expect(201);
    await t.http.delete(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', admin(t)).expect(204);
    await t.http.post('/v1/customers').expect(201);
  });

  it('limits identities per address, with Retry-After', async () => {
    const limited = await createTestApp({ rateLimits: { customerPerMinute: 1_000, ipPerMinute: 1_000 }, config: { rateLimitIdentitiesPerMinute: 3 } });
    try {
      for (let i = 0; i < 3; i++) await limited.http.post('/v1/customers').expect(201);
      const refused = await limited.http.post('/v1/customers').expect(429);
      expect(refused.body).toMatchObject({ error: 'rate_limited', details: { scope: 'address' } });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    } finally {
      await limited.close();
    }
  });
});

describe('live streams capped per address and per customer', () => {
  let t: TestApp;
  let port: number;
  const open: IncomingMessage[] = [];

  beforeAll(async () => {
    t = await createTestApp({ config: { liveStreamsPerAddress: 3, liveStreamsPerCustomer: 2 } });
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    for (const response of open) response.destroy();
    await t.close();
  });

  /** Opens a stream: the response once its headers are in (the body, for a refusal). */
  function stream(path: string, headers: Record<string, string> = {}): Promise<{ status: number; retryAfter?: string; body?: { error: string; details?: Record<string, unknown> }; response: IncomingMessage }> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } }, (response) => {
        if (response.statusCode === 200) {
          open.push(response);
          resolve({ status: 200, response });
          return;
        }
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, retryAfter: response.headers['retry-after'] as string | undefined, body: JSON.parse(text), response }));
      });
      request.on('error', reject);
      request.end();
    });
  }

  it('answers 429 too_many_listeners with Retry-After past the address\'s cap, and lets it in again when one closes', async () => {
    const showId = await createSeatedShow(t);
    const streams = [];
    for (let i = 0; i < 3; i++) streams.push(await stream(`/v1/shows/${showId}/updates`));
    expect(streams.map((s) => s.status)).toEqual([200, 200, 200]);
    const refused = await stream(`/v1/shows/${showId}/updates`);
    expect(refused).toMatchObject({ status: 429, body: { error: 'too_many_listeners', details: { scope: 'address', limit: 3 } } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Another show is no way around it: the cap is the client's.
    const other = await createSeatedShow(t);
    expect((await stream(`/v1/shows/${other}/updates`)).status).toBe(429);
    streams[0].response.destroy();
    const again = async () => (await stream(`/v1/shows/${showId}/updates`)).status;
    let status = await again();
    // The server learns of the close when its socket does: retry until it has (bounded, no fixed sleep).
    for (let tries = 0; status !== 200 && tries < 100; tries++) status = await again();
    expect(status).toBe(200);
    for (const s of open.splice(0)) s.destroy();
  });

  it('caps one customer\'s streams below the address\'s', async () => {
    const showId = await createSeatedShow(t);
    const alice = await t.customer();
    const bob = await t.customer();
    let first = await stream(`/v1/shows/${showId}/updates`, { Authorization: alice.auth });
    for (let tries = 0; first.status !== 200 && tries < 100; tries++) first = await stream(`/v1/shows/${showId}/updates`, { Authorization: alice.auth });
    expect(first.status).toBe(200);
    expect((await stream(`/v1/shows/${showId}/updates`, { Authorization: alice.auth })).status).toBe(200);
    const refused = await stream(`/v1/shows/${showId}/updates`, { Authorization: alice.auth });
    expect(refused).toMatchObject({ status: 429, body: { error: 'too_many_listeners', details: { scope: 'customer', limit: 2 } } });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Bob, from the same address, still gets the address's last slot.
    expect((await stream(`/v1/shows/${showId}/updates`, { Authorization: bob.auth })).status).toBe(200);
  });
});
