/**
 * Projection rebuild speed: a log of holds and sales on one general-admission show
 * (allowance reservations, holds, sales, some releases and expiries) in a temporary
 * embedded store, replayed into every projection's new copy beside the live tables
 * and swapped in, as `POST /v1/admin/projections/all/rebuild` does. Beside it,
 * measured in the same run on the same log: a plain `readAll` scan in the same pages
 * that applies nothing (the baseline: what reading and decoding the log costs), and
 * the first start of the projection runner on an empty read database (which loads
 * the projections in bulk the same way before it follows the log).
 * Usage: npm run bench:rebuild [-- --events 300000] [-- --runs 3] [-- --quick]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generalAdmissionSalesLog } from '../libs/domain/src/testing/salesLog';
import { SqliteEventStore, type LogPosition } from '../libs/event-store/src';
import { appendRounds } from '../libs/event-store/src/testing/appendRounds';
import {
  CatalogProjection,
  HoldsProjection,
  ProjectionRunner,
  ReadDatabase,
  RemainingCountProjection,
  SalesAuditProjection,
  SeatAvailabilityProjection,
} from '../libs/read-models/src';
import { median } from './report/median';

const argValue = (name: string): number | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const EVENTS = argValue('events') ?? (quick ? 60_000 : 300_000);
const PAGE = 5_000;
const RUNS = argValue('runs') ?? (quick ? 1 : 3);
// Per hold: reserve, hold, then a sale (3 events) or a release/expiry plus the allowance back (4).
const HOLDS = Math.round(EVENTS / 3.2);

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;
const perSecond = (n: number, s: number): string => Math.round(n / s).toLocaleString('en-US');

async function scan(store: SqliteEventStore): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let position: LogPosition = 'start';
  let events = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: PAGE });
    if (page.length === 0) break;
    events += page.length;
    position = page[page.length - 1].position;
  }
  return { events, seconds: seconds(started) };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rebuild-'));
  try {
    // The log is throwaway: no fsync per commit while it is written.
    const store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'OFF' });
    const log = generalAdmissionSalesLog({ holds: HOLDS, ticketsPerHold: 4, shardCount: 64, releaseEvery: 10, expireEvery: 7 });
    const writing = process.hrtime.bigint();
    const { events } = await appendRounds(store, log.rounds);
    console.log(`Log: ${events.toLocaleString('en-US')} events (${HOLDS.toLocaleString('en-US')} holds, ${log.ticketsSold().toLocaleString('en-US')} tickets sold), written in ${seconds(writing).toFixed(1)} s`);

    const baseline = await scan(store);

    // Opened as the API opens it: WAL checkpoints in their own thread.
    const readDb = ReadDatabase.open(join(dir, 'data'), { backgroundCheckpoints: true });
    const projections = [new CatalogProjection(), new HoldsProjection(), new SeatAvailabilityProjection(), new RemainingCountProjection(), new SalesAuditProjection()];
    const runner = new ProjectionRunner(store, readDb, projections);
    const starting = process.hrtime.bigint();
    await runner.start();
    if (!(await runner.catchUpWithHead(600_000))) throw new Error('the live runner did not catch up');
    const firstStart = seconds(starting);

    // Several rebuilds of the same log, beside the live tables each time: the median is reported.
    const rebuilds: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const rebuilding = process.hrtime.bigint();
      await runner.rebuild(projections.map((p) => p.name));
      rebuilds.push(seconds(rebuilding));
    }
    const rebuild = median(rebuilds);
    const sales = readDb.reader.prepare('SELECT SUM(tickets) FROM sales').pluck().get() as number;
    if (sales !== log.ticketsSold()) throw new Error(`the rebuilt sales table holds ${sales} tickets, the log sold ${log.ticketsSold()}`);

    await runner.stop();
    await readDb.close();
    await store.close();

    console.log('');
    console.log(`${'run (same log, pages of 5,000 events)'.padEnd(72)}${'seconds'.padEnd(10)}events/s`);
    console.log(`${'readAll scan, nothing applied (baseline)'.padEnd(72)}${baseline.seconds.toFixed(2).padEnd(10)}${perSecond(baseline.events, baseline.seconds)}`);
    console.log(`${'first start on an empty read database (bulk load)'.padEnd(72)}${firstStart.toFixed(2).padEnd(10)}${perSecond(events, firstStart)}`);
    console.log(`${`rebuild of all 5 projections + swap${RUNS > 1 ? ` (median of ${RUNS})` : ''}`.padEnd(72)}${rebuild.toFixed(2).padEnd(10)}${perSecond(events, rebuild)}`);
    if (RUNS > 1) console.log(`  each rebuild: ${rebuilds.map((r) => `${r.toFixed(2)} s (${perSecond(events, r)}/s)`).join(', ')}`);
    console.log('');
    console.log(`rebuild vs bare scan: ${((baseline.seconds / rebuild) * 100).toFixed(1)}% of the scan rate`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
