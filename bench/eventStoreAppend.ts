/**
 * How fast does the embedded store take appends, and what does group commit buy?
 *
 * Three runs on fresh files with synchronous=FULL, in the same process, one after another:
 *  1. raw:        better-sqlite3 inserting the same rows in ONE transaction — the ceiling;
 *  2. grouped:    the adapter, many concurrent writers to many streams, group commit on;
 *  3. one-by-one: the adapter with group commit off, one append per transaction.
 * Usage: npm run bench:store [-- --appends 50000 --streams 1000 --writers 256]
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '../libs/event-store/src/sqlite/sqliteEventStore';
import { openSchema } from '../libs/event-store/src/sqlite/sqliteSchema';

const args = parseArgs(process.argv.slice(2));
const APPENDS = args.appends ?? 50_000;
const STREAMS = args.streams ?? 1_000;
const WRITERS = args.writers ?? 256;
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

function rawInsert(dir: string, rows: Row[]): number {
  const db = new Database(join(dir, 'raw.db'));
  openSchema(db, 'FULL');
  const insertStream = db.prepare('INSERT INTO streams (id, name) VALUES (?, ?)');
  const insertEvent = db.prepare('INSERT INTO events (stream, revision, id, type, data, metadata, created) VALUES (?, ?, ?, ?, ?, NULL, ?)');
  const revisions = new Array<number>(STREAMS).fill(-1);
  const started = process.hrtime.bigint();
  db.transaction(() => {
    for (let s = 0; s < STREAMS; s++) insertStream.run(s + 1, `inventory-bench-${s}`);
    for (const row of rows) insertEvent.run(row.stream + 1, ++revisions[row.stream], row.id, 'SeatsHeld', JSON.stringify(row.data), Date.now());
  })();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  db.close();
  return rows.length / seconds;
}

async function adapterRun(dir: string, name: string, groupCommit: boolean, rows: Row[], writers: number): Promise<{ rate: number; transactions: number }> {
  const store = new SqliteEventStore({ file: join(dir, `${name}.db`), groupCommit });
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
    console.log(`Embedded event store, synchronous=FULL: ${APPENDS} appends, ${STREAMS} streams, ${WRITERS} concurrent writers`);
    const rows = makeRows(APPENDS);
    const raw = rawInsert(dir, rows);
    const grouped = await adapterRun(dir, 'grouped', true, rows, WRITERS);
    const single = await adapterRun(dir, 'single', false, rows.slice(0, ONE_BY_ONE), 1);
    const table = [
      ['raw inserts, one transaction (baseline)', raw, '-', 1],
      ['adapter, concurrent, group commit', grouped.rate, `${(APPENDS / grouped.transactions).toFixed(0)} appends/tx`, grouped.rate / raw],
      ['adapter, one append per transaction', single.rate, '1 append/tx', single.rate / raw],
    ] as const;
    console.log('');
    console.log(pad('run', 44) + pad('appends/s', 12) + pad('batching', 20) + 'vs raw');
    for (const [name, rate, batching, ratio] of table) console.log(pad(name, 44) + pad(rate.toFixed(0), 12) + pad(String(batching), 20) + `${(ratio * 100).toFixed(1)}%`);
    console.log('');
    console.log(`group commit is ${(grouped.rate / single.rate).toFixed(1)}x faster than one append per transaction`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function pad(text: string, width: number): string {
  return text.padEnd(width);
}

function parseArgs(argv: string[]): Partial<Record<'appends' | 'streams' | 'writers', number>> {
  const out: Partial<Record<'appends' | 'streams' | 'writers', number>> = {};
  for (let i = 0; i < argv.length; i++) {
    const key = argv[i].replace(/^--/, '') as 'appends' | 'streams' | 'writers';
    if (argv[i] === '--quick') out.appends = 10_000;
    else if (['appends', 'streams', 'writers'].includes(key)) out[key] = Number(argv[++i]);
  }
  return out;
}

void main();
