import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export interface RunningServer {
  url: string;
  port: number;
  pid: number;
  dataDir: string;
  adminToken: string;
  /** Peak resident memory of the server process so far (VmHWM), in bytes. */
  peakRss(): number;
  /** The last lines the server wrote to stderr (for a report when it fails). */
  errorOutput(): string;
  stop(): Promise<void>;
}

const MAIN = resolve(__dirname, '../../dist/apps/api/src/main.js');
const main = (): string => process.env.BENCH_API_MAIN ?? MAIN;

/**
 * Starts the built API (`dist/`) as its own process on a free port, so the load
 * generator never shares an event loop with it. Extra environment (e.g. SEED_DEMO)
 * goes on top of the bench defaults: rate limits off, quieter logs.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<RunningServer> {
  const adminToken = `adm_bench_${Math.random().toString(36).slice(2)}${Date.now().toString(36)}`;
  // The same Node flags as `npm run start:prod`.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', ...nodeArgs, main()], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMITS: 'off', ADMIN_TOKEN: adminToken, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.once('exit', (code, signal) => {
    if (code !== 0 && signal !== 'SIGTERM') console.error(`the API (pid ${child.pid}) exited with ${signal ?? code}:\n${output.slice(-4000)}`);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 20_000) output = output.slice(-10_000);
  });
  const port = await new Promise<number>((resolvePort, reject) => {
    let seen = '';
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = /http:\/\/localhost:(\d+)\//.exec(seen);
      if (match) {
        child.stdout!.off('data', onData);
        child.stdout!.resume();
        resolvePort(Number(match[1]));
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the API exited (${code}) before listening: ${seen}${output}`)));
  });
  let peak = 0;
  const sample = (): void => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb * 1024);
    } catch {
      // Not Linux, or the process is gone: fall back to what was seen last.
    }
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid!,
    dataDir,
    adminToken,
    peakRss: () => {
      sample();
      return peak;
    },
    errorOutput: () => output,
    stop: () => stopChild(child, sample),
  };
}

function stopChild(child: ChildProcess, sample: () => void): Promise<void> {
  sample();
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((done) => {
    const killer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.once('exit', () => {
      clearTimeout(killer);
      done();
    });
    child.kill('SIGTERM');
  });
}

export function dataFile(dataDir: string, name: string): string {
  return join(dataDir, name);
}
