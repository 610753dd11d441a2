import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fetchAnswer } from '../../../../lab/load/http';
import { checkRemoteAnswer } from './contractWatch';

export const ROOT = join(__dirname, '..', '..', '..', '..');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();

/** Where a server runs when not on this host's loopback: inside a network namespace, reached at `address`. */
export interface ServerPlace {
  netns: string;
  address: string;
}

/** The real API as a child process on the embedded store in `dataDir`, so it can be signalled and killed. */
export function startServer(dataDir: string, env: Record<string, string> = {}, place?: ServerPlace): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const node = [process.execPath, '-r', '@swc-node/register', 'apps/api/src/main.ts'];
    // `ip netns exec` replaces itself with node: the child's pid is the server's.
    const command = place ? ['ip', 'netns', 'exec', place.netns, ...node] : node;
    const child = spawn(command[0], command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', HOST: place ? '0.0.0.0' : '127.0.0.1', SEED_DEMO: 'false', LOG_LEVEL: 'error', RATE_LIMITS: 'off', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running.add(child);
    let output = '';
    let started = false;
    const exited = new Promise<number | null>((done) => child.on('exit', (code) => {
      running.delete(child);
      done(code);
    }));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Ticketing API on (http:\/\/localhost:\d+)\//.exec(output);
      if (match && !started) {
        started = true;
        resolve({ child, url: match[1].replace('localhost', place?.address ?? '127.0.0.1'), output: () => output, exited });
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      if (!started) reject(new Error(`server exited (${String(code)}) before listening: ${output}`));
    });
  });
}

export async function killServer(server: ChildServer): Promise<void> {
  server.child.kill('SIGKILL');
  await server.exited;
}

/** Kills whatever a test left running. */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

export interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

export async function call(url: string, method: string, path: string, options: { body?: unknown; token?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  const { status, headers, text, body } = await fetchAnswer(url, method, path, { ...options, timeoutMs: 30_000 });
  await checkRemoteAnswer(url, { method, url: path, status, headers: Object.fromEntries(headers), text });
  return { status, headers, body };
}

export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} not met before the deadline`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A city, venue, performer and event, then a general-admission show; answers the show id. */
export async function createFestival(url: string, adminToken: string, prefix: string, show: Record<string, unknown>): Promise<string> {
  const admin = async (path: string, body: unknown) => {
    const answer = await call(url, 'POST', path, { body, token: adminToken });
    if (answer.status !== 201) throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    return answer.body as { id: string };
  };
  await admin('/v1/admin/cities', { id: `${prefix}-city`, name: `${prefix} City`, country: 'NL', timeZone: 'Europe/Amsterdam' });
  await admin('/v1/admin/venues', { id: `${prefix}-field`, cityId: `${prefix}-city`, name: 'Field', kind: 'festival' });
  await admin('/v1/admin/performers', { id: `${prefix}-band`, name: 'Band' });
  await admin('/v1/admin/events', { id: `${prefix}-event`, name: `${prefix} Fest`, description: 'x', category: 'festival', performerId: `${prefix}-band` });
  const created = await admin('/v1/admin/shows', {
    id: `${prefix}-show`, eventId: `${prefix}-event`, venueId: `${prefix}-field`, startsAt: '2027-07-01T12:00:00.000Z', kind: 'general',
    tiers: [{ tier: 'regular', price: 5000, currency: 'EUR' }], ...show,
  });
  return created.id;
}
