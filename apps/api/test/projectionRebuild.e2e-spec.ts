import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generalAdmissionSalesLog } from '@app/domain/testing/salesLog';
import { SqliteEventStore, type EventStore, type ReadAllOptions, type RecordedEvent } from '@app/event-store';
import { appendRounds } from '@app/event-store/testing/appendRounds';
import { ReadDatabase, SalesAuditProjection } from '@app/read-models';
import { createTestApp, type TestApp } from './testApp';
import { createGeneralShow, createSeatedShow, eventually } from './inventoryFixtures';

interface Status {
  name: string;
  version: number;
  position: string;
  lagEvents: number;
  status: string;
  rebuiltAt?: string;
  rebuild?: { position: string; head: string };
  error?: string;
}

/**
 * The real store, with a brake on `readAll` (which only rebuilds use; the live runner
 * subscribes): a rebuild can be held at its first page, or slowed so that reads and
 * writes land in the middle of it.
 */
class BrakedStore implements EventStore {
  readonly kind = 'embedded' as const;
  get limits(): EventStore['limits'] {
    return this.inner.limits;
  }
  delayMs = 0;
  private held: Promise<void> | undefined;
  private release: (() => void) | undefined;

  constructor(private readonly inner: SqliteEventStore) {}

  hold(): void {
    this.held = new Promise((resolve) => (this.release = resolve));
  }

  letGo(): void {
    this.release?.();
    this.held = undefined;
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    await this.held;
    if (this.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    return this.inner.readAll(options);
  }

  appendToStream: EventStore['appendToStream'] = (...args) => this.inner.appendToStream(...args);
  readStream: EventStore['readStream'] = (...args) => this.inner.readStream(...args);
  subscribeToAll: EventStore['subscribeToAll'] = (...args) => this.inner.subscribeToAll(...args);
  headPosition: EventStore['headPosition'] = () => this.inner.headPosition();
  countEventsAfter: EventStore['countEventsAfter'] = (...args) => this.inner.countEventsAfter(...args);
  describe: EventStore['describe'] = () => this.inner.describe();
  readsCurrentAt: EventStore['readsCurrentAt'] = () => this.inner.readsCurrentAt();
  ping: EventStore['ping'] = () => this.inner.ping();
  close: EventStore['close'] = () => this.inner.close();
}

/** Every projection table's rows, through a connection of its own, in a stable order. */
function tableContents(dataDir: string): Record<string, unknown[]> {
  const db = new Database(join(dataDir, 'read.db'), { readonly: true });
  try {
    const tables = db
      .prepare<[], string>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name != 'projection_checkpoints' ORDER BY name`)
      .pluck()
      .all();
    return Object.fromEntries(
      tables.map((table) => {
        const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => `"${c.name}"`);
        return [table, db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).all()];
      }),
    );
  } finally {
    db.close();
  }
}

describe('projection rebuilds beside the live tables', () => {
  let t: TestApp;
  let store: BrakedStore;
  let admin: string;
  let seated: string;
  let general: string;
  let buyer: { customerId: string; auth: string };
  let orderId: string;
  let bigShow: string;

  const statuses = async (): Promise<Status[]> => (await t.http.get('/v1/admin/projections').set('Authorization', admin).expect(200)).body;
  const rebuilt = async (since: number): Promise<boolean> => (await statuses()).every((p) => p.status === 'live' && p.rebuiltAt !== undefined && Date.parse(p.rebuiltAt) >= since);

  beforeAll(async () => {
    store = new BrakedStore(SqliteEventStore.inMemory());
    t = await createTestApp({ store });
    admin = `Bearer ${t.adminToken}`;
    seated = await createSeatedShow(t, { maxTicketsPerCustomer: 6 });
    general = await createGeneralShow(t, 500, 4);
    buyer = await t.customer();
    const other = await t.customer();
    // Rows in every table: sold seats, held seats, a released hold, general-admission sales.
    const hold = await t.http.post(`/v1/shows/${seated}/holds`).set('Authorization', buyer.auth).send({ seatIds: ['A-1-1', 'A-1-2'] }).expect(201);
    const order = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', buyer.auth).set('Idempotency-Key', 'o1').send({ payment: { token: 'tok_visa' } }).expect(201);
    orderId = order.body.orderId;
    await t.http.post(`/v1/shows/${seated}/holds`).set('Authorization', other.auth).send({ seatIds: ['B-2-5'] }).expect(201);
    const released = await t.http.post(`/v1/shows/${seated}/holds`).set('Authorization', other.auth).send({ quantity: 2, tier: 'regular' }).expect(201);
    await t.http.delete(`/v1/holds/${released.body.holdId}`).set('Authorization', other.auth).expect(204);
    const ga = await t.http.post(`/v1/shows/${general}/holds`).set('Authorization', buyer.auth).send({ quantity: 3 }).expect(201);
    await t.http.post(`/v1/holds/${ga.body.holdId}/purchase`).set('Authorization', buyer.auth).set('Idempotency-Key', 'o2').send({ payment: { token: 'tok_visa' } }).expect(201);
    // A big log, so a rebuild takes long enough to be caught in the middle.
    const log = generalAdmissionSalesLog({ holds: 12_000, ticketsPerHold: 2, shardCount: 8, releaseEvery: 10, expireEvery: 9 });
    bigShow = log.show.id;
    await appendRounds(store, log.rounds);
    await eventually(async () => (await statuses()).every((p) => p.status === 'live' && p.lagEvents === 0), 60_000);
  }, 120_000);

  afterAll(() => t.close());

  it('needs the admin token', async () => {
    await t.http.get('/v1/admin/projections').expect(401);
    await t.http.post('/v1/admin/projections/sales_audit/rebuild').expect(401);
    await t.http.get('/v1/admin/projections').set('Authorization', buyer.auth).expect(401);
    const refused = await t.http.post('/v1/admin/projections/sales_audit/rebuild').set('Authorization', buyer.auth).expect(401);
    expect(refused.body.error).toBe('unauthorized');
  });

  it('answers 404 for a projection that does not exist', async () => {
    const missing = await t.http.post('/v1/admin/projections/nope/rebuild').set('Authorization', admin).expect(404);
    expect(missing.body).toMatchObject({ error: 'not_found' });
    await t.http.post('/v1/admin/projections/..%2Fetc/rebuild').set('Authorization', admin).expect(404);
  });

  it('lists every projection live, then rebuilding with progress (409 for a second request), then live again', async () => {
    const before = await statuses();
    expect(before.map((p) => p.name)).toEqual(expect.arrayContaining(['catalog', 'holds', 'seat_availability', 'remaining_count', 'sales_audit']));
    for (const p of before) expect(p).toMatchObject({ version: expect.any(Number), position: expect.stringMatching(/^\d+$/), lagEvents: 0, status: 'live' });

    const since = Date.now();
    store.hold();
    const started = await t.http.post('/v1/admin/projections/sales_audit/rebuild').set('Authorization', admin).expect(202);
    expect(started.body).toEqual({ name: 'sales_audit', status: 'rebuilding', projections: ['sales_audit'] });
    const again = await t.http.post('/v1/admin/projections/sales_audit/rebuild').set('Authorization', admin).expect(409);
    expect(again.body.error).toBe('rebuild_in_progress');
    const all = await t.http.post('/v1/admin/projections/all/rebuild').set('Authorization', admin).expect(409);
    expect(all.body.details).toEqual({ projection: 'sales_audit' });

    const during = (await statuses()).find((p) => p.name === 'sales_audit')!;
    expect(during).toMatchObject({ status: 'rebuilding', rebuild: { position: expect.any(String), head: expect.any(String) } });
    expect((await statuses()).find((p) => p.name === 'holds')!.status).toBe('live');
    store.letGo();

    await eventually(async () => (await statuses()).find((p) => p.name === 'sales_audit')!.status === 'live', 60_000);
    const after = (await statuses()).find((p) => p.name === 'sales_audit')!;
    expect(Date.parse(after.rebuiltAt!)).toBeGreaterThanOrEqual(since);
    expect(after.error).toBeUndefined();
    expect(BigInt(after.position)).toBeGreaterThanOrEqual(BigInt(before.find((p) => p.name === 'sales_audit')!.position));
  });

  it('answers every read during a rebuild of all projections, the same as before, and ends with the same rows', async () => {
    const rowsBefore = tableContents(t.dataDir);
    // One row per sale: about 9,600 of the 12,000 holds of two tickets were bought.
    expect(rowsBefore.sales.length).toBeGreaterThan(9_000);
    const reads: Array<[string, string | undefined]> = [
      [`/v1/shows/${seated}/availability`, undefined],
      [`/v1/shows/${bigShow}/availability`, undefined],
      [`/v1/shows/${seated}/seats?section=A`, undefined],
      [`/v1/shows/${seated}`, undefined],
      ['/v1/events?q=concert', undefined],
      [`/v1/audit/shows/${general}/sales?limit=100`, admin],
      [`/v1/audit/shows/${bigShow}/sales?after=5000&limit=50`, admin],
      [`/v1/orders/${orderId}`, buyer.auth],
      ['/v1/customers/me/orders', buyer.auth],
    ];
    const answer = async ([path, auth]: [string, string | undefined]) => {
      const request = t.http.get(path);
      const response = await (auth ? request.set('Authorization', auth) : request);
      // Availability stamps the time and the lag; the rest of it must not move.
      const { asOf: _asOf, lagEvents: _lag, ...body } = response.body as Record<string, unknown>;
      return { status: response.status, body };
    };
    const expected = await Promise.all(reads.map(answer));
    expect(expected.every((r) => r.status === 200)).toBe(true);

    const since = Date.now();
    // About a second for the whole rebuild: plenty of reads land in the middle of it.
    store.delayMs = 100;
    await t.http.post('/v1/admin/projections/all/rebuild').set('Authorization', admin).expect(202);
    let answered = 0;
    let sawRebuilding = false;
    let done = false;
    const load = Array.from({ length: 6 }, async (_, worker) => {
      for (let i = worker; !done; i++) {
        const got = await answer(reads[i % reads.length]);
        expect(got).toEqual(expected[i % reads.length]);
        answered++;
      }
    });
    while (!(await rebuilt(since))) {
      sawRebuilding ||= (await statuses()).some((p) => p.status === 'rebuilding');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    done = true;
    await Promise.all(load);
    store.delayMs = 0;

    expect(sawRebuilding).toBe(true);
    expect(answered).toBeGreaterThan(50);
    expect(tableContents(t.dataDir)).toEqual(rowsBefore);
    for (const p of await statuses()) expect(p.error).toBeUndefined();
  });

  it('keeps writing into the new tables: sales made during a rebuild are in them, as a quiet rebuild would make them', async () => {
    const since = Date.now();
    store.delayMs = 50;
    await t.http.post('/v1/admin/projections/all/rebuild').set('Authorization', admin).expect(202);
    const fans = await Promise.all(Array.from({ length: 8 }, () => t.customer()));
    const orders = await Promise.all(
      fans.map(async (fan, i) => {
        const hold = await t.http.post(`/v1/shows/${general}/holds`).set('Authorization', fan.auth).send({ quantity: 2 }).expect(201);
        const order = await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', fan.auth).set('Idempotency-Key', `during-${i}`).send({ payment: { token: 'tok_visa' } }).expect(201);
        return { fan, orderId: order.body.orderId as string };
      }),
    );
    await eventually(() => rebuilt(since), 60_000);
    store.delayMs = 0;
    for (const { fan, orderId: id } of orders) {
      const order = await t.http.get(`/v1/orders/${id}`).set('Authorization', fan.auth).expect(200);
      expect(order.body.tickets).toHaveLength(2);
    }
    await eventually(async () => (await t.http.get(`/v1/shows/${general}/availability`).expect(200)).body.sold === 3 + 16);
    const afterBusyRebuild = tableContents(t.dataDir);

    const quiet = Date.now();
    await t.http.post('/v1/admin/projections/all/rebuild').set('Authorization', admin).expect(202);
    await eventually(() => rebuilt(quiet), 60_000);
    expect(tableContents(t.dataDir)).toEqual(afterBusyRebuild);
  });

  it('leaves one index per purpose on a swapped-in table, even after setup runs again', () => {
    const readDb = t.app.get(ReadDatabase);
    new SalesAuditProjection().setup(readDb.writer);
    const indexes = readDb.writer.prepare<[], { name: string }>(`SELECT name FROM pragma_index_list('sales')`).all();
    expect(indexes).toHaveLength(2);
    const leftovers = readDb.writer.prepare<[], string>(`SELECT name FROM sqlite_master WHERE name LIKE '%\\_\\_rebuild' ESCAPE '\\' OR name LIKE '%\\_\\_retired' ESCAPE '\\'`).pluck().all();
    expect(leftovers).toEqual([]);
  });
});

describe('projection loads in bulk with the store on disk', () => {
  let t: TestApp;
  let dataDir: string;
  let admin: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-bulk-'));
    t = await createTestApp({ dataDir });
    admin = `Bearer ${t.adminToken}`;
    const seated = await createSeatedShow(t, { maxTicketsPerCustomer: 6 });
    const buyer = await t.customer();
    const hold = await t.http.post(`/v1/shows/${seated}/holds`).set('Authorization', buyer.auth).send({ seatIds: ['A-1-1', 'A-1-2'] }).expect(201);
    await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', buyer.auth).set('Idempotency-Key', 'b1').send({ payment: { token: 'tok_visa' } }).expect(201);
    await t.http.post(`/v1/shows/${seated}/holds`).set('Authorization', buyer.auth).send({ seatIds: ['B-2-5'] }).expect(201);
    const log = generalAdmissionSalesLog({ holds: 6_000, ticketsPerHold: 2, shardCount: 8, releaseEvery: 10, expireEvery: 9 });
    await appendRounds(t.store, log.rounds);
    await eventually(async () => ((await t.http.get('/v1/admin/projections').set('Authorization', admin)).body as Status[]).every((p) => p.status === 'live' && p.lagEvents === 0), 60_000);
  }, 120_000);

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('rebuilds every projection of a store on disk in bulk: the same rows', async () => {
    expect(t.store).toBeInstanceOf(SqliteEventStore);
    const before = tableContents(dataDir);
    // One row per sale: about 4,800 of the 6,000 holds were bought.
    expect(before.sales.length).toBeGreaterThan(4_500);
    const since = Date.now();
    await t.http.post('/v1/admin/projections/all/rebuild').set('Authorization', admin).expect(202);
    await eventually(async () => ((await t.http.get('/v1/admin/projections').set('Authorization', admin)).body as Status[]).every((p) => p.status === 'live' && p.rebuiltAt !== undefined && Date.parse(p.rebuiltAt) >= since), 60_000);
    const statuses = (await t.http.get('/v1/admin/projections').set('Authorization', admin)).body as Status[];
    for (const p of statuses) expect(p.error).toBeUndefined();
    expect(tableContents(dataDir)).toEqual(before);
  });

  it('loads a lost read database in bulk at the next start: the same rows', async () => {
    const before = tableContents(dataDir);
    await t.close();
    for (const file of ['read.db', 'read.db-wal', 'read.db-shm']) rmSync(join(dataDir, file), { force: true });
    t = await createTestApp({ dataDir });
    const statuses = (await t.http.get('/v1/admin/projections').set('Authorization', admin).expect(200)).body as Status[];
    // The bulk load runs before the runner follows the log: every projection is at the head at once.
    expect(statuses.every((p) => p.lagEvents === 0)).toBe(true);
    expect(tableContents(dataDir)).toEqual(before);
  });
});
