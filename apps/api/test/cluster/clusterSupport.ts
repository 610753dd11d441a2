import { spawn } from 'node:child_process';
import { ROOT, call } from '../support/childServer';
import type { LocalEtcdCluster } from '@app/event-store/etcd/testing/localEtcdCluster';
import type { AckedHold, AckedOrder } from './buyers';

export const ADMIN = 'cluster-test-admin-token-0123456789';

/** The API's settings for a store on this cluster (the prefix keeps each test's log apart). */
export function etcdEnv(endpoints: readonly string[], prefix: string): Record<string, string> {
  return { EVENT_STORE: 'etcd', ETCD_ENDPOINTS: endpoints.join(','), ETCD_PREFIX: `${prefix}/`, ADMIN_TOKEN: ADMIN, RATE_LIMITS: 'off' };
}

export interface AuditResult {
  ok: boolean;
  ticketsSold: number;
  holds: number;
  transfers: number;
  violations: Array<{ kind: string; message: string }>;
  readModels: string;
  exitCode: number | null;
}

/** `npm run cli -- audit verify --json` as an auditor runs it, against the same store and read models as the API. */
export function auditVerify(env: Record<string, string>, dataDir: string, extraArgs: string[] = [], netns?: string): Promise<AuditResult> {
  const node = [process.execPath, '-r', '@swc-node/register', 'apps/cli/src/main.ts', 'audit', 'verify', '--json', ...extraArgs];
  const command = netns ? ['ip', 'netns', 'exec', netns, ...node] : node;
  return new Promise((resolve, reject) => {
    const child = spawn(command[0], command.slice(1), { cwd: ROOT, env: { ...process.env, ...env, DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => {
      const start = out.indexOf('{');
      if (start < 0) return reject(new Error(`audit verify printed no report (exit ${code}): ${out}${err}`));
      resolve({ ...(JSON.parse(out.slice(start)) as Omit<AuditResult, 'exitCode'>), exitCode: code });
    });
  });
}

/** What of the acknowledged writes the API no longer answers as it did: each one a line. */
export async function missingAcknowledged(url: string, holds: readonly AckedHold[], orders: readonly AckedOrder[]): Promise<string[]> {
  const missing: string[] = [];
  const bought = new Set(orders.map((o) => o.holdId));
  const checks: Array<() => Promise<void>> = [
    ...holds.map((hold) => async () => {
      const answer = await call(url, 'GET', `/v1/holds/${hold.holdId}`, { token: hold.token });
      if (answer.status !== 200) missing.push(`hold ${hold.holdId}: ${answer.status}`);
      else if (bought.has(hold.holdId) && answer.body.status !== 'purchased') missing.push(`hold ${hold.holdId} was bought but is ${answer.body.status}`);
    }),
    ...orders.map((order) => async () => {
      const answer = await call(url, 'GET', `/v1/orders/${order.orderId}`, { token: order.token });
      if (answer.status !== 200) missing.push(`order ${order.orderId}: ${answer.status}`);
      else if (answer.body.tickets.length !== order.tickets) missing.push(`order ${order.orderId} has ${answer.body.tickets.length} tickets, was answered with ${order.tickets}`);
    }),
  ];
  // A few at a time, as many customers checking their orders would.
  let next = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (next < checks.length) await checks[next++]();
  }));
  return missing;
}

/** Every running member at the same revision and raft index, under one leader: they agree. */
export async function membersAgree(cluster: LocalEtcdCluster, timeoutMs = 20_000): Promise<{ revision: number; leader: string }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const statuses = await cluster.statuses().catch(() => []);
    const revisions = new Set(statuses.map((s) => s.revision));
    const leaders = new Set(statuses.map((s) => s.leader));
    if (statuses.length === cluster.members.filter((m) => m.process).length && revisions.size === 1 && leaders.size === 1 && !leaders.has('0')) {
      const leader = cluster.members.find((_, i) => statuses[i]?.id === statuses[0].leader)?.name ?? statuses[0].leader;
      return { revision: statuses[0].revision, leader };
    }
    if (Date.now() > deadline) throw new Error(`members do not agree: ${JSON.stringify(statuses)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
