import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { LoadResult, LoadSpec } from './loadSpec';

export interface Progress {
  seconds: number;
  ticketsSold: number;
  orders: number;
}

/** Runs one load in a fresh load-generator process (never in the bench's own event loop). */
export async function runLoad(spec: LoadSpec, onProgress?: (progress: Progress) => void): Promise<LoadResult> {
  return (await runInterleaved([spec], 1, onProgress))[0];
}

/** Runs the loads in turn, `rounds` times over, in one load-generator process; one result per spec. */
export function runInterleaved(specs: LoadSpec[], rounds: number, onProgress?: (progress: Progress) => void): Promise<LoadResult[]> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'loadWorker.ts'), [], { execArgv: ['-r', '@swc-node/register'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    child.on('message', (message: { ok?: boolean; result?: LoadResult[]; error?: string; progress?: Progress }) => {
      if (message.progress) return onProgress?.(message.progress);
      settled = true;
      if (message.ok) resolve(message.result!);
      else reject(new Error(`load generator failed: ${message.error}`));
    });
    child.once('exit', (code) => {
      if (!settled) reject(new Error(`load generator exited (${code}) without a result`));
    });
    child.send({ specs, rounds });
  });
}
