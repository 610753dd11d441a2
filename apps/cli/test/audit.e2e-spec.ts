import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TicketsSold } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { createTestApp, type TestApp } from '../../api/test/testApp';
import { createGeneralShow, createSeatedShow, eventually } from '../../api/test/inventoryFixtures';
import { SaleAuditor } from '../src/audit/saleAuditor';

const ROOT = join(__dirname, '..', '..', '..');

/** The CLI as an operator runs it: a child process on the data directory, no build. */
function cli(dataDir: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', 'apps/cli/src/main.ts', ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, EVENT_STORE: 'embedded', ADMIN_TOKEN: '' }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function auditOf(events: RecordedEvent[], showId?: string) {
  const auditor = new SaleAuditor({ showId });
  for (const event of events) auditor.add(event);
  return auditor.report();
}

describe('audit: the sold-ticket log after a race', () => {
  let t: TestApp;
  let dataDir: string;
  let seated: string;
  let general: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-audit-'));
    t = await createTestApp({ dataDir });
    seated = await createSeatedShow(t, { maxTicketsPerCustomer: 4 });
    general = await createGeneralShow(t, 1_000, 4);
    // 200 customers race for 20 seats; every winner buys.
    const seats = [1, 2].flatMap((row) => Array.from({ length: 10 }, (_, n) => `A-${row}-${n + 1}`));
    const customers = await Promise.all(Array.from({ length: 200 }, () => t.customer()));
    const attempts = await Promise.all(customers.map((c, i) => t.http.post(`/v1/shows/${seated}/holds`).set('Authorization', c.auth).send({ seatIds: [seats[i % 20]] })));
    const winners = attempts.map((r, i) => ({ r, c: customers[i] })).filter(({ r }) => r.status === 201);
    expect(winners).toHaveLength(20);
    // And a quick general-admission sale: 10 customers, 3 tickets each, at once.
    const fans = customers.slice(0, 10);
    const gaHolds = await Promise.all(fans.map((c) => t.http.post(`/v1/shows/${general}/holds`).set('Authorization', c.auth).send({ quantity: 3 })));
    const purchases = await Promise.all([
      ...winners.map(({ r, c }) => t.http.post(`/v1/holds/${r.body.holdId}/purchase`).set('Authorization', c.auth).set('Idempotency-Key', `k-${r.body.holdId}`).send({ payment: { token: 'tok_visa' } })),
      ...gaHolds.map((r, i) => t.http.post(`/v1/holds/${r.body.holdId}/purchase`).set('Authorization', fans[i].auth).set('Idempotency-Key', `k-${r.body.holdId}`).send({ payment: { token: 'tok_visa' } })),
    ]);
    expect(purchases.every((p) => p.status === 201)).toBe(true);
    await eventually(async () => (await t.http.get(`/v1/shows/${general}/availability`)).body.sold === 30);
  });

  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('verifies: every seat and number sold once, from live holds of the buyers', async () => {
    const report = auditOf(await t.store.readAll());
    expect(report).toMatchObject({ ok: true, ticketsSold: 50, violationCount: 0 });
    expect(report.shows.find((s) => s.showId === seated)).toMatchObject({ tickets: 20, customers: 20, maxTicketsPerCustomer: 4 });
  });

  it('passes end to end through the CLI, comparing the read models too', async () => {
    const run = await cli(dataDir, 'audit', 'verify');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tickets sold\s+50/);
    expect(run.stdout).toContain('read models      sales and remaining_counts compared');
    expect(run.stdout).toContain('OK:');
  });

  it('exports who bought which ticket when, as CSV and as NDJSON, the same as the audit API', async () => {
    const api = await t.http.get(`/v1/audit/shows/${seated}/sales?limit=1000`).set('Authorization', `Bearer ${t.adminToken}`).expect(200);
    const csv = await cli(dataDir, 'audit', 'export', '--show', seated, '--format', 'csv');
    expect(csv.code).toBe(0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    expect(header).toBe('ticketId,showId,seatId,ticketNumber,tier,price,currency,customerId,orderId,soldAt');
    expect(rows).toHaveLength(20);
    const byTicket = new Map(api.body.items.map((s: { ticketId: string }) => [s.ticketId, s]));
    for (const row of rows) {
      const [ticketId, showId, seatId, ticketNumber, tier, price, currency, customerId, orderId, soldAt] = row.split(',');
      expect(byTicket.get(ticketId)).toMatchObject({ seatId, tier, price: Number(price), customerId, orderId, soldAt });
      expect([showId, ticketNumber, currency]).toEqual([seated, '', 'EUR']);
      expect(soldAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }

    const out = join(dataDir, 'general.ndjson');
    const ndjson = await cli(dataDir, 'audit', 'export', '--show', general, '--format', 'ndjson', '--out', out);
    expect(ndjson.code).toBe(0);
    expect(ndjson.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines).toHaveLength(30);
    expect(new Set(lines.map((l) => l.ticketNumber)).size).toBe(30);
    expect(lines[0]).toEqual({
      ticketId: expect.any(String),
      showId: general,
      seatId: null,
      ticketNumber: expect.any(Number),
      tier: 'regular',
      price: 12000,
      currency: 'EUR',
      customerId: expect.any(String),
      orderId: expect.any(String),
      soldAt: expect.stringMatching(/Z$/),
    });
  });

  it('fails, naming the ticket, once a forged double sale is in the log', async () => {
    const events = await t.store.readAll();
    const original = events.find((e) => e.type === 'TicketsSold' && (e.metadata as { showId?: string }).showId === seated)! as RecordedEvent<'TicketsSold', TicketsSold['data']>;
    const [last] = await t.store.readStream(original.streamId, { direction: 'backwards', maxCount: 1 });
    const forged: TicketsSold = {
      type: 'TicketsSold',
      data: { ...original.data, orderId: 'forged-order', tickets: original.data.tickets.map((ticket) => ({ ...ticket, ticketId: 'forged-ticket-0001' })) },
    };
    await t.store.appendToStream(original.streamId, [{ ...forged, metadata: original.metadata }], { expectedRevision: last.streamRevision });
    const seatId = original.data.tickets[0].seatId;

    const report = auditOf(await t.store.readAll(), seated);
    expect(report.ok).toBe(false);
    expect(report.violations).toContainEqual(expect.objectContaining({ kind: 'seat_sold_twice', ticketId: 'forged-ticket-0001', seatId }));

    const run = await cli(dataDir, 'audit', 'verify', '--show', seated);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('VIOLATIONS');
    expect(run.stdout).toContain(`seat ${seatId} of show ${seated} sold twice: again as ticket forged-ticket-0001`);
  });
});
