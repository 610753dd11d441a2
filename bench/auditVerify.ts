/**
 * `audit verify` on a big log: one general-admission show with a million sold tickets
 * (holds of 10, some released or expired) in a temporary embedded store, replayed
 * page by page through the SaleAuditor. Beside it, measured in the same run on the
 * same log: a plain `readAll` scan in the same pages that checks nothing.
 * Usage: npm run bench:audit [-- --tickets 1000000] [-- --quick] [-- --keep DIR]
 *   --keep DIR writes the store to DIR/events.db and leaves it there, so the CLI can
 *   be timed on it: DATA_DIR=DIR npm run cli -- audit verify
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generalAdmissionSalesLog } from '../libs/domain/src/testing/salesLog';
import { SqliteEventStore } from '../libs/event-store/src';
import { appendRounds } from '../libs/event-store/src/testing/appendRounds';
import { SaleAuditor } from '../apps/cli/src/audit/saleAuditor';
import { logPages } from '../apps/cli/src/eventLog/logPages';

const argValue = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const quick = process.argv.includes('--quick');
const TICKETS = Number(argValue('tickets') ?? (quick ? 100_000 : 1_000_000));
const keep = argValue('keep');
const PER_HOLD = 10;
// One hold in 20 is released and one in 30 expires: those sell nothing.
const HOLDS = Math.ceil(TICKETS / PER_HOLD / (1 - 1 / 20 - 1 / 30));

const seconds = (since: bigint): number => Number(process.hrtime.bigint() - since) / 1e9;

async function main(): Promise<void> {
  const dir = keep ? resolve(keep) : mkdtempSync(join(tmpdir(), 'bench-audit-'));
  mkdirSync(dir, { recursive: true });
  try {
    const store = new SqliteEventStore({ file: join(dir, 'events.db'), synchronous: 'OFF' });
    const log = generalAdmissionSalesLog({ showId: 'bench-festival', holds: HOLDS, ticketsPerHold: PER_HOLD, shardCount: 64, releaseEvery: 20, expireEvery: 30 });
    const writing = process.hrtime.bigint();
    const { events } = await appendRounds(store, log.rounds);
    console.log(`Log: ${events.toLocaleString('en-US')} events, ${HOLDS.toLocaleString('en-US')} holds, ${log.ticketsSold().toLocaleString('en-US')} tickets sold (written in ${seconds(writing).toFixed(1)} s)`);

    const scanning = process.hrtime.bigint();
    let scanned = 0;
    for await (const page of logPages(store)) scanned += page.length;
    const scan = seconds(scanning);

    const auditing = process.hrtime.bigint();
    const auditor = new SaleAuditor();
    for await (const page of logPages(store)) for (const event of page) auditor.add(event);
    const report = auditor.report();
    const audit = seconds(auditing);
    await store.close();
    if (!report.ok || report.ticketsSold !== log.ticketsSold()) throw new Error(`unexpected report: ${JSON.stringify(report).slice(0, 500)}`);

    console.log('');
    console.log(`${'run (same log, pages of 5,000 events)'.padEnd(48)}${'seconds'.padEnd(10)}events/s`);
    console.log(`${'readAll scan, nothing checked (baseline)'.padEnd(48)}${scan.toFixed(2).padEnd(10)}${Math.round(scanned / scan).toLocaleString('en-US')}`);
    console.log(`${'SaleAuditor over the same pages'.padEnd(48)}${audit.toFixed(2).padEnd(10)}${Math.round(scanned / audit).toLocaleString('en-US')}`);
    console.log('');
    console.log(`audit vs bare scan: ${((scan / audit) * 100).toFixed(1)}% of the scan rate; ${report.ticketsSold.toLocaleString('en-US')} tickets verified`);
    if (keep) console.log(`\nkept: DATA_DIR=${dir} npm run cli -- audit verify`);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

void main();
