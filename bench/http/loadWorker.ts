/**
 * The load generator: a process of its own (forked by the bench), driving autocannon
 * against the API and reporting figures per kind of request. Customers are new for
 * every hold, as in an on-sale; their tokens are signed here with the server's secret
 * (the same TokenService), so making a million customers costs no requests.
 */
import autocannon from 'autocannon';
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { TokenService } from '../../apps/api/src/auth/tokenService';
import type { Latency, LoadResult, LoadSpec } from './loadSpec';

type Context = { token?: string; holdId?: string; quantity?: number; kind?: string };
type Request = autocannon.Request & { kind: string };

/** What one spec has gathered, over every round it ran. */
interface Tally {
  seconds: number;
  latencies: Map<string, number[]>;
  statuses: Map<string, Record<string, number>>;
  firstErrors: string[];
  errors: number;
  timeouts: number;
  ticketsHeld: number;
  ticketsSold: number;
  orders: number;
  doubleSoldSeats: number;
  soldOut: boolean;
  soldSeats: Set<string>;
  leadIn: number[];
  bySecond: number[][];
  /** Paced runs: the latest a request of each measured second left after its due time. */
  sendLagBySecond: number[];
}

const newTally = (): Tally => ({
  seconds: 0,
  latencies: new Map(),
  statuses: new Map(),
  firstErrors: [],
  errors: 0,
  timeouts: 0,
  ticketsHeld: 0,
  ticketsSold: 0,
  orders: 0,
  doubleSoldSeats: 0,
  soldOut: false,
  soldSeats: new Set(),
  leadIn: [],
  bySecond: [],
  sendLagBySecond: [],
});

function summarise(values: number[]): Latency {
  if (values.length === 0) return { count: 0, p50: 0, p90: 0, p99: 0, max: 0, mean: 0 };
  const sorted = Float64Array.from(values).sort();
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: sorted[sorted.length - 1], mean };
}

/**
 * Holds at a steady rate (open loop): requests leave on a schedule whatever the answers
 * do, and each latency counts from when its request was due, so a stalled server shows
 * up in the figures. autocannon's own rate limit sends each second's quota in a burst,
 * which measures a burst, not a rate. A lead-in runs at the same rate first and is
 * reported apart, so the figure is the steady rate, not the step into it.
 */
async function paced(spec: Extract<LoadSpec, { kind: 'holds' }>, rate: number, tally: Tally): Promise<void> {
  const tokens = TokenService.open(spec.dataDir, spec.adminToken);
  const url = new URL(spec.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 512 });
  const [min, max] = spec.quantity;
  const latencies: number[] = [];
  if (!tally.latencies.has('hold')) tally.latencies.set('hold', []);
  const counts = tally.statuses.get('hold') ?? {};
  tally.statuses.set('hold', counts);
  const started = performance.now();
  const measuredFrom = started + (spec.leadInSeconds ?? 0) * 1000;
  const end = measuredFrom + spec.seconds * 1000;
  let sent = 0;
  let inFlight = 0;
  const send = (due: number): void => {
    inFlight++;
    if (due >= measuredFrom) {
      // Latency counts from the due time, so a request this generator sent late counts its delay too;
      // how late it left is kept apart, to tell a stall of the generator from one of the server.
      const second = Math.floor((due - measuredFrom) / 1000);
      tally.sendLagBySecond[second] = Math.max(tally.sendLagBySecond[second] ?? 0, performance.now() - due);
    }
    const body = JSON.stringify({ quantity: min + Math.floor(Math.random() * (max - min + 1)), ...(spec.tier ? { tier: spec.tier } : {}) });
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: `/v1/shows/${spec.showId}/holds`,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${tokens.issueCustomer().token}` },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          inFlight--;
          const latency = performance.now() - due;
          if (due < measuredFrom) tally.leadIn.push(latency);
          else {
            latencies.push(latency);
            (tally.bySecond[Math.floor((due - measuredFrom) / 1000)] ??= []).push(latency);
          }
          counts[res.statusCode ?? 0] = (counts[res.statusCode ?? 0] ?? 0) + 1;
          if (res.statusCode === 201) tally.ticketsHeld += (JSON.parse(text) as { ticketNumbers?: number[] }).ticketNumbers?.length ?? 0;
          else if (tally.firstErrors.length < 10) tally.firstErrors.push(`hold ${res.statusCode}: ${text.slice(0, 300)}`);
        });
      },
    );
    req.on('error', (error) => {
      inFlight--;
      tally.errors++;
      if (tally.firstErrors.length < 10) tally.firstErrors.push(`hold: ${error.message}`);
    });
    req.end(body);
  };
  await new Promise<void>((done) => {
    const timer = setInterval(() => {
      const now = performance.now();
      const due = Math.floor(((Math.min(now, end) - started) / 1000) * rate);
      for (; sent < due; sent++) send(started + (sent * 1000) / rate);
      if (now >= end) {
        clearInterval(timer);
        const drain = setInterval(() => {
          if (inFlight > 0 && performance.now() < end + 30_000) return;
          clearInterval(drain);
          done();
        }, 5);
      }
    }, 2);
  });
  agent.destroy();
  tally.latencies.get('hold')!.push(...latencies);
  tally.seconds += spec.seconds;
}

async function run(spec: LoadSpec, tally: Tally): Promise<void> {
  if (spec.kind === 'holds' && spec.rate) return paced(spec, spec.rate, tally);
  const { latencies, statuses, soldSeats } = tally;
  const noteError = (kind: string, status: number, body: string): void => {
    if (tally.firstErrors.length < 10) tally.firstErrors.push(`${kind} ${status}: ${body.slice(0, 300)}`);
  };
  // Connections that have come round to idling after the sell-out: their purchases are done.
  const idle = new Set<unknown>();
  let giveUp: NodeJS.Timeout | undefined;
  let requests: Request[];
  let headers: Record<string, string> = {};

  if (spec.kind === 'get') {
    requests = spec.paths.map((path) => ({ method: 'GET', path, kind: path.includes('/seats') ? 'seats' : path.includes('/availability') ? 'availability' : 'get' }));
    headers = spec.headers ?? {};
  } else {
    const tokens = TokenService.open(spec.dataDir, spec.adminToken);
    const [min, max] = spec.quantity;
    let cap = max;
    const hold: Request = {
      kind: 'hold',
      method: 'POST',
      path: `/v1/shows/${spec.showId}/holds`,
      setupRequest: (req, context) => {
        const ctx = context as Context;
        if (tally.soldOut) {
          // Nothing left to hold: idle on the cheapest route until the purchases in flight are done.
          ctx.kind = 'idle';
          return { ...req, method: 'GET', path: '/health', headers: {} as Record<string, string>, body: undefined };
        }
        const quantity = Math.min(cap, min + Math.floor(Math.random() * (max - min + 1)));
        const section = spec.sections ? spec.sections[Math.floor(Math.random() * spec.sections.length)] : undefined;
        ctx.token = tokens.issueCustomer().token;
        ctx.quantity = quantity;
        ctx.kind = 'hold';
        return {
          ...req,
          method: 'POST',
          path: `/v1/shows/${spec.showId}/holds`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}` },
          body: JSON.stringify({ quantity, ...(spec.tier ? { tier: spec.tier } : {}), ...(section ? { section } : {}) }),
        };
      },
      onResponse: (status, body, context) => {
        const ctx = context as Context;
        if (ctx.kind === 'idle') return;
        if (status === 201) {
          const created = JSON.parse(body) as { holdId: string; seatIds?: string[]; ticketNumbers?: number[] };
          ctx.holdId = created.holdId;
          tally.ticketsHeld += created.seatIds?.length ?? created.ticketNumbers?.length ?? 0;
          return;
        }
        ctx.holdId = undefined;
        if (status === 409) {
          const details = (JSON.parse(body) as { details?: { available?: number } }).details;
          if (details?.available === 0 && spec.untilSoldOut && !spec.sections) tally.soldOut = true;
          else if (details?.available !== undefined && details.available > 0) cap = Math.max(1, Math.min(cap, details.available));
          return;
        }
        noteError('hold', status, body);
      },
    };
    const purchase: Request = {
      kind: 'purchase',
      method: 'POST',
      path: '/v1/holds/x/purchase',
      setupRequest: (req, context) => {
        const ctx = context as Context;
        // No hold to buy: back to the first request.
        if (!spec.purchase || !ctx.holdId) return undefined as unknown as autocannon.Request;
        ctx.kind = 'purchase';
        return {
          ...req,
          method: 'POST',
          path: `/v1/holds/${ctx.holdId}/purchase`,
          headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.token}`, 'idempotency-key': randomUUID() },
          body: '{"payment":{"token":"tok_visa"}}',
        };
      },
      onResponse: (status, body) => {
        if (status !== 201) return noteError('purchase', status, body);
        const order = JSON.parse(body) as { tickets: Array<{ seatId?: string }> };
        tally.orders++;
        tally.ticketsSold += order.tickets.length;
        for (const ticket of order.tickets) {
          if (!ticket.seatId) continue;
          if (soldSeats.has(ticket.seatId)) tally.doubleSoldSeats++;
          soldSeats.add(ticket.seatId);
        }
      },
    };
    requests = spec.purchase ? [hold, purchase] : [hold];
  }

  const started = process.hrtime.bigint();
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: spec.seconds,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
    headers,
    requests,
    timeout: 30,
  });
  instance.on('response', (client: { requestIterator: { context: Context; currentRequest: Request } }, statusCode: number, _bytes: number, responseTime: number) => {
    const kind = client.requestIterator.context.kind ?? client.requestIterator.currentRequest.kind;
    let list = latencies.get(kind);
    if (!list) latencies.set(kind, (list = []));
    list.push(responseTime);
    const counts = statuses.get(kind) ?? {};
    counts[statusCode] = (counts[statusCode] ?? 0) + 1;
    statuses.set(kind, counts);
    if (kind === 'idle') idle.add(client);
    // A connection that never comes round (an error) must not keep the run going for long.
    if (tally.soldOut && !giveUp) giveUp = setTimeout(() => instance.stop(), 30_000);
    if (tally.soldOut && idle.size >= spec.connections) instance.stop();
  });
  const progress = setInterval(() => {
    process.send!({ progress: { seconds: tally.seconds + Number(process.hrtime.bigint() - started) / 1e9, ticketsSold: tally.ticketsSold, orders: tally.orders } });
  }, 2_000);
  const result = await instance;
  clearInterval(progress);
  clearTimeout(giveUp);
  tally.seconds += Number(process.hrtime.bigint() - started) / 1e9;
  tally.errors += result.errors;
  tally.timeouts += result.timeouts;
}

function toResult(tally: Tally): LoadResult {
  const { seconds, latencies, statuses } = tally;
  const all = [...latencies.entries()].filter(([kind]) => kind !== 'idle').flatMap(([, v]) => v);
  const byKind: LoadResult['byKind'] = {};
  for (const [kind, values] of latencies) {
    byKind[kind] = { count: values.length, perSecond: values.length / seconds, statuses: statuses.get(kind) ?? {}, latency: summarise(values) };
  }
  return {
    seconds,
    requests: all.length,
    perSecond: all.length / seconds,
    latency: summarise(all),
    byKind,
    errors: tally.errors,
    timeouts: tally.timeouts,
    ticketsHeld: tally.ticketsHeld,
    ticketsSold: tally.ticketsSold,
    orders: tally.orders,
    doubleSoldSeats: tally.doubleSoldSeats,
    soldOut: tally.soldOut,
    firstErrors: tally.firstErrors,
    ...(tally.leadIn.length > 0 ? { leadIn: summarise(tally.leadIn) } : {}),
    ...(tally.bySecond.length > 0 ? { p99BySecond: tally.bySecond.map((second) => summarise(second ?? []).p99) } : {}),
    ...(tally.sendLagBySecond.length > 0 ? { sendLagBySecond: Array.from(tally.sendLagBySecond, (lag) => lag ?? 0) } : {}),
  };
}

/**
 * Runs the specs in turn, `rounds` times over (floor, target, floor, target, …): on a
 * machine whose load comes and goes, each figure and its baseline then see the same
 * conditions. Each spec's result adds up all its rounds.
 */
async function runRounds(specs: LoadSpec[], rounds: number): Promise<LoadResult[]> {
  const tallies = specs.map(newTally);
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < specs.length; i++) await run(specs[i], tallies[i]);
  }
  return tallies.map(toResult);
}

process.once('message', ({ specs, rounds }: { specs: LoadSpec[]; rounds: number }) => {
  runRounds(specs, rounds).then(
    (result) => process.send!({ ok: true, result }, () => process.exit(0)),
    (error: unknown) => process.send!({ ok: false, error: error instanceof Error ? error.stack : String(error) }, () => process.exit(1)),
  );
});
