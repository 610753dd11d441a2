import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** Projections a rebuild may load in a worker thread (see `bulkLoadWorker.ts`). */
export const LOADABLE_IN_WORKER: ReadonlySet<string> = new Set(['sales_audit']);

export interface BulkLoadJob {
  kind: 'bulk-load';
  /** The embedded event store's file, read on a connection of the worker's own. */
  storeFile: string;
  /** The read database, where the copies' tables already exist (empty). */
  readDbFile: string;
  /** The rebuild's generation: which copy tables to fill. */
  generation: string;
  projections: string[];
  /** Load events up to this log position (decimal), no further. */
  until: string;
}

export type BulkLoadMessage = { kind: 'progress'; position: string } | { kind: 'done' } | { kind: 'failed'; message: string };

export interface BulkLoadWorker {
  /** Resolves once the copies hold every event up to `until`, with their indexes. */
  readonly done: Promise<void>;
  /** Stops the worker (a rebuild that gives up); its copies are then half-built. */
  stop(): Promise<void>;
}

export function startBulkLoadWorker(job: Omit<BulkLoadJob, 'kind'>, onProgress: (position: bigint) => void): BulkLoadWorker {
  // Compiled, the worker is a .js file beside this one; from the sources (tests, scripts) it is TypeScript.
  const typescript = extname(__filename) === '.ts';
  const worker = new Worker(join(__dirname, `bulkLoadWorker${extname(__filename)}`), {
    workerData: { ...job, kind: 'bulk-load' } satisfies BulkLoadJob,
    execArgv: typescript ? ['-r', '@swc-node/register'] : [],
  });
  let settled = false;
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', (message: BulkLoadMessage) => {
      if (message.kind === 'progress') onProgress(BigInt(message.position));
      else if (message.kind === 'done') {
        settled = true;
        resolve();
      } else {
        settled = true;
        reject(new Error(`the bulk load worker failed: ${message.message}`));
      }
    });
    worker.on('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the bulk load worker exited (code ${code}) before it was done`));
    });
  });
  done.catch(() => undefined);
  return {
    done: done.then(() => worker.terminate()).then(() => undefined),
    stop: async () => {
      await worker.terminate();
    },
  };
}
