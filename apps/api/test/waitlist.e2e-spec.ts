import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AllowanceReleased, HoldExpired, SeatsHeld, WaitlistEnded, WaitlistOffered } from '@app/domain';
import { PlaceHold } from '../src/inventory/holds/placeHold';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow, eventually } from './inventoryFixtures';

type Customer = { customerId: string; auth: string };

async function hold(t: TestApp, c: Customer, showId: string, body: Record<string, unknown>, status = 201): Promise<string> {
  const response = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send(body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
  return response.body.holdId as string;
}

async function joinLine(t: TestApp, c: Customer, showId: string, body: Record<string, unknown>, position?: number): Promise<string> {
  const response = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', c.auth).send(body);
  expect({ status: response.status, body: response.body }).toMatchObject({ status: 201, body: { entryId: expect.any(String), ...(position ? { position } : {}) } });
  return response.body.entryId as string;
}

async function entry(t: TestApp, c: Customer, entryId: string): Promise<Record<string, unknown>> {
  const response = await t.http.get(`/v1/waitlist/${entryId}`).set('Authorization', c.auth).expect(200);
  return response.body as Record<string, unknown>;
}

async function statusOf(t: TestApp, c: Customer, entryId: string): Promise<unknown> {
  return (await entry(t, c, entryId)).status;
}

/** The entries offered a hold, in the order the offers were written. */
async function offers(t: TestApp, showId: string): Promise<string[]> {
  return (await t.store.readAll()).filter((e) => e.streamId === `waitlist-${showId}` && e.type === 'WaitlistOffered').map((e) => (e.data as WaitlistOffered['data']).entryId);
}

async function purchase(t: TestApp, c: Customer, holdId: string): Promise<void> {
  await t.http.post(`/v1/holds/${holdId}/purchase`).set('Authorization', c.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
}

describe('waiting line', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('serves the line in arrival order across releases and expiries, each offer a hold for the entry', async () => {
    const showId = await createGeneralShow(t, 2, 1, { holdSeconds: 3 });
    const [expiring, releasing] = [await t.customer(), await t.customer()];
    const [first, second, third] = [await t.customer(), await t.customer(), await t.customer()];
    await hold(t, expiring, showId, { quantity: 1 });
    const released = await hold(t, releasing, showId, { quantity: 1 });
    const e1 = await joinLine(t, first, showId, { quantity: 1 }, 1);
    const e2 = await joinLine(t, second, showId, { quantity: 1 }, 2);
    const e3 = await joinLine(t, third, showId, { quantity: 1 }, 3);
    expect(await entry(t, third, e3)).toMatchObject({ entryId: e3, showId, status: 'waiting', position: 3, quantity: 1 });

    // A release: the ticket goes to the longest-waiting entry, as a hold under the entry's id.
    await t.http.delete(`/v1/holds/${released}`).set('Authorization', releasing.auth).expect(204);
    await eventually(async () => (await statusOf(t, first, e1)) === 'offered');
    expect(await entry(t, first, e1)).toMatchObject({ status: 'offered', holdId: e1, position: null });
    expect(await entry(t, second, e2)).toMatchObject({ status: 'waiting', position: 1 });
    expect(await entry(t, third, e3)).toMatchObject({ status: 'waiting', position: 2 });
    const offeredHold = await t.http.get(`/v1/holds/${e1}`).set('Authorization', first.auth).expect(200);
    expect(offeredHold.body).toMatchObject({ holdId: e1, showId, status: 'active', quantity: 1 });

    // Then the other hold expires, and so does the offered one: next in line, and the one after.
    await eventually(async () => (await statusOf(t, third, e3)) === 'offered');
    expect(await offers(t, showId)).toEqual([e1, e2, e3]);
    // An offered hold runs for the show's hold time, not for the entry's (much longer) wait.
    await eventually(async () => (await t.store.readAll()).some((e) => e.type === 'HoldExpired' && (e.data as HoldExpired['data']).holdId === e3));
  });

  it('skips an entry too large for what came free, and keeps its place for later', async () => {
    const showId = await createGeneralShow(t, 3, 1);
    const [h1, h2, big, small] = [await t.customer(), await t.customer(), await t.customer(), await t.customer()];
    const hold1 = await hold(t, h1, showId, { quantity: 1 });
    const hold2 = await hold(t, h2, showId, { quantity: 2 });
    const bigEntry = await joinLine(t, big, showId, { quantity: 2 }, 1);
    const smallEntry = await joinLine(t, small, showId, { quantity: 1 }, 2);

    await t.http.delete(`/v1/holds/${hold1}`).set('Authorization', h1.auth).expect(204);
    await eventually(async () => (await statusOf(t, small, smallEntry)) === 'offered');
    expect(await entry(t, big, bigEntry)).toMatchObject({ status: 'waiting', position: 1 });

    await t.http.delete(`/v1/holds/${hold2}`).set('Authorization', h2.auth).expect(204);
    await eventually(async () => (await statusOf(t, big, bigEntry)) === 'offered');
    const offered = await t.http.get(`/v1/holds/${bigEntry}`).set('Authorization', big.auth).expect(200);
    expect(offered.body.ticketNumbers).toHaveLength(2);
    expect(await offers(t, showId)).toEqual([smallEntry, bigEntry]);
  });

  it('serves a seated show by tier', async () => {
    const showId = await createSeatedShow(t);
    const [h1, h2, waiter] = [await t.customer(), await t.customer(), await t.customer()];
    const vip1 = await hold(t, h1, showId, { quantity: 10, tier: 'vip' });
    await hold(t, h2, showId, { quantity: 10, tier: 'vip' });
    // Economy seats are there for the taking: no need to wait for them.
    const economy = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', waiter.auth).send({ quantity: 2, tier: 'economy' }).expect(409);
    expect(economy.body).toMatchObject({ error: 'seats_available' });
    const vipEntry = await joinLine(t, waiter, showId, { quantity: 2, tier: 'vip' }, 1);

    await t.http.delete(`/v1/holds/${vip1}`).set('Authorization', h1.auth).expect(204);
    await eventually(async () => (await statusOf(t, waiter, vipEntry)) === 'offered');
    const offered = await t.http.get(`/v1/holds/${vipEntry}`).set('Authorization', waiter.auth).expect(200);
    expect(offered.body.seatIds).toHaveLength(2);
    expect(offered.body.seatIds.every((s: string) => /^A-[12]-/.test(s))).toBe(true);
  });

  it('ends the entries nothing can come free for when tickets are sold, and then refuses new ones', async () => {
    const showId = await createGeneralShow(t, 3, 1);
    const [h1, h2, pair, single] = [await t.customer(), await t.customer(), await t.customer(), await t.customer()];
    const hold1 = await hold(t, h1, showId, { quantity: 2 });
    const hold2 = await hold(t, h2, showId, { quantity: 1 });
    const pairEntry = await joinLine(t, pair, showId, { quantity: 2 });
    const singleEntry = await joinLine(t, single, showId, { quantity: 1 });

    // Two sold, one held: a pair can never be served any more, a single still can.
    await purchase(t, h1, hold1);
    await eventually(async () => (await statusOf(t, pair, pairEntry)) === 'sold_out');
    expect(await entry(t, pair, pairEntry)).toMatchObject({ position: null });
    expect(await entry(t, single, singleEntry)).toMatchObject({ status: 'waiting', position: 1 });

    await purchase(t, h2, hold2);
    await eventually(async () => (await statusOf(t, single, singleEntry)) === 'sold_out');
    const late = await t.customer();
    const refused = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', late.auth).send({ quantity: 1 }).expect(409);
    expect(refused.body.error).toBe('sold_out');

    // Their allowances came back, marked as never having got seats.
    const releases = (await t.store.readAll()).filter((e) => e.type === 'AllowanceReleased').map((e) => e.data as AllowanceReleased['data']);
    expect(releases.filter((r) => r.holdId === pairEntry || r.holdId === singleEntry).map((r) => r.reason)).toEqual(['failed', 'failed']);
  });

  it('counts waiting quantities against the per-customer limit', async () => {
    const showId = await createGeneralShow(t, 4, 1, { maxTicketsPerCustomer: 4 });
    const [h1, h2, c] = [await t.customer(), await t.customer(), await t.customer()];
    await hold(t, h1, showId, { quantity: 2 });
    const hold2 = await hold(t, h2, showId, { quantity: 2 });

    const tooMany = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', c.auth).send({ quantity: 5 }).expect(422);
    expect(tooMany.body).toMatchObject({ error: 'limit_exceeded', limit: 4 });
    const entryId = await joinLine(t, c, showId, { quantity: 3 });
    const twice = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', c.auth).send({ quantity: 1 }).expect(409);
    expect(twice.body).toMatchObject({ error: 'already_waiting', entryId });

    // Two come free: too few for the entry, and holding them would go over the limit with the 3 waited for.
    await t.http.delete(`/v1/holds/${hold2}`).set('Authorization', h2.auth).expect(204);
    const refused = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ quantity: 2 }).expect(422);
    expect(refused.body).toMatchObject({ error: 'limit_exceeded', limit: 4, current: 3 });
    expect(await entry(t, c, entryId)).toMatchObject({ status: 'waiting' });

    await t.http.delete(`/v1/waitlist/${entryId}`).set('Authorization', c.auth).expect(204);
    await hold(t, c, showId, { quantity: 2 });
  });

  it('shows and lets leave an entry only to its customer', async () => {
    const showId = await createGeneralShow(t, 1, 1);
    const [holder, owner, stranger] = [await t.customer(), await t.customer(), await t.customer()];
    await hold(t, holder, showId, { quantity: 1 });
    const entryId = await joinLine(t, owner, showId, { quantity: 1 });

    await t.http.get(`/v1/waitlist/${entryId}`).expect(401);
    const foreign = await t.http.get(`/v1/waitlist/${entryId}`).set('Authorization', stranger.auth).expect(404);
    expect(foreign.body.error).toBe('waitlist_entry_not_found');
    await t.http.delete(`/v1/waitlist/${entryId}`).set('Authorization', stranger.auth).expect(404);
    await t.http.get('/v1/waitlist/no-such-entry').set('Authorization', owner.auth).expect(404);
    expect(await entry(t, owner, entryId)).toMatchObject({ status: 'waiting' });

    await t.http.delete(`/v1/waitlist/${entryId}`).set('Authorization', owner.auth).expect(204);
    await t.http.delete(`/v1/waitlist/${entryId}`).set('Authorization', owner.auth).expect(204);
    expect(await entry(t, owner, entryId)).toMatchObject({ entryId, showId, status: 'left', position: null, quantity: 1 });
    // Leaving gave the allowance back, and the customer may queue again.
    await joinLine(t, owner, showId, { quantity: 1 }, 1);
  });

  it('validates the request', async () => {
    const showId = await createGeneralShow(t, 2, 1);
    const c = await t.customer();
    await t.http.post(`/v1/shows/${showId}/waitlist`).send({ quantity: 1 }).expect(401);
    const available = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', c.auth).send({ quantity: 1 }).expect(409);
    expect(available.body).toMatchObject({ error: 'seats_available', message: expect.stringContaining('hold them instead') });
    const bad = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', c.auth).send({ quantity: 0, extra: true }).expect(400);
    expect(bad.body.error).toBe('invalid_request');
    await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', c.auth).send({ quantity: 1, section: 'A' }).expect(400);
    await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', c.auth).send({ quantity: 1, tier: 'nope' }).expect(400);
    await t.http.post('/v1/shows/no-such-show/waitlist').set('Authorization', c.auth).send({ quantity: 1 }).expect(404);
  });
});

describe('waiting line timeouts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ waitlistMaxWaitSeconds: 1 });
  });
  afterAll(() => t.close());

  it('ends an entry that waited too long, and gives its allowance back', async () => {
    const showId = await createGeneralShow(t, 1, 1);
    const [holder, waiter] = [await t.customer(), await t.customer()];
    await hold(t, holder, showId, { quantity: 1 });
    const entryId = await joinLine(t, waiter, showId, { quantity: 1 });
    expect(await entry(t, waiter, entryId)).toMatchObject({ status: 'waiting', position: 1 });

    await eventually(async () => {
      const events = await t.store.readAll();
      const ended = events.some((e) => e.type === 'WaitlistEnded' && (e.data as WaitlistEnded['data']).entryId === entryId && (e.data as WaitlistEnded['data']).reason === 'expired');
      const returned = events.some((e) => e.type === 'AllowanceReleased' && (e.data as AllowanceReleased['data']).holdId === entryId && (e.data as AllowanceReleased['data']).reason === 'expired');
      return ended && returned;
    });
    expect(await entry(t, waiter, entryId)).toMatchObject({ status: 'expired', position: null });
    await t.http.delete(`/v1/waitlist/${entryId}`).set('Authorization', waiter.auth).expect(409);
  });
});

describe('waiting line across a restart', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-waitlist-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('offers seats freed while no process served the line, and completes an offer cut short, without holding twice', async () => {
    // The first process does not serve the line (as if it died just after each write).
    const first = await createTestApp({ dataDir, expiryWorker: false });
    const showId = await createGeneralShow(first, 3, 1);
    const [holder, w1, w2, w3] = [await first.customer(), await first.customer(), await first.customer(), await first.customer()];
    const held = await hold(first, holder, showId, { quantity: 3 });
    const e1 = await joinLine(first, w1, showId, { quantity: 1 }, 1);
    const e2 = await joinLine(first, w2, showId, { quantity: 1 }, 2);
    const e3 = await joinLine(first, w3, showId, { quantity: 2 }, 3);
    await first.http.delete(`/v1/holds/${held}`).set('Authorization', holder.auth).expect(204);
    // An offer cut short: the hold for e1 is made, the WaitlistOffered never written.
    await first.app.get(PlaceHold).holdReserved(w1.customerId, showId, e1, { quantity: 1 });
    expect(await entry(first, w1, e1)).toMatchObject({ status: 'waiting' });
    await first.close();

    const second = await createTestApp({ dataDir });
    try {
      await eventually(async () => (await statusOf(second, w2, e2)) === 'offered');
      expect(await entry(second, w1, e1)).toMatchObject({ status: 'offered', holdId: e1 });
      // One ticket is left after e1 and e2: e3 asked for two and keeps waiting.
      expect(await entry(second, w3, e3)).toMatchObject({ status: 'waiting', position: 1 });
      expect(await offers(second, showId)).toEqual([e1, e2]);
      const seatsHeld = (await second.store.readAll()).filter((e) => e.type === 'SeatsHeld').map((e) => (e.data as SeatsHeld['data']).holdId);
      expect(seatsHeld.filter((id) => id === e1)).toHaveLength(1);
    } finally {
      await second.close();
    }
  });
});
