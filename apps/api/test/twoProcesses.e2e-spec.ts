import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import type { SeatsHeld } from '@app/domain';
import { createTestApp, type TestApp } from './testApp';
import { createSeatedShow, eventually } from './inventoryFixtures';

describe('two API instances on one event store', () => {
  let dirs: string[];
  let a: TestApp;
  let b: TestApp;
  beforeAll(async () => {
    dirs = [mkdtempSync(join(tmpdir(), 'two-a-')), mkdtempSync(join(tmpdir(), 'two-b-'))];
    const shared = join(dirs[0], 'events.db');
    // Each instance has its own connection to the shared file (as two processes would) and its own read database.
    a = await createTestApp({ dataDir: dirs[0], store: new SqliteEventStore({ file: shared, foreignWritePollMs: 20 }) });
    b = await createTestApp({ dataDir: dirs[1], store: new SqliteEventStore({ file: shared, foreignWritePollMs: 20 }) });
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('never holds a seat twice when both take holds for the same seats at once', async () => {
    const showId = await createSeatedShow(a);
    const seats = Array.from({ length: 20 }, (_, n) => `B-${1 + Math.floor(n / 10)}-${(n % 10) + 1}`);
    const customers = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).customer()));
    const results = await Promise.all(
      customers.map((c, i) => (i % 2 ? a : b).http.post(`/v1/shows/${showId}/holds`).set('Authorization', c.auth).send({ seatIds: [seats[i % 20]] })),
    );
    const won = results.filter((r) => r.status === 201);
    expect(won).toHaveLength(20);
    expect(results.filter((r) => r.status === 409)).toHaveLength(180);
    const held = (await a.store.readAll())
      .filter((e) => e.type === 'SeatsHeld')
      .flatMap((e) => (e.data as SeatsHeld['data']).seatIds ?? []);
    expect(held.sort()).toEqual([...seats].sort());
  });

  it('a staff token issued through one instance works on the other, and a revocation through one stops it on the other too', async () => {
    const gate = await a.staff('auditor', { organisationId: 'two-org' });
    await b.http.get('/v1/admin/me').set('Authorization', gate.auth).expect(200);
    await a.http.delete(`/v1/admin/organisations/two-org/users/${gate.userId}/tokens/${gate.tokenId}`).set('Authorization', `Bearer ${a.adminToken}`).expect(204);
    await a.http.get('/v1/admin/me').set('Authorization', gate.auth).expect(401);
    // b trusts its copy of the organisation for at most ACCOUNTS_FRESH_MS before it looks at the stream again.
    await eventually(async () => (await b.http.get('/v1/admin/me').set('Authorization', gate.auth)).status === 401);
  });
});
