/**
 * Partner analytics on a 200,000-ticket show: how fast the projection folds the sales (beside
 * the sales audit projection, the baseline, on the same events in the same run) and how long
 * one report takes to read and suppress. Prints figures; asserts nothing.
 *
 *   node -r @swc-node/register bench/analytics.ts [tickets]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@app/event-store';
import { suppressReport } from '@app/domain';
import { ReadDatabase, SalesAnalyticsProjection, SalesAnalyticsQueries, SalesAuditProjection, type Projection } from '@app/read-models';

const TICKETS = Number(process.argv[2] ?? 200_000);
const TIERS = ['standing', 'balcony', 'golden', 'vip'];
const REGIONS = ['eu-west', 'us-east', 'ap-south'];

function events(): RecordedEvent[] {
  let position = 0n;
  const make = (type: string, data: Record<string, unknown>, metadata: Record<string, unknown> = {}): RecordedEvent => ({
    id: `e${++position}`, streamId: 's', type, data, metadata, streamRevision: position, position, created: new Date(0),
  });
  const out = [
    make('CityCreated', { id: 'ams', name: 'A', country: 'NL', timeZone: 'Europe/Amsterdam' }),
    make('VenueCreated', { id: 'stadium', cityId: 'ams', name: 'S', kind: 'stadium' }),
    make('ShowScheduled', { id: 'big', eventId: 'tour', venueId: 'stadium', tiers: [{ tier: 'standing', price: 5_000, currency: 'EUR' }] }),
  ];
  const start = Date.UTC(2027, 0, 10, 9, 0);
  let sold = 0;
  for (let order = 0; sold < TICKETS; order++) {
    const size = 1 + (order % 4);
    const tier = TIERS[order % TIERS.length];
    const tickets = Array.from({ length: size }, (_, i) => ({ ticketId: `t${sold + i}`, ticketNumber: sold + i + 1, tier, price: 5_000, currency: 'EUR' }));
    sold += size;
    const customerId = `0193a0b2-7c1e-7000-8000-${String(order).padStart(12, '0')}.${REGIONS[order % 3]}`;
    // The sale spread over six hours.
    const soldAt = new Date(start + Math.floor((sold / TICKETS) * 6 * 3_600_000)).toISOString();
    out.push(make('TicketsSold', { holdId: `h${order}`, orderId: `o${order}`, customerId, soldAt, tickets }, { showId: 'big', shardId: 's0' }));
  }
  return out;
}

function fold(readDb: ReadDatabase, projection: Projection, log: RecordedEvent[]): number {
  projection.setup(readDb.writer);
  const wanted = new Set(projection.eventTypes);
  const started = process.hrtime.bigint();
  // Pages of 1,000 events per transaction, as the runner commits them.
  for (let i = 0; i < log.length; i += 1_000) {
    readDb.writer.transaction(() => {
      for (const event of log.slice(i, i + 1_000)) if (wanted.has(event.type)) projection.apply(readDb.writer, event);
    })();
  }
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const log = events();
const sales = log.length - 3;
const dir = mkdtempSync(join(tmpdir(), 'bench-analytics-'));
try {
  const readDb = ReadDatabase.open(dir);
  const audit = fold(readDb, new SalesAuditProjection(), log);
  const analytics = fold(readDb, new SalesAnalyticsProjection(), log);
  const queries = new SalesAnalyticsQueries(readDb);
  const times: number[] = [];
  let cells = 0;
  for (let i = 0; i < 200; i++) {
    const started = process.hrtime.bigint();
    const report = suppressReport(queries.counted('big'), 10);
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    cells = Object.values(report.breakdowns).reduce((n, c) => n + c.length, 0);
  }
  times.sort((a, b) => a - b);
  console.log(`${TICKETS.toLocaleString('en')} tickets in ${sales.toLocaleString('en')} sales (TicketsSold events)`);
  console.log(`sales_audit (baseline)  ${(sales / audit).toFixed(0).padStart(8)} sales/s  ${((audit / sales) * 1e6).toFixed(1)} µs/sale`);
  console.log(`sales_analytics         ${(sales / analytics).toFixed(0).padStart(8)} sales/s  ${((analytics / sales) * 1e6).toFixed(1)} µs/sale  (${(analytics / audit).toFixed(2)}× the baseline)`);
  console.log(`report of the show (${cells} cells): median ${times[100].toFixed(3)} ms, p99 ${times[198].toFixed(3)} ms over 200 reads`);
  void readDb.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
