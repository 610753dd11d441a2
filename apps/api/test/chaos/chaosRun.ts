import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { openEventStore, SqliteEventStore, type EventStore, type RecordedEvent } from '@app/event-store';
import type { LocalEtcdCluster } from '@app/event-store/etcd/testing/localEtcdCluster';
import { SaleAuditor } from '../../../cli/src/audit/saleAuditor';
import { readModelCounts } from '../../../cli/src/audit/readModelCounts';
import { call, createFestival, eventually, killServer, startServer, type ChildServer } from '../support/childServer';

/**
 * The crash test: the API as a child process on the embedded store (or on an etcd
 * cluster), driven by concurrent clients (holds, purchases, releases, waiting-line
 * joins) and SIGKILLed at random moments — on a cluster, its members too.
 * The clients record every 2xx; at the end the log must hold every acknowledged operation,
 * the auditor must find no violation, the read models (live and rebuilt) must agree with
 * the log, and holds and waiting lines must have been served after the restarts.
 */

export interface ChaosOptions {
  dataDir: string;
  kills: number;
  clients: number;
  /** Acknowledged operations to wait for between a restart and the next kill (random in this range). */
  acksBetweenKills: [number, number];
  log: (line: string) => void;
  seed?: number;
  /** Run on this etcd cluster instead of the embedded store; kills then alternate between the API and a member. */
  etcd?: LocalEtcdCluster;
}

export interface ChaosReport {
  kills: number;
  /** Of those, etcd members killed (and started again). */
  memberKills: number;
  requests: number;
  acknowledged: { holds: number; purchases: number; releases: number; joins: number };
  checked: number;
  violations: string[];
  auditEvents: number;
}

const ADMIN = 'chaos-admin-token-0123456789abcdef';
const HOLD_SECONDS = 3;

interface Hold {
  holdId: string;
  customer: number;
  showId: string;
  units: Array<string | number>;
}

/** A small deterministic generator, so a failing run can be replayed with its seed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const seed = options.seed ?? Date.now() % 1_000_000;
  const rnd = random(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(rnd() * items.length)];
  const cluster = options.etcd;
  options.log(`chaos: seed ${seed}, ${options.kills} kills, ${options.clients} clients, ${cluster ? `etcd cluster of ${cluster.members.length}` : 'embedded store'}`);
  const env: Record<string, string> = {
    ADMIN_TOKEN: ADMIN,
    WAITLIST_MAX_WAIT_SECONDS: '3600',
    ...(cluster ? { EVENT_STORE: 'etcd', ETCD_ENDPOINTS: cluster.endpointList, ETCD_PREFIX: `chaos${seed}/` } : {}),
  };
  const openLog = (): Promise<EventStore> =>
    cluster ? openEventStore({ kind: 'etcd', endpoints: cluster.endpoints, prefix: env.ETCD_PREFIX }) : Promise.resolve(new SqliteEventStore({ file: join(options.dataDir, 'events.db') }));

  let server: ChildServer = await startServer(options.dataDir, env);
  let up = true;
  let upAgain: Promise<void> = Promise.resolve();
  const general = await createFestival(server.url, ADMIN, 'chaos-ga', { capacity: 600, shardCount: 4, holdSeconds: HOLD_SECONDS, maxTicketsPerCustomer: 10 });
  const small = await createFestival(server.url, ADMIN, 'chaos-small', { capacity: 10, shardCount: 2, holdSeconds: HOLD_SECONDS, maxTicketsPerCustomer: 4 });
  const shows = [general, small];
  const tokens: string[] = [];
  for (let i = 0; i < options.clients * 2; i++) tokens.push((await call(server.url, 'POST', '/v1/customers')).body.token);

  const acks = { holds: [] as Hold[], purchases: [] as Array<{ orderId: string; holdId: string; tickets: number }>, releases: [] as string[], joins: [] as Array<{ entryId: string; customer: number; showId: string }> };
  const closed = new Set<string>();
  let requests = 0;
  let acked = 0;
  let running = true;

  const attempt = async (method: string, path: string, customer: number, body?: unknown, key?: string) => {
    if (!up) await upAgain;
    requests++;
    try {
      return await call(server.url, method, path, { body, token: tokens[customer], ...(key ? { headers: { 'idempotency-key': key } } : {}) });
    } catch {
      return undefined; // the server died under the request: not acknowledged
    }
  };

  const client = async () => {
    while (running) {
      const customer = Math.floor(rnd() * tokens.length);
      const roll = rnd();
      const mine = acks.holds.filter((h) => h.customer === customer && !closed.has(h.holdId));
      if (roll < 0.45 || mine.length === 0) {
        const showId = rnd() < 0.6 ? general : small;
        const r = await attempt('POST', `/v1/shows/${showId}/holds`, customer, { quantity: 1 + Math.floor(rnd() * 3) }, randomUUID());
        if (r?.status === 201) {
          acks.holds.push({ holdId: r.body.holdId, customer, showId, units: r.body.ticketNumbers ?? r.body.seatIds });
          acked++;
        } else if (r?.status === 409 && rnd() < 0.6) {
          const j = await attempt('POST', `/v1/shows/${showId}/waitlist`, customer, { quantity: 1 });
          if (j?.status === 201) {
            acks.joins.push({ entryId: j.body.entryId, customer, showId });
            acked++;
          }
        }
      } else if (roll < 0.8) {
        const hold = pick(mine);
        const r = await attempt('POST', `/v1/holds/${hold.holdId}/purchase`, customer, { payment: { token: 'tok_visa' } }, `buy-${hold.holdId}`);
        if (r?.status === 201) {
          closed.add(hold.holdId);
          acks.purchases.push({ orderId: r.body.orderId, holdId: hold.holdId, tickets: r.body.tickets.length });
          acked++;
        } else if (r && r.status >= 400 && r.status < 500) closed.add(hold.holdId);
      } else {
        const hold = pick(mine);
        const r = await attempt('DELETE', `/v1/holds/${hold.holdId}`, customer);
        if (r?.status === 204) {
          closed.add(hold.holdId);
          acks.releases.push(hold.holdId);
          acked++;
        } else if (r && r.status >= 400 && r.status < 500) closed.add(hold.holdId);
      }
    }
  };

  const clients = Array.from({ length: options.clients }, () => client());
  let kills = 0;
  let memberKills = 0;
  for (; kills < options.kills; kills++) {
    const [low, high] = options.acksBetweenKills;
    const target = acked + low + Math.floor(rnd() * (high - low + 1));
    await eventually(async () => acked >= target, 60_000, `${target - acked} more acknowledged operations`);
    if (cluster && rnd() < 0.5) {
      // A member (the leader half the time) dies under the load and comes back once the others sold on.
      const member = rnd() < 0.5 ? await cluster.leader() : pick(cluster.members);
      await cluster.kill(member);
      const during = acked + low;
      await eventually(async () => acked >= during, 60_000, 'acknowledged operations with a member down');
      await cluster.restart(member);
      memberKills++;
      options.log(`chaos: kill ${kills + 1}/${options.kills}: etcd member ${member.name} after ${acked} acknowledged operations, ${requests} requests`);
      continue;
    }
    let restarted!: () => void;
    upAgain = new Promise((resolve) => (restarted = resolve));
    up = false;
    await killServer(server);
    server = await startServer(options.dataDir, env);
    up = true;
    restarted();
    options.log(`chaos: kill ${kills + 1}/${options.kills}: the API after ${acked} acknowledged operations, ${requests} requests`);
  }
  running = false;
  await Promise.all(clients);

  // Every hold ends: sold, released or expired by the last process's expiry worker.
  const active = () => call(server.url, 'GET', '/v1/admin/projections', { token: ADMIN });
  for (const showId of shows) {
    await eventually(async () => (await call(server.url, 'GET', `/v1/shows/${showId}/availability`)).body.held === 0, 60_000, `holds of ${showId} expired`);
  }
  // Waiting lines were served after the restarts: nobody waits for tickets that are on sale.
  for (const join of acks.joins) {
    await eventually(async () => {
      const entry = await call(server.url, 'GET', `/v1/waitlist/${join.entryId}`, { token: tokens[join.customer] });
      if (entry.body.status !== 'waiting') return true;
      const availability = await call(server.url, 'GET', `/v1/shows/${join.showId}/availability`);
      return availability.body.available < entry.body.quantity;
    }, 30_000, `waiting-line entry ${join.entryId} served`);
  }

  const violations: string[] = [];
  // Live read models against the log.
  await eventually(async () => ((await active()).body as Array<{ status: string }>).every((p) => p.status === 'live'), 30_000, 'projections live');
  const live = await audit(openLog, options.dataDir, violations, 'live');
  // Rebuilt read models against the log.
  const rebuild = await call(server.url, 'POST', '/v1/admin/projections/all/rebuild', { token: ADMIN });
  if (rebuild.status !== 202) violations.push(`rebuild answered ${rebuild.status}`);
  await eventually(async () => ((await active()).body as Array<{ status: string }>).every((p) => p.status === 'live'), 60_000, 'rebuild finished');
  await audit(openLog, options.dataDir, violations, 'rebuilt');
  for (const showId of shows) {
    const sold = live.soldByShow.get(showId) ?? 0;
    const availability = (await call(server.url, 'GET', `/v1/shows/${showId}/availability`)).body;
    if (availability.sold !== sold) violations.push(`${showId}: availability says ${availability.sold} sold, the log ${sold}`);
  }
  await killServer(server);

  // Every acknowledged operation is in the log.
  const store = await openLog();
  const events = await store.readAll();
  await store.close();
  const held = new Map<string, Array<string | number>>();
  const sold = new Map<string, number>();
  const released = new Set<string>();
  const joined = new Set<string>();
  const offered = new Set<string>();
  for (const e of events) {
    const data = e.data as Record<string, any>;
    if (e.type === 'SeatsHeld') held.set(data.holdId, [...(held.get(data.holdId) ?? []), ...(data.ticketNumbers ?? data.seatIds ?? [])]);
    else if (e.type === 'TicketsSold') sold.set(data.orderId, (sold.get(data.orderId) ?? 0) + data.tickets.length);
    else if (e.type === 'HoldReleased' && data.reason === 'customer') released.add(data.holdId);
    else if (e.type === 'WaitlistJoined') joined.add(data.entryId);
    else if (e.type === 'WaitlistOffered') offered.add(data.entryId);
  }
  let checked = 0;
  for (const hold of acks.holds) {
    checked++;
    const units = held.get(hold.holdId);
    if (!units || [...units].sort().join() !== [...hold.units].sort().join()) violations.push(`acknowledged hold ${hold.holdId} not in the log as answered`);
  }
  for (const purchase of acks.purchases) {
    checked++;
    if (sold.get(purchase.orderId) !== purchase.tickets) violations.push(`acknowledged order ${purchase.orderId} not in the log`);
  }
  for (const holdId of acks.releases) {
    checked++;
    if (!released.has(holdId)) violations.push(`acknowledged release of ${holdId} not in the log`);
  }
  for (const join of acks.joins) {
    checked++;
    if (!joined.has(join.entryId)) violations.push(`acknowledged join ${join.entryId} not in the log`);
  }
  const report: ChaosReport = {
    kills,
    memberKills,
    requests,
    acknowledged: { holds: acks.holds.length, purchases: acks.purchases.length, releases: acks.releases.length, joins: acks.joins.length },
    checked,
    violations,
    auditEvents: events.length,
  };
  options.log(
    `chaos: ${kills} kills${cluster ? ` (${memberKills} of etcd members)` : ''}, ${requests} requests, acknowledged ${report.acknowledged.holds} holds, ${report.acknowledged.purchases} purchases, ` +
      `${report.acknowledged.releases} releases, ${report.acknowledged.joins} joins (${offered.size} offers made); ${checked} acknowledged operations checked ` +
      `against ${events.length} events; violations = ${violations.length}`,
  );
  for (const v of violations.slice(0, 20)) options.log(`  violation: ${v}`);
  return report;
}

/** The auditor over the whole log, compared with the read models' counts at their checkpoints. */
async function audit(openLog: () => Promise<EventStore>, dataDir: string, violations: string[], label: string): Promise<{ soldByShow: Map<string, number> }> {
  const store = await openLog();
  try {
    const auditor = new SaleAuditor({ readModels: readModelCounts(dataDir) });
    const events: RecordedEvent[] = await store.readAll();
    for (const event of events) auditor.add(event);
    const report = auditor.report();
    if (report.readModels !== 'compared') violations.push(`${label}: read models not compared`);
    for (const v of report.violations) violations.push(`${label}: ${v.kind}: ${v.message}`);
    return { soldByShow: new Map(report.shows.map((s) => [s.showId, s.tickets])) };
  } finally {
    await store.close();
  }
}
