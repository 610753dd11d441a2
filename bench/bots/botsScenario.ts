/**
 * `npm run bench -- --only bots`: a scripted bot against 200 simulated humans, on a hot
 * on-sale and, as the baseline in the same server, on the same kind of show not marked hot.
 *
 * - The bot: 50 connections from one address and unlimited customer identities (minted
 *   offline with the server's secret, so neither the identity rate nor the proof-of-work
 *   stops it); it goes as fast as the server answers, backing off 100 ms after a refusal.
 * - The humans: one address each, arriving over 20 s around the opening; each creates an
 *   identity (solving the proof-of-work while the show is hot), joins the waiting room and
 *   polls it every second like the page does, then picks (2-4 s), holds 2 tickets and pays (3-6 s).
 * Rate limits are on, with their defaults. Also measured: waiting-room joins per second
 * with limits off (is 100,000 joins a minute feasible?).
 */
import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import { TokenService } from '../../apps/api/src/auth/tokenService';
import type { RunningServer } from '../http/serverProcess';

const HUMANS = 200;
const BOT_CONNECTIONS = 50;
const CAPACITY = 450;
const HUMAN_WANTS = 2;
const BOT_WANTS = 4;
const LIMIT_PER_CUSTOMER = 4;
/** The humans arrive over this window; the sale opens in its middle. */
const ARRIVAL_MS = 20_000;
const OPENS_AFTER_MS = 10_000;
const ADMISSIONS_PER_MINUTE = 600;
const DEADLINE_MS = 150_000;

interface Answer {
  status: number;
  body: any;
  retryAfter?: string;
}

function call(agent: Agent, url: URL, method: string, path: string, options: { auth?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method,
        path,
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
          ...(options.auth ? { authorization: `Bearer ${options.auth}` } : {}),
          ...options.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = text ? JSON.parse(text) : undefined;
          } catch {
            parsed = text;
          }
          resolve({ status: res.statusCode!, body: parsed, retryAfter: res.headers['retry-after'] as string | undefined });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
const between = (min: number, max: number): number => min + Math.random() * (max - min);

function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) bits += 8;
    else return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

function solve(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) if (leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= difficulty) return `${challenge}:${nonce}`;
}

export interface HumanOutcome {
  arrivedAt: number;
  position?: number;
  admitAt?: number;
  tickets: number;
  refusal?: string;
}

export interface RunOutcome {
  hot: boolean;
  botTickets: number;
  humanTickets: number;
  humans: HumanOutcome[];
  botRefusals: Record<string, number>;
  botIdentities: number;
  seconds: number;
  humanWaitP50: number;
  humanWaitP95: number;
}

async function admin(url: URL, token: string, method: string, path: string, body?: unknown): Promise<any> {
  const agent = new Agent({ keepAlive: false });
  const answer = await call(agent, url, method, path, { auth: token, body });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A general-admission show of CAPACITY tickets, LIMIT_PER_CUSTOMER per customer. */
async function createShow(server: RunningServer, id: string): Promise<string> {
  const url = new URL(server.url);
  const suffix = `${id}-${Date.now().toString(36)}`;
  await admin(url, server.adminToken, 'POST', '/v1/admin/cities', { id: `city-${suffix}`, name: `City ${suffix}`, country: 'NL', timeZone: 'Europe/Amsterdam' });
  await admin(url, server.adminToken, 'POST', '/v1/admin/venues', { id: `venue-${suffix}`, cityId: `city-${suffix}`, name: `Venue ${suffix}`, kind: 'festival' });
  await admin(url, server.adminToken, 'POST', '/v1/admin/performers', { id: `band-${suffix}`, name: `Band ${suffix}` });
  await admin(url, server.adminToken, 'POST', '/v1/admin/events', { id: `event-${suffix}`, name: `Tour ${suffix}`, description: 'Hot', category: 'concert', performerId: `band-${suffix}` });
  const show = await admin(url, server.adminToken, 'POST', '/v1/admin/shows', {
    eventId: `event-${suffix}`,
    venueId: `venue-${suffix}`,
    startsAt: '2027-08-01T20:00:00.000Z',
    kind: 'general',
    capacity: CAPACITY,
    shardCount: 2,
    maxTicketsPerCustomer: LIMIT_PER_CUSTOMER,
    tiers: [{ tier: 'regular', price: 8000, currency: 'EUR' }],
  });
  return show.id as string;
}

/** One on-sale: the bot and the humans on `showId`, hot or not. */
export async function runOnSale(server: RunningServer, showId: string, hot: boolean, powDifficulty: number): Promise<RunOutcome> {
  const url = new URL(server.url);
  const tokens = TokenService.open(server.dataDir, server.adminToken);
  const started = Date.now();
  const opensAt = started + OPENS_AFTER_MS;
  if (hot) await admin(url, server.adminToken, 'PUT', `/v1/admin/shows/${showId}/hot-onsale`, { opensAt: new Date(opensAt).toISOString(), admissionsPerMinute: ADMISSIONS_PER_MINUTE });
  /** Set when the show answers that nothing is left, or once every human is through. */
  let stop = false;
  let botTickets = 0;
  let botIdentities = 0;
  const botRefusals: Record<string, number> = {};
  const refuse = (answer: Answer): void => {
    const code = `${answer.status} ${answer.body?.error ?? ''}`.trim();
    botRefusals[code] = (botRefusals[code] ?? 0) + 1;
    if (answer.body?.error === 'seats_unavailable' && answer.body?.available === 0) stop = true;
  };
  const deadline = started + DEADLINE_MS;
  const going = (): boolean => !stop && Date.now() < deadline;

  // --- the bot: one address, 50 connections, a new identity whenever it likes.
  const botAgent = new Agent({ keepAlive: true, maxSockets: BOT_CONNECTIONS, localAddress: '127.0.200.1' });
  const botWorker = async (): Promise<void> => {
    // Bots are there before the opening and start at the first moment anything can be had.
    if (!hot) await sleep(opensAt - Date.now());
    while (going()) {
      const token = tokens.issueCustomer().token;
      botIdentities++;
      let pass: string | undefined;
      if (hot) {
        // First, try without queueing at all.
        const direct = await call(botAgent, url, 'POST', `/v1/shows/${showId}/holds`, { auth: token, body: { quantity: BOT_WANTS } });
        if (direct.status === 201) {
          await botBuys(token, direct.body.holdId);
          continue;
        }
        refuse(direct);
        const joined = await call(botAgent, url, 'POST', `/v1/shows/${showId}/waiting-room`, { auth: token });
        if (joined.status !== 201) {
          refuse(joined);
          // The room takes no more from this address: stop spending the address's rate on joins,
          // so the places it has get their holds through (the strongest bot, not the noisiest).
          if (joined.body?.error === 'too_many_places') return;
          await sleep(100);
          continue;
        }
        let place = joined.body;
        while (going() && place.status !== 'admitted') {
          await sleep(Math.min(200, place.waitSeconds * 1000));
          const polled = await call(botAgent, url, 'GET', `/v1/shows/${showId}/waiting-room`, { auth: token });
          if (polled.status === 200) place = polled.body;
        }
        pass = place.pass;
      }
      // A pass is worth keeping: on 429 the bot waits as told and tries again with it.
      let held = await call(botAgent, url, 'POST', `/v1/shows/${showId}/holds`, { auth: token, body: { quantity: BOT_WANTS }, headers: pass ? { 'queue-pass': pass } : {} });
      while (pass && held.status === 429 && going()) {
        refuse(held);
        await sleep(Number(held.retryAfter ?? 1) * 1000);
        held = await call(botAgent, url, 'POST', `/v1/shows/${showId}/holds`, { auth: token, body: { quantity: BOT_WANTS }, headers: { 'queue-pass': pass } });
      }
      if (held.status !== 201) {
        refuse(held);
        await sleep(100);
        continue;
      }
      await botBuys(token, held.body.holdId);
    }
  };
  const botBuys = async (token: string, holdId: string): Promise<void> => {
    const bought = await buy(botAgent, url, token, holdId, BOT_WANTS);
    if (typeof bought === 'number') botTickets += bought;
    else refuse({ ...bought, status: bought.status, body: { error: `purchase ${bought.body?.error}` } });
  };

  // --- the humans: one address each, the pages' pace.
  const humans: HumanOutcome[] = [];
  const human = async (i: number): Promise<void> => {
    const agent = new Agent({ keepAlive: true, maxSockets: 2, localAddress: `127.0.${1 + (i >> 8)}.${(i & 255) + 2}` });
    const arrivedAt = started + (ARRIVAL_MS * i) / HUMANS + between(0, ARRIVAL_MS / HUMANS);
    const outcome: HumanOutcome = { arrivedAt, tickets: 0 };
    humans.push(outcome);
    await sleep(arrivedAt - Date.now());
    try {
      let proof: Record<string, string> = {};
      if (hot && powDifficulty > 0) {
        const challenge = await call(agent, url, 'POST', '/v1/customers/challenges');
        if (challenge.body.required) proof = { 'proof-of-work': solve(challenge.body.challenge, challenge.body.difficulty) };
      }
      const me = await call(agent, url, 'POST', '/v1/customers', { headers: proof });
      if (me.status !== 201) return void (outcome.refusal = `customer ${me.status} ${me.body?.error}`);
      const token = me.body.token as string;
      let pass: string | undefined;
      if (hot) {
        const joined = await call(agent, url, 'POST', `/v1/shows/${showId}/waiting-room`, { auth: token });
        if (joined.status !== 201) return void (outcome.refusal = `join ${joined.status} ${joined.body?.error}`);
        let place = joined.body;
        outcome.position = place.position;
        outcome.admitAt = Date.parse(place.admitAt);
        while (place.status !== 'admitted' && Date.now() < deadline) {
          await sleep(1_000);
          const polled = await call(agent, url, 'GET', `/v1/shows/${showId}/waiting-room`, { auth: token });
          if (polled.status === 200) place = polled.body;
        }
        pass = place.pass;
      } else {
        // Not hot: the page is open, but nothing can be held before the sale opens.
        await sleep(opensAt - Date.now());
      }
      await sleep(between(2_000, 4_000));
      const held = await call(agent, url, 'POST', `/v1/shows/${showId}/holds`, { auth: token, body: { quantity: HUMAN_WANTS }, headers: pass ? { 'queue-pass': pass } : {} });
      if (held.status !== 201) return void (outcome.refusal = `hold ${held.status} ${held.body?.error}`);
      await sleep(between(3_000, 6_000));
      const bought = await buy(agent, url, token, held.body.holdId, HUMAN_WANTS);
      if (typeof bought === 'number') outcome.tickets = bought;
      else outcome.refusal = `purchase ${bought.status} ${bought.body?.error}`;
    } finally {
      agent.destroy();
    }
  };

  const humansDone = Promise.all(Array.from({ length: HUMANS }, (_, i) => human(i)));
  const bots = Array.from({ length: BOT_CONNECTIONS }, () => botWorker());
  await humansDone;
  // The bot stops once every human is through: what it takes after that, no human wanted.
  stop = true;
  await Promise.all(bots);
  botAgent.destroy();
  if (hot) await admin(url, server.adminToken, 'DELETE', `/v1/admin/shows/${showId}/hot-onsale`);
  const waits = humans.filter((h) => h.admitAt !== undefined).map((h) => Math.max(0, h.admitAt! - Math.max(h.arrivedAt, opensAt)) / 1000).sort((a, b) => a - b);
  const pct = (p: number): number => (waits.length ? waits[Math.min(waits.length - 1, Math.floor(p * waits.length))] : 0);
  return {
    hot,
    botTickets,
    humanTickets: humans.reduce((sum, h) => sum + h.tickets, 0),
    humans,
    botRefusals,
    botIdentities,
    seconds: (Date.now() - started) / 1000,
    humanWaitP50: pct(0.5),
    humanWaitP95: pct(0.95),
  };
}

/** Pays for a hold; the tickets bought, or the refusal. */
async function buy(agent: Agent, url: URL, token: string, holdId: string, quantity: number): Promise<number | Answer> {
  const paid = await call(agent, url, 'POST', `/v1/holds/${holdId}/purchase`, { auth: token, body: { payment: { token: 'tok_visa' } }, headers: { 'idempotency-key': `pay-${holdId}` } });
  return paid.status === 201 ? quantity : paid;
}

/** Humans served in the order they queued: among those with a place, a later place never admitted before an earlier one, and nobody with a place left without tickets while someone later got them. */
export function servedInOrder(humans: HumanOutcome[]): { unservedBeforeServed: number; admittedOutOfOrder: number } {
  const placed = humans.filter((h) => h.position !== undefined).sort((a, b) => a.position! - b.position!);
  let admittedOutOfOrder = 0;
  for (let i = 1; i < placed.length; i++) if (placed[i].admitAt! < placed[i - 1].admitAt!) admittedOutOfOrder++;
  const lastServed = placed.reduce((last, h, i) => (h.tickets > 0 ? i : last), -1);
  const unservedBeforeServed = placed.slice(0, lastServed + 1).filter((h) => h.tickets === 0).length;
  return { unservedBeforeServed, admittedOutOfOrder };
}

/** Waiting-room joins per second with limits off: `count` fresh identities over `connections` connections. */
export async function measureJoins(server: RunningServer, count: number, connections: number): Promise<{ perSecond: number; p50: number; p99: number; errors: number }> {
  const url = new URL(server.url);
  const showId = await createShow(server, 'joins');
  await admin(url, server.adminToken, 'PUT', `/v1/admin/shows/${showId}/hot-onsale`, { opensAt: new Date(Date.now() + 3_600_000).toISOString() });
  const tokens = TokenService.open(server.dataDir, server.adminToken);
  const identities = Array.from({ length: count }, () => tokens.issueCustomer().token);
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (next < identities.length) {
        const token = identities[next++];
        const sent = performance.now();
        const joined = await call(agent, url, 'POST', `/v1/shows/${showId}/waiting-room`, { auth: token });
        latencies.push(performance.now() - sent);
        if (joined.status !== 201) errors++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: count / seconds, p50: latencies[Math.floor(latencies.length * 0.5)], p99: latencies[Math.floor(latencies.length * 0.99)], errors };
}

export { createShow, CAPACITY, HUMANS, BOT_CONNECTIONS };
