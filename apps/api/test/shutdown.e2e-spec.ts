import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { call, createFestival, killAll, killServer, startServer, eventually, type ChildServer } from './support/childServer';

describe('SIGTERM', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-term-'));
  });
  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops taking requests, finishes the writes in flight, checkpoints the read models and exits 0; no secret reaches the log', async () => {
    // No ADMIN_TOKEN: the server generates one and must not print it.
    let server: ChildServer = await startServer(dataDir, { LOG_LEVEL: 'debug' });
    const adminToken = readFileSync(join(dataDir, 'admin-token'), 'utf8').trim();
    const showId = await createFestival(server.url, adminToken, 'term', { capacity: 100_000, shardCount: 8, holdSeconds: 600 });
    const customers = await Promise.all(Array.from({ length: 30 }, () => call(server.url, 'POST', '/v1/customers')));
    const tokens = customers.map((c) => c.body.token as string);

    const acknowledged: Array<{ holdId: string; token: string; ticketNumbers: number[] }> = [];
    const outcomes = new Map<string, number>();
    const note = (what: string) => outcomes.set(what, (outcomes.get(what) ?? 0) + 1);
    let stop = false;
    const clients = tokens.map(async (token) => {
      for (let i = 0; i < 10 && !stop; i++) {
        try {
          const r = await call(server.url, 'POST', `/v1/shows/${showId}/holds`, { body: { quantity: 1 }, token });
          note(`${r.status}${r.body?.error ? ` ${r.body.error}` : ''}`);
          if (r.status === 201) acknowledged.push({ holdId: r.body.holdId, token, ticketNumbers: r.body.ticketNumbers });
          else stop = true;
        } catch (error) {
          note(`network ${(error as { cause?: { code?: string } }).cause?.code ?? 'error'}`);
          stop = true;
        }
      }
    });
    await eventually(async () => acknowledged.length >= 20, 20_000, '20 holds acknowledged');
    server.child.kill('SIGTERM');
    await Promise.all(clients);
    expect(await server.exited).toBe(0);
    const log = server.output();
    expect(log).toMatch(/SIGTERM: refusing new requests/);
    const stopped = /Stopped: (\d+) writes finished, projections at (\d+) of (\d+)/.exec(log);
    expect(stopped).not.toBeNull();
    // Every answer was a success, a polite refusal, or a connection the stopped server no longer took.
    for (const what of outcomes.keys()) expect(what).toMatch(/^(201|503 shutting_down|network (ECONNREFUSED|UND_ERR_SOCKET|ECONNRESET))$/);

    // The read models were brought to the log's head and their checkpoints saved before the exit.
    const events = new Database(join(dataDir, 'events.db'), { readonly: true });
    const head = (events.prepare('SELECT MAX(position) AS head FROM events').get() as { head: number }).head;
    events.close();
    const read = new Database(join(dataDir, 'read.db'), { readonly: true });
    const checkpoints = read.prepare('SELECT name, position FROM projection_checkpoints').all() as Array<{ name: string; position: number }>;
    read.close();
    expect(checkpoints.length).toBeGreaterThan(0);
    for (const checkpoint of checkpoints) expect({ name: checkpoint.name, position: checkpoint.position }).toEqual({ name: checkpoint.name, position: head });
    expect(stopped![2]).toBe(String(head));

    server = await startServer(dataDir, { LOG_LEVEL: 'debug' });
    try {
      for (const hold of acknowledged) {
        const view = await call(server.url, 'GET', `/v1/holds/${hold.holdId}`, { token: hold.token });
        expect({ status: view.status, ticketNumbers: view.body.ticketNumbers }).toEqual({ status: 200, ticketNumbers: hold.ticketNumbers });
      }
      // A bad token and a failed card on the way, then: nothing secret in anything printed.
      await call(server.url, 'GET', '/v1/admin/projections', { token: `${adminToken}x` });
      const hold = acknowledged[0];
      await call(server.url, 'POST', `/v1/holds/${hold.holdId}/purchase`, { body: { payment: { token: 'tok_secret_card_4242' } }, token: hold.token });
      const secret = readFileSync(join(dataDir, 'token-secret'), 'utf8').trim();
      const everything = log + server.output();
      for (const value of [adminToken, secret, 'tok_secret_card_4242', ...tokens]) expect(everything.includes(value)).toBe(false);
      expect(everything).toMatch(/admin-token/);
    } finally {
      await killServer(server);
    }
  });
});
