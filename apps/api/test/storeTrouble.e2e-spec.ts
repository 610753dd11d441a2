import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, createFestival, eventually, killAll, killServer, startServer } from './support/childServer';

const ADMIN = 'trouble-test-admin-token-0123456789';

/**
 * A full disk, for real: the server's largest writable file size (RLIMIT_FSIZE) drops to
 * one byte, so every write SQLite attempts to its files fails as it would on a full disk,
 * while reads go on. Then the limit is lifted, as when space is freed.
 */
function setFileSizeLimit(pid: number, limit: 'unlimited' | number): void {
  // Only the soft limit moves; the hard one stays unlimited, so the limit can be lifted again.
  execFileSync('prlimit', ['--pid', String(pid), `--fsize=${limit}:unlimited`]);
}

function hasPrlimit(): boolean {
  try {
    execFileSync('prlimit', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const prlimitHere = hasPrlimit();
if (!prlimitHere) console.log('store trouble test skipped: prlimit (util-linux) is not installed, so a full disk cannot be simulated');
const maybe = prlimitHere ? describe : describe.skip;

maybe('event store trouble (disk full)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-full-'));
  });
  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes answer 503 with Retry-After and leave nothing half-written, reads go on with asOf, health says why, and it recovers by itself', async () => {
    const server = await startServer(dataDir, { ADMIN_TOKEN: ADMIN });
    try {
      const showId = await createFestival(server.url, ADMIN, 'full', { capacity: 1_000, shardCount: 4, holdSeconds: 600 });
      const customers = await Promise.all(Array.from({ length: 12 }, () => call(server.url, 'POST', '/v1/customers')));
      const tokens = customers.map((c) => c.body.token as string);
      const before = await call(server.url, 'POST', `/v1/shows/${showId}/holds`, { body: { quantity: 2 }, token: tokens[0] });
      expect(before.status).toBe(201);
      await eventually(async () => (await call(server.url, 'GET', `/v1/shows/${showId}/availability`)).body.held === 2);
      const logBefore = await call(server.url, 'GET', `/v1/audit/shows/${showId}/sales`, { token: ADMIN });
      const projectionsBefore = await call(server.url, 'GET', '/v1/admin/projections', { token: ADMIN });

      setFileSizeLimit(server.child.pid!, 1);
      // Holds (two appends each, across shards), a purchase, a release and a join while the disk is full.
      const writes = await Promise.all([
        ...tokens.slice(1, 9).map((token) => call(server.url, 'POST', `/v1/shows/${showId}/holds`, { body: { quantity: 3 }, token })),
        call(server.url, 'POST', `/v1/holds/${before.body.holdId}/purchase`, { body: { payment: { token: 'tok_visa' } }, token: tokens[0], headers: { 'idempotency-key': 'full-1' } }),
      ]);
      for (const answer of writes) {
        expect({ status: answer.status, error: answer.body.error }).toEqual({ status: 503, error: 'store_unavailable' });
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      }
      const health = await call(server.url, 'GET', '/health');
      expect(health.status).toBe(503);
      expect(health.body).toMatchObject({ status: 'degraded', reads: 'ok', writes: 'failing', error: expect.stringMatching(/I\/O|disk|full|write/i) });
      // Reads are served from the read models, saying how fresh they are.
      const availability = await call(server.url, 'GET', `/v1/shows/${showId}/availability`);
      expect(availability.status).toBe(200);
      expect(availability.body).toMatchObject({ held: 2, sold: 0, asOf: expect.any(String) });
      expect((await call(server.url, 'GET', `/v1/holds/${before.body.holdId}`, { token: tokens[0] })).body.status).toBe('active');

      setFileSizeLimit(server.child.pid!, 'unlimited');
      // No restart, no operator: the next writes go through and health turns ok.
      const after = await call(server.url, 'POST', `/v1/shows/${showId}/holds`, { body: { quantity: 3 }, token: tokens[9] });
      expect(after.status).toBe(201);
      const bought = await call(server.url, 'POST', `/v1/holds/${before.body.holdId}/purchase`, { body: { payment: { token: 'tok_visa' } }, token: tokens[0], headers: { 'idempotency-key': 'full-1' } });
      expect(bought.status).toBe(201);
      const healthy = await call(server.url, 'GET', '/health');
      expect({ status: healthy.status, body: healthy.body }).toMatchObject({ status: 200, body: { status: 'ok', writes: 'ok' } });

      // Nothing of the failed writes is in the log: exactly the hold from before and the one after are held, and one sale.
      await eventually(async () => {
        const a = (await call(server.url, 'GET', `/v1/shows/${showId}/availability`)).body;
        return a.held === 3 && a.sold === 2;
      }, 10_000, 'read models caught up');
      const sales = await call(server.url, 'GET', `/v1/audit/shows/${showId}/sales`, { token: ADMIN });
      expect(sales.body.items.length).toBe(logBefore.body.items.length + 2);
      expect(projectionsBefore.status).toBe(200);
    } finally {
      await killServer(server);
    }
  });
});
