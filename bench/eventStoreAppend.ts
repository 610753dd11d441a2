/**
 * How fast does the embedded store take appends, and what does group commit buy?
 *
 * Three runs on fresh files with synchronous=FULL, in the same process, one after another:
 *  1. raw:        better-sqlite3 inserting the same rows in ONE transaction — the ceiling;
 *  2. grouped:    the adapter, many concurrent writers to many streams, group commit on;
 *  3. raw batched: better-sqlite3 inserting the same rows in transactions as big as the
 *                 adapter's were in run 2 — what the adapter adds on top of SQLite
 *                 committing that often;
 *  4. one-by-one: the adapter with group commit off, one append per transaction.
 * The runs alternate over several rounds; the ratios printed are medians.
 * Usage: npm run bench:store [-- --quick | --appends 50000 --streams 4000 --writers 2000 --rounds 3]
 * BENCH_VERBOSE=1 also prints every round's figures.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../libs/event-store/src/sqlite/sqliteEventStore';
import { openSchema } from '../libs/event-store/src/sqlite/sqliteSchema';
import { median } from './report/median';

const args = parseArgs(process.argv.slice(2));
const APPENDS = args.appends ?? 50_000;
const STREAMS = args.streams ?? 4_000;
const HEADLINE_WRITERS = 2_000;
const WRITER_LEVELS = args.writers ? [args.writers] : [256, 1_000, HEADLINE_WRITERS];
const ROUNDS = args.rounds ?? 3;
const ONE_BY_ONE = Math.max(200, Math.round(APPENDS / 25));

interface Row {
  stream: number;
  id: string;
  data: Record<string, unknown>;
}

/** The same rows for every run, made before any clock starts; every run serializes them to JSON itself. */
function makeRows(count: number): Row[] {
  return Array.from({ length: count }, (_, i) => ({
    stream: i % STREAMS,
    id: randomUUID(),
    data: { holdId: randomUUID(), customerId: `c-${i % 9973}`, seatIds: [`A-${i % 40}-${i % 30}`], heldAt: new Date().toISOString() },
  }));
}

/** Raw inserts of `rows`, committing every `perTransaction` rows (all in one transaction by default). */
function rawInsert(file: string, rows: Row[], perTransaction = rows.length): number {
  const db = new Database(file);
  openSchema(db, 'FULL');
  const insertStream = db.prepare('INSERT INTO streams (id, name) VALUES (?, ?)');
  const insertEvent = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, NULL, ?)');
  const revisions = new Array<number>(STREAMS).fill(-1);
  const started = process.hrtime.bigint();
  const chunk = db.transaction((from: number) => {
    if (from === 0) for (let s = 0; s < STREAMS; s++) insertStream.run(s + 1, `inventory-bench-${s}`);
    const to = Math.min(rows.length, from + perTransaction);
    for (let i = from; i < to; i++) {
      const row = rows[i];
      insertEvent.run(row.stream + 1, ++revisions[row.stream], row.id, 'SeatsHeld', JSON.stringify(row.data), Date.now());
    }
  });
  for (let from = 0; from < rows.length; from += perTransaction) chunk(from);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return rows.length / seconds;
}

async function adapterRun(file: string, groupCommit: boolean, rows: Row[], writers: number): Promise<{ rate: number; transactions: number }> {
  const store = new SqliteEventStore({ file, groupCommit });
  const revisions: Array<bigint | 'no_stream'> = Array.from({ length: STREAMS }, () => 'no_stream');
  // Writer w appends the rows of the streams congruent to w, so writers never
  // conflict: this measures throughput, not retries.
  const queues: Row[][] = Array.from({ length: writers }, () => []);
  for (const row of rows) queues[row.stream % writers].push(row);
  const started = process.hrtime.bigint();
  await Promise.all(
    queues.map(async (queue) => {
      for (const row of queue) {
        const result = await store.appendToStream(`inventory-bench-${row.stream}`, [{ id: row.id, type: 'SeatsHeld', data: row.data }], {
          expectedRevision: revisions[row.stream],
        });
        revisions[row.stream] = result.nextExpectedRevision;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const { appends, transactions } = store.stats();
  await store.close();
  return { rate: appends / seconds, transactions };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-store-'));
  try {
    console.log(`Embedded event store, synchronous=FULL: ${APPENDS} appends of one event to ${STREAMS} streams, ${ROUNDS} rounds per row`);
    const rows = makeRows(APPENDS);
    const table: string[][] = [];
    let bestGrouped = 0;
    let headline: { raw: number; ratio: number; batchedRatio: number } | undefined;
    for (const writers of WRITER_LEVELS) {
      const rounds: Array<{ raw: number; grouped: number; perTx: number; batched: number }> = [];
      // Raw and grouped alternate, each on a fresh file, so a noisy moment hits both.
      for (let r = 0; r < ROUNDS; r++) {
        const raw = rawInsert(join(dir, `raw-${writers}-${r}.db`), rows);
        const grouped = await adapterRun(join(dir, `grouped-${writers}-${r}.db`), true, rows, writers);
        const perTx = APPENDS / grouped.transactions;
        const batched = rawInsert(join(dir, `batched-${writers}-${r}.db`), rows, Math.max(1, Math.round(perTx)));
        rounds.push({ raw, grouped: grouped.rate, perTx, batched });
        if (process.env.BENCH_VERBOSE) console.log(`  round ${r + 1}: raw ${raw.toFixed(0)}, adapter ${grouped.rate.toFixed(0)}, raw batched ${batched.toFixed(0)}`);
      }
      const raw = median(rounds.map((r) => r.raw));
      const grouped = median(rounds.map((r) => r.grouped));
      const ratio = median(rounds.map((r) => r.grouped / r.raw));
      const batchedRatio = median(rounds.map((r) => r.grouped / r.batched));
      bestGrouped = Math.max(bestGrouped, grouped);
      if (writers === HEADLINE_WRITERS) headline = { raw, ratio, batchedRatio };
      table.push([
        `${writers}`,
        raw.toFixed(0),
        grouped.toFixed(0),
        median(rounds.map((r) => r.perTx)).toFixed(0),
        `${(ratio * 100).toFixed(1)}%`,
        median(rounds.map((r) => r.batched)).toFixed(0),
        `${(batchedRatio * 100).toFixed(1)}%`,
      ]);
    }
    const single = await adapterRun(join(dir, 'single.db'), false, rows.slice(0, ONE_BY_ONE), 1);
    console.log('');
    const header = ['writers', 'raw rows/s (1 tx)', 'adapter appends/s', 'appends/tx', 'adapter vs raw', 'raw, same tx size', 'adapter vs that'];
    console.log(header.map((h, i) => h.padEnd(i === 0 ? 9 : 20)).join(''));
    for (const row of table) console.log(row.map((c, i) => c.padEnd(i === 0 ? 9 : 20)).join(''));
    console.log('');
    console.log(`one append per transaction (group commit off, 1 writer): ${single.rate.toFixed(0)} appends/s`);
    console.log(`group commit is ${(bestGrouped / single.rate).toFixed(1)}x faster than one append per transaction`);
    if (headline) {
      console.log(`headline (${HEADLINE_WRITERS} writers, an on-sale's concurrency): adapter at ${(headline.ratio * 100).toFixed(1)}% of raw inserts in one transaction,`);
      console.log(`  ${(headline.batchedRatio * 100).toFixed(1)}% of raw inserts committed in transactions of the adapter's size`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function parseArgs(argv: string[]): Partial<Record<'appends' | 'streams' | 'writers' | 'rounds', number>> {
  const out: Partial<Record<'appends' | 'streams' | 'writers' | 'rounds', number>> = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '') as 'appends' | 'streams' | 'writers' | 'rounds';
    if (argv[i] === '--quick') Object.assign(out, { appends: 10_000, rounds: 1 });
    else if (['appends', 'streams', 'writers', 'rounds'].includes(key)) out[key] = Number(argv[++i]);
  }
  return out;
}

void main();
