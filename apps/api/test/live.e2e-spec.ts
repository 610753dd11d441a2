import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveConnections } from '../src/live/liveConnections';
import { LiveLimits } from '../src/live/liveLimits';
import { ShowUpdatesHub } from '../src/live/shows/showUpdatesHub';
import { WaitlistUpdatesHub } from '../src/live/waitlist/waitlistUpdatesHub';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow, eventually } from './inventoryFixtures';

interface SseMessage {
  id?: string;
  event: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  data: any;
}

/** A Server-Sent Events reader over a real socket, parsing the stream as a browser would. */
class SseClient {
  readonly messages: SseMessage[] = [];
  comments = 0;
  ended = false;
  private buffer = '';
  private wakers = new Set<() => void>();

  private constructor(
    private readonly request: ClientRequest,
    private readonly response: IncomingMessage,
  ) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.feed(chunk));
    const end = () => {
      this.ended = true;
      this.wake();
    };
    response.on('end', end);
    response.on('close', end);
    response.on('error', end);
  }

  static open(port: number, path: string, headers: Record<string, string> = {}): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      const request = httpRequest({ host: '127.0.0.1', port, path, headers: { Accept: 'text/event-stream', ...headers } }, (response) => {
        if (response.statusCode === 200) return resolve(new SseClient(request, response));
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => reject(Object.assign(new Error(`answered ${response.statusCode}: ${body}`), { status: response.statusCode, body: JSON.parse(body || '{}') })));
      });
      request.on('error', reject);
      request.end();
    });
  }

  /** The status and JSON body of a refused stream. */
  static async refused(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: { error: string } }> {
    try {
      const client = await SseClient.open(port, path, headers);
      client.close();
    } catch (error) {
      return error as { status: number; body: { error: string } };
    }
    throw new Error(`${path} was not refused`);
  }

  get contentType(): string | undefined {
    return this.response.headers['content-type'];
  }

  /** The id an EventSource would send back as Last-Event-ID. */
  lastId(): string {
    const withId = this.messages.filter((m) => m.id !== undefined);
    if (withId.length === 0) throw new Error('no message with an id yet');
    return withId[withId.length - 1].id!;
  }

  of(event: string): SseMessage[] {
    return this.messages.filter((m) => m.event === event);
  }

  /** Every seat change received, in order, as `seatId:status`; only from messages after `afterId` when given. */
  changes(afterId?: string): string[] {
    return this.of('seats')
      .filter((m) => afterId === undefined || BigInt(m.id!) > BigInt(afterId))
      .flatMap((m) => (m.data.seats as Array<{ seatId: string; status: string }>).map((s) => `${s.seatId}:${s.status}`));
  }

  async until<T>(check: () => T | undefined | false, what: string, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = check();
      if (found !== undefined && found !== false) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no ${what} before the deadline; got ${JSON.stringify(this.messages.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, left);
        function wake(): void {
          clearTimeout(timer);
          resolve();
        }
        this.wakers.add(wake);
      });
    }
  }

  event(event: string, where: (m: SseMessage) => boolean = () => true): Promise<SseMessage> {
    return this.until(() => this.messages.find((m) => m.event === event && where(m)), `${event} message`);
  }

  pause(): void {
    this.response.pause();
  }

  resume(): void {
    this.response.resume();
  }

  close(): void {
    this.request.destroy();
  }

  private feed(chunk: string): void {
    this.buffer += chunk.replace(/\r\n/g, '\n');
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const lines = block.split('\n');
      if (lines.every((line) => line.startsWith(':'))) {
        this.comments++;
        continue;
      }
      let id: string | undefined;
      let event = 'message';
      const data: string[] = [];
      for (const line of lines) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') id = value;
        else if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length > 0) this.messages.push({ ...(id !== undefined ? { id } : {}), event, data: JSON.parse(data.join('\n')) });
    }
    this.wake();
  }

  private wake(): void {
    const wakers = [...this.wakers];
    this.wakers.clear();
    for (const wake of wakers) wake();
  }
}

async function listen(t: TestApp): Promise<number> {
  await t.app.listen(0, '127.0.0.1');
  return (t.app.getHttpServer().address() as AddressInfo).port;
}

async function hold(t: TestApp, showId: string, auth: string, body: Record<string, unknown>): Promise<string> {
  const response = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', auth).send(body).expect(201);
  return response.body.holdId as string;
}

async function buy(t: TestApp, holdId: string, auth: string): Promise<void> {
  await t.http.post(`/v1/holds/${holdId}/purchase`).set('Authorization', auth).send({ payment: { token: 'tok_visa' } }).expect(201);
}

async function release(t: TestApp, holdId: string, auth: string): Promise<void> {
  await t.http.delete(`/v1/holds/${holdId}`).set('Authorization', auth).expect(204);
}

describe('Live updates over Server-Sent Events', () => {
  let t: TestApp;
  let port: number;
  let hub: ShowUpdatesHub;
  let limits: LiveLimits;
  const open = (path: string, headers?: Record<string, string>) => SseClient.open(port, path, headers);
  const clients: SseClient[] = [];
  async function connect(path: string, headers?: Record<string, string>): Promise<SseClient> {
    const client = await open(path, headers);
    clients.push(client);
    return client;
  }

  beforeAll(async () => {
    t = await createTestApp();
    // Before any supertest call: supertest would otherwise listen on a port of its own.
    port = await listen(t);
    hub = t.app.get(ShowUpdatesHub);
    limits = t.app.get(LiveLimits);
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.close();
    Object.assign(limits, new LiveLimits());
  });
  afterAll(() => t.close());

  it("pushes another customer's hold and then their purchase, seat by seat and in order", async () => {
    const showId = await createSeatedShow(t);
    const watcher = await connect(`/v1/shows/${showId}/updates`);
    expect(watcher.contentType).toMatch(/^text\/event-stream/);
    const snapshot = await watcher.event('snapshot');
    expect(snapshot.id).toMatch(/^\d+$/);
    expect(snapshot.data).toMatchObject({ showId, kind: 'seated', seats: [], availability: { capacity: 100, available: 100, held: 0, sold: 0 } });

    const buyer = await t.customer();
    const holdId = await hold(t, showId, buyer.auth, { seatIds: ['A-1-1', 'A-1-2'] });
    await watcher.until(() => watcher.changes().includes('A-1-2:held'), 'held seats');
    await buy(t, holdId, buyer.auth);
    await watcher.until(() => watcher.changes().includes('A-1-2:sold'), 'sold seats');

    expect(watcher.changes()).toEqual(['A-1-1:held', 'A-1-2:held', 'A-1-1:sold', 'A-1-2:sold']);
    const ids = watcher.of('seats').map((m) => BigInt(m.id!));
    expect(ids.every((id, i) => i === 0 || id > ids[i - 1])).toBe(true);
    expect(ids[0]).toBeGreaterThan(BigInt(snapshot.id!));
    const counts = await watcher.event('availability', (m) => m.data.sold === 2);
    expect(counts.data).toMatchObject({ capacity: 100, available: 98, held: 0, sold: 2, byTier: { vip: { sold: 2 } } });
    expect(counts.id).toMatch(/^\d+$/);

    // A new client starts from a snapshot that already has them.
    const late = await connect(`/v1/shows/${showId}/updates`);
    const again = await late.event('snapshot');
    expect(again.data.seats).toEqual([
      { seatId: 'A-1-1', status: 'sold' },
      { seatId: 'A-1-2', status: 'sold' },
    ]);
  });

  it('resumes after a reconnect with Last-Event-ID: exactly the missed changes, then live, without gaps or duplicates', async () => {
    const showId = await createSeatedShow(t);
    const reference = await connect(`/v1/shows/${showId}/updates`);
    const client = await connect(`/v1/shows/${showId}/updates`);
    await Promise.all([reference.event('snapshot'), client.event('snapshot')]);
    const bob = await t.customer();
    const carol = await t.customer();

    await hold(t, showId, bob.auth, { seatIds: ['B-1-1'] });
    await client.until(() => client.changes().includes('B-1-1:held'), 'first hold');
    const lastId = client.lastId();
    client.close();
    await eventually(async () => hub.connectionCount(showId) === 1);

    // Missed while away: a hold, its release, and a purchase.
    const released = await hold(t, showId, carol.auth, { seatIds: ['B-2-1', 'B-2-2', 'B-2-3'] });
    await release(t, released, carol.auth);
    const bought = await hold(t, showId, carol.auth, { seatIds: ['B-3-1'] });
    await buy(t, bought, carol.auth);
    await reference.until(() => reference.changes().includes('B-3-1:sold'), 'the purchase');
    const missed = reference.changes(lastId);
    expect(missed).toEqual(['B-2-1:held', 'B-2-2:held', 'B-2-3:held', 'B-2-1:available', 'B-2-2:available', 'B-2-3:available', 'B-3-1:held', 'B-3-1:sold']);

    const resumed = await connect(`/v1/shows/${showId}/updates`, { 'Last-Event-ID': lastId });
    await resumed.until(() => resumed.changes().length >= missed.length, 'the missed changes');
    expect(resumed.changes()).toEqual(missed);
    expect(resumed.of('snapshot')).toEqual([]);

    // And live from there on, nothing twice.
    await hold(t, showId, bob.auth, { seatIds: ['B-4-4'] });
    await resumed.until(() => resumed.changes().includes('B-4-4:held'), 'a live change');
    await reference.until(() => reference.changes().includes('B-4-4:held'), 'a live change');
    expect(resumed.changes()).toEqual(reference.changes(lastId));
    await resumed.event('availability');
  });

  it('hands over from the replay to live without a gap or a duplicate while changes keep coming', async () => {
    // One event per page: the replay yields between events, so live batches arrive while it runs.
    limits.replayPageSize = 1;
    const showId = await createSeatedShow(t, { maxTicketsPerCustomer: 10 });
    const reference = await connect(`/v1/shows/${showId}/updates`);
    await reference.event('snapshot');
    const customers = await Promise.all(Array.from({ length: 5 }, () => t.customer()));
    await hold(t, showId, customers[0].auth, { seatIds: ['A-5-1'] });
    await reference.until(() => reference.changes().includes('A-5-1:held'), 'first hold');
    const lastId = reference.lastId();

    for (let round = 0; round < 3; round++) {
      const seat = (customer: number) => `B-${customer + 1}-${round + 1}`;
      const writes = Promise.all(customers.map((c, i) => hold(t, showId, c.auth, { seatIds: [seat(i)] })));
      // Connects while the holds are being written and applied: some land in the replay, some arrive live meanwhile.
      const resumed = await connect(`/v1/shows/${showId}/updates`, { 'Last-Event-ID': lastId });
      await writes;
      await reference.until(() => customers.every((_, i) => reference.changes().includes(`${seat(i)}:held`)), 'every hold');
      const expected = reference.changes(lastId);
      await resumed.until(() => resumed.changes().length >= expected.length, 'every change');
      expect(resumed.changes()).toEqual(expected);
      expect(new Set(resumed.changes()).size).toBe(expected.length);
      resumed.close();
    }
  });

  it('sends general admission counts only', async () => {
    const showId = await createGeneralShow(t, 1_000, 4);
    const watcher = await connect(`/v1/shows/${showId}/updates`);
    const snapshot = await watcher.event('snapshot');
    expect(snapshot.data).toMatchObject({ showId, kind: 'general', availability: { capacity: 1_000, available: 1_000 } });
    expect(snapshot.data.seats).toBeUndefined();
    const fan = await t.customer();
    const holdIds = [];
    for (let i = 0; i < 3; i++) holdIds.push(await hold(t, showId, fan.auth, { quantity: 2 }));
    const counts = await watcher.event('availability', (m) => m.data.held === 6);
    expect(counts.data).toMatchObject({ capacity: 1_000, available: 994, held: 6, sold: 0 });
    expect(watcher.of('seats')).toEqual([]);

    // A resume on a general admission show has nothing to replay: fresh counts follow.
    const resumed = await connect(`/v1/shows/${showId}/updates`, { 'Last-Event-ID': snapshot.id! });
    const fresh = await resumed.event('availability');
    expect(fresh.data.held).toBe(6);
    expect(resumed.of('snapshot')).toEqual([]);
  });

  it('cuts a client that stops reading off with `reload`, while a reading client still receives everything', async () => {
    Object.assign(limits, { maxQueuedMessages: 50, maxQueuedBytes: 256 * 1024 });
    const showId = await createSeatedShow(t);
    const normal = await connect(`/v1/shows/${showId}/updates`);
    const slow = await connect(`/v1/shows/${showId}/updates`);
    await Promise.all([normal.event('snapshot'), slow.event('snapshot')]);
    slow.pause();

    // Flood section A (shard s0) straight through the store: every hold of all 50
    // seats and its release is 100 seat changes. Paced by the reading client.
    const seats = [1, 2, 3, 4, 5].flatMap((row) => Array.from({ length: 10 }, (_, n) => `A-${row}-${n + 1}`));
    const stream = `inventory-${showId}-s0`;
    let revision: bigint | 'no_stream' = 'no_stream';
    let pairs = 0;
    async function flood(count: number): Promise<bigint> {
      const now = Date.now();
      const events = Array.from({ length: count }, () => {
        const holdId = randomUUID();
        return [
          {
            type: 'SeatsHeld',
            data: {
              holdId,
              showId,
              shardId: 's0',
              customerId: 'flood',
              seatIds: seats,
              tierCounts: { vip: 20, regular: 30 },
              heldAt: new Date(now).toISOString(),
              expiresAt: new Date(now + 600_000).toISOString(),
            },
            metadata: { showId, shardId: 's0' },
          },
          { type: 'HoldReleased', data: { holdId, customerId: 'flood', releasedAt: new Date(now).toISOString(), reason: 'customer' }, metadata: { showId, shardId: 's0' } },
        ];
      }).flat();
      const appended = await t.store.appendToStream(stream, events, { expectedRevision: revision });
      revision = appended.nextExpectedRevision;
      pairs += count;
      return appended.position;
    }

    const deadline = Date.now() + 60_000;
    while (hub.connectionCount(showId) > 1) {
      if (Date.now() > deadline) throw new Error('the slow client was never cut off');
      const position = await flood(20);
      await normal.until(() => normal.messages.some((m) => m.id !== undefined && BigInt(m.id) >= position), `messages up to ${position}`, 20_000);
    }
    const last = await flood(20);
    await normal.until(() => normal.of('seats').some((m) => BigInt(m.id!) === last), 'the last flood');

    expect(normal.ended).toBe(false);
    expect(normal.changes()).toHaveLength(pairs * 100);
    expect(normal.of('reload')).toEqual([]);

    slow.resume();
    await slow.until(() => slow.ended, 'the end of the slow stream');
    expect(slow.messages[slow.messages.length - 1]).toEqual({ event: 'reload', data: { reason: 'too_slow' } });
    expect(slow.changes().length).toBeLessThan(pairs * 100);
  });

  it('removes a client as soon as it disconnects, and the show with its last client', async () => {
    const connections = t.app.get(LiveConnections);
    // The previous tests' clients are closed; the server notices each in its own time.
    await eventually(async () => connections.count === 0);
    const before = connections.count;
    const showId = await createSeatedShow(t);
    const a = await connect(`/v1/shows/${showId}/updates`);
    const b = await connect(`/v1/shows/${showId}/updates`);
    await Promise.all([a.event('snapshot'), b.event('snapshot')]);
    expect(hub.connectionCount(showId)).toBe(2);
    expect(connections.count).toBe(before + 2);
    const shows = hub.showCount;

    a.close();
    await eventually(async () => hub.connectionCount(showId) === 1);
    b.close();
    await eventually(async () => hub.connectionCount(showId) === 0);
    expect(hub.showCount).toBe(shows - 1);
    expect(connections.count).toBe(before);

    // Changes to a show nobody watches are still followed (for later clients), and go nowhere.
    const someone = await t.customer();
    await hold(t, showId, someone.auth, { seatIds: ['A-3-3'] });
    const later = await connect(`/v1/shows/${showId}/updates`);
    // Read models trail the log by a few milliseconds: the hold is in the snapshot, or follows it.
    const heldSeats = () => [...later.of('snapshot').flatMap((m) => m.data.seats), ...later.of('seats').flatMap((m) => m.data.seats)];
    await later.until(() => heldSeats().some((s: { seatId: string; status: string }) => s.seatId === 'A-3-3' && s.status === 'held'), 'the hold, in the snapshot or right after it');
  });

  it('sends a heartbeat comment on an idle stream', async () => {
    limits.heartbeatMs = 50;
    const showId = await createSeatedShow(t);
    const idle = await connect(`/v1/shows/${showId}/updates`);
    await idle.until(() => idle.comments >= 2, 'two heartbeats');
  });

  it('answers with JSON errors before any stream: unknown show, bad Last-Event-ID, too many clients', async () => {
    const missing = await SseClient.refused(port, '/v1/shows/no-such-show/updates');
    expect(missing).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const showId = await createSeatedShow(t);
    const bad = await SseClient.refused(port, `/v1/shows/${showId}/updates`, { 'Last-Event-ID': 'yesterday' });
    expect(bad).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    limits.maxConnectionsPerShow = 1;
    const first = await connect(`/v1/shows/${showId}/updates`);
    await first.event('snapshot');
    const full = await SseClient.refused(port, `/v1/shows/${showId}/updates`);
    expect(full).toMatchObject({ status: 503, body: { error: 'too_many_listeners' } });
    // A Last-Event-ID beyond this log's head (another store) starts over with a snapshot.
    first.close();
    await eventually(async () => hub.connectionCount(showId) === 0);
    const stranger = await connect(`/v1/shows/${showId}/updates`, { 'Last-Event-ID': '999999999' });
    await stranger.event('snapshot');
  });

  describe("a waiting customer's entry", () => {
    let showId: string;
    let revision: bigint | 'no_stream';
    const entryId = randomUUID();
    let alice: { customerId: string; auth: string };
    const path = `/v1/waitlist/${entryId}/updates`;

    async function append(type: string, data: Record<string, unknown>): Promise<void> {
      const appended = await t.store.appendToStream(`waitlist-${showId}`, [{ type, data: { entryId, ...data }, metadata: { showId } }], { expectedRevision: revision });
      revision = appended.nextExpectedRevision;
    }

    beforeAll(async () => {
      // Everything held: nothing can be offered to the entry behind the test's back.
      showId = await createGeneralShow(t, 2, 1);
      const holder = await t.customer();
      await hold(t, showId, holder.auth, { quantity: 2 });
      alice = await t.customer();
      revision = 'no_stream';
      const now = Date.now();
      await append('WaitlistJoined', { customerId: alice.customerId, quantity: 2, joinedAt: new Date(now).toISOString(), waitsUntil: new Date(now + 3_600_000).toISOString() });
    });

    it('pushes its events to its owner only, and resumes with Last-Event-ID', async () => {
      const waitlist = t.app.get(WaitlistUpdatesHub);
      const mallory = await t.customer();
      expect(await SseClient.refused(port, path, { Authorization: mallory.auth })).toMatchObject({ status: 404, body: { error: 'not_found' } });
      expect(await SseClient.refused(port, path)).toMatchObject({ status: 401 });
      expect(await SseClient.refused(port, `/v1/waitlist/${randomUUID()}/updates`, { Authorization: alice.auth })).toMatchObject({ status: 404 });

      const watcher = await connect(path, { Authorization: alice.auth });
      const joined = await watcher.event('waitlist');
      expect(joined.data).toMatchObject({ type: 'WaitlistJoined', entryId, customerId: alice.customerId, quantity: 2 });
      await append('WaitlistOffered', { holdId: entryId, offeredAt: new Date().toISOString() });
      const offered = await watcher.event('waitlist', (m) => m.data.type === 'WaitlistOffered');
      expect(offered.data).toMatchObject({ entryId, holdId: entryId });
      expect(BigInt(offered.id!)).toBeGreaterThan(BigInt(joined.id!));

      const lastId = watcher.lastId();
      watcher.close();
      await eventually(async () => waitlist.connectionCount(entryId) === 0);
      await append('WaitlistEnded', { reason: 'expired', at: new Date().toISOString() });

      const resumed = await connect(path, { Authorization: alice.auth, 'Last-Event-ID': lastId });
      await resumed.event('waitlist', (m) => m.data.type === 'WaitlistEnded');
      expect(resumed.of('waitlist').map((m) => m.data.type)).toEqual(['WaitlistEnded']);
      const fresh = await connect(path, { Authorization: alice.auth });
      await fresh.until(() => fresh.of('waitlist').length === 3, 'the whole story');
      expect(fresh.of('waitlist').map((m) => m.data.type)).toEqual(['WaitlistJoined', 'WaitlistOffered', 'WaitlistEnded']);
    });
  });
});

describe('Live updates across a restart', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-live-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('resumes a client from before the restart, naming the seats of holds released on both sides of it', async () => {
    const first = await createTestApp({ dataDir });
    let showId = '';
    let lastId = '';
    let carol = { customerId: '', auth: '' };
    let carolsHold = '';
    const entryId = randomUUID();
    try {
      const port = await listen(first);
      showId = await createSeatedShow(first);
      const bob = await first.customer();
      carol = await first.customer();
      const client = await SseClient.open(port, `/v1/shows/${showId}/updates`);
      await client.event('snapshot');
      const bobsHold = await hold(first, showId, bob.auth, { seatIds: ['B-1-1', 'B-1-2'] });
      carolsHold = await hold(first, showId, carol.auth, { seatIds: ['B-2-1'] });
      await client.until(() => client.changes().includes('B-2-1:held'), 'both holds');
      lastId = client.lastId();
      client.close();
      // Released before the restart: the new process never sees this hold active.
      await release(first, bobsHold, bob.auth);

      const gaShowId = await createGeneralShow(first, 2, 1);
      await hold(first, gaShowId, bob.auth, { quantity: 2 });
      const now = Date.now();
      await first.store.appendToStream(
        `waitlist-${gaShowId}`,
        [{ type: 'WaitlistJoined', data: { entryId, customerId: carol.customerId, quantity: 1, joinedAt: new Date(now).toISOString(), waitsUntil: new Date(now + 3_600_000).toISOString() }, metadata: { showId: gaShowId } }],
        { expectedRevision: 'no_stream' },
      );
      await eventually(async () => (await first.http.get(`/v1/waitlist/${entryId}`).set('Authorization', carol.auth)).status === 200);
    } finally {
      await first.close();
    }

    const second = await createTestApp({ dataDir });
    try {
      const port = await listen(second);
      const live = await SseClient.open(port, `/v1/shows/${showId}/updates`);
      const snapshot = await live.event('snapshot');
      expect(snapshot.data.seats).toEqual([{ seatId: 'B-2-1', status: 'held' }]);
      // Released after the restart: its seats come from the read model the new process started with.
      await release(second, carolsHold, carol.auth);
      await live.until(() => live.changes().includes('B-2-1:available'), 'the release');
      expect(live.changes()).toEqual(['B-2-1:available']);

      const resumed = await SseClient.open(port, `/v1/shows/${showId}/updates`, { 'Last-Event-ID': lastId });
      await resumed.until(() => resumed.changes().length >= 3, 'both releases');
      expect(resumed.changes()).toEqual(['B-1-1:available', 'B-1-2:available', 'B-2-1:available']);

      // The entry joined before the restart: found through the waiting line's read model.
      const entry = await SseClient.open(port, `/v1/waitlist/${entryId}/updates`, { Authorization: carol.auth });
      const joined = await entry.event('waitlist');
      expect(joined.data).toMatchObject({ type: 'WaitlistJoined', entryId, customerId: carol.customerId });
      for (const client of [live, resumed, entry]) client.close();
    } finally {
      await second.close();
    }
  });
});
