import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const ADMIN = 'kill-test-admin-token-0123456789';

interface Server {
  child: ChildProcess;
  url: string;
}

const running = new Set<ChildProcess>();

/** The real API as a child process on the embedded store, so it can be SIGKILLed. */
function startServer(dataDir: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/api/src/main.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', ADMIN_TOKEN: ADMIN, SEED_DEMO: 'false', LOG_LEVEL: 'error' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Ticketing API on (http:\/\/localhost:\d+)\//.exec(output);
      if (match) resolve({ child, url: match[1].replace('localhost', '127.0.0.1') });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${String(code)}): ${output}`)));
  });
}

function kill(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.child.removeAllListeners('exit');
    server.child.on('exit', () => resolve());
    server.child.kill('SIGKILL');
  });
}

async function call(server: Server, method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('SIGKILL of the API process', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-kill-'));
  });
  afterAll(() => {
    // Whatever happened in the test, no server outlives it.
    for (const child of running) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged hold or sale, and expiries resume after the restart', async () => {
    let server = await startServer(dataDir);
    const admin = (path: string, body: unknown) => call(server, 'POST', path, body, ADMIN);
    await admin('/v1/admin/cities', { id: 'kill-city', name: 'Kill City', country: 'NL', timeZone: 'Europe/Amsterdam' });
    await admin('/v1/admin/venues', { id: 'kill-field', cityId: 'kill-city', name: 'Field', kind: 'festival' });
    await admin('/v1/admin/performers', { id: 'kill-band', name: 'Band' });
    await admin('/v1/admin/events', { id: 'kill-event', name: 'Kill Fest', description: 'x', category: 'festival', performerId: 'kill-band' });
    const show = await admin('/v1/admin/shows', {
      id: 'kill-show', eventId: 'kill-event', venueId: 'kill-field', startsAt: '2027-07-01T12:00:00.000Z', kind: 'general',
      capacity: 10_000, shardCount: 8, holdSeconds: 3, tiers: [{ tier: 'regular', price: 5000, currency: 'EUR' }],
    });
    expect(show.status).toBe(201);

    const customers = await Promise.all(Array.from({ length: 40 }, () => call(server, 'POST', '/v1/customers')));
    const tokens = customers.map((c) => c.body.token as string);
    const sold = await call(server, 'POST', '/v1/shows/kill-show/holds', { quantity: 2 }, tokens[0]);
    const order = await call(server, 'POST', `/v1/holds/${sold.body.holdId}/purchase`, { payment: { token: 'tok_visa' } }, tokens[0]);
    expect(order.status).toBe(201);

    // A burst of holds; the process is killed while they are in flight. Only the 201s count.
    const acknowledged: Array<{ holdId: string; token: string; ticketNumbers: number[] }> = [];
    const burst = tokens.slice(1).map(async (token) => {
      const r = await call(server, 'POST', '/v1/shows/kill-show/holds', { quantity: 3 }, token).catch(() => undefined);
      if (r?.status === 201) acknowledged.push({ holdId: r.body.holdId, token, ticketNumbers: r.body.ticketNumbers });
    });
    await eventually(async () => acknowledged.length >= 5, 10_000);
    await kill(server);
    await Promise.all(burst);

    server = await startServer(dataDir);
    try {
      const again = await call(server, 'GET', `/v1/orders/${order.body.orderId}`, undefined, tokens[0]);
      expect(again.status).toBe(200);
      expect(again.body.tickets).toHaveLength(2);
      for (const hold of acknowledged) {
        const view = await call(server, 'GET', `/v1/holds/${hold.holdId}`, undefined, hold.token);
        expect(view.status).toBe(200);
        expect(view.body.ticketNumbers).toEqual(hold.ticketNumbers);
      }
      // The holds made before the kill run out after the restart: the new process's worker expires them.
      await eventually(async () => {
        const views = await Promise.all(acknowledged.map((h) => call(server, 'GET', `/v1/holds/${h.holdId}`, undefined, h.token)));
        return views.every((v) => v.body.status === 'expired');
      });
      await eventually(async () => (await call(server, 'GET', '/v1/shows/kill-show/availability')).body.held === 0);
      const availability = await call(server, 'GET', '/v1/shows/kill-show/availability');
      expect(availability.body).toMatchObject({ sold: 2, held: 0, available: 9_998 });
      const sales = await call(server, 'GET', '/v1/audit/shows/kill-show/sales', undefined, ADMIN);
      expect(sales.body.items).toHaveLength(2);
    } finally {
      await kill(server);
    }
  });
});
