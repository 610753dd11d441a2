/**
 * Worker-thread entry: loads some projections' rebuild copies in bulk from the
 * embedded store's file, beside the main thread loading the others from the same
 * log, so a rebuild uses both cores. Started by `startBulkLoadWorker`.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { SqliteLogReader } from '@app/event-store/sqlite/sqliteLogReader';
import { SalesAuditProjection } from '../inventory/projections/salesAuditProjection';
import type { Projection } from './projection';
import { shadowTables, type TableNames } from './tableNames';
import type { BulkLoadJob, BulkLoadMessage } from './bulkLoadJob';

/** The projections a worker can load: their rows depend on no other projection's. */
const FACTORIES: Record<string, (names: TableNames) => Projection> = {
  sales_audit: (names) => new SalesAuditProjection(names),
};

const PAGE = 5_000;

function run(job: BulkLoadJob, post: (message: BulkLoadMessage) => void): void {
  const reader = new SqliteLogReader(job.storeFile);
  const db = new Database(job.readDbFile);
  try {
    db.pragma('busy_timeout = 30000');
    db.pragma('synchronous = NORMAL');
    db.pragma('cache_size = -65536');
    db.pragma('temp_store = MEMORY');
    const names = shadowTables(job.generation);
    const copies = job.projections.map((name) => {
      const factory = FACTORIES[name];
      if (!factory) throw new Error(`projection ${name} cannot be loaded in a worker`);
      return factory(names);
    });
    const loaders = copies.map((copy) => copy.bulkLoader!(db));
    const types = [...new Set(copies.flatMap((copy) => copy.eventTypes))];
    const wanted = copies.map((copy) => new Set(copy.eventTypes));
    const until = BigInt(job.until);
    let after = 0n;
    for (;;) {
      const page = reader.read(after, until, types, PAGE);
      if (page.length === 0) break;
      db.transaction(() => {
        for (let i = 0; i < loaders.length; i++) {
          for (const event of page) if (wanted[i].has(event.type)) loaders[i].add(event);
          loaders[i].endPage?.();
        }
      })();
      after = page[page.length - 1].position;
      post({ kind: 'progress', position: after.toString() });
    }
    for (const loader of loaders) db.transaction(() => loader.finish())();
    for (const copy of copies) db.transaction(() => copy.setup(db))();
    post({ kind: 'done' });
  } finally {
    reader.close();
    db.close();
  }
}

if (parentPort && (workerData as { kind?: string } | undefined)?.kind === 'bulk-load') {
  const port = parentPort;
  try {
    run(workerData as BulkLoadJob, (message) => port.postMessage(message));
  } catch (error) {
    port.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) } satisfies BulkLoadMessage);
  }
}
