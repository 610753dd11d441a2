import { compareStamps, unfairPairs, type ArrivalStamp } from '@app/domain';
import { openEventStore, type RecordedEvent } from '@app/event-store';
import type { CustomersReport } from './load/customers';
import { request } from './load/http';
import type { RemainingSample } from './load/probes';

/** Every inventory event of a show in one cluster's log, read directly with the etcd adapter. */
export async function readShowLog(endpoints: readonly string[], prefix: string, showId: string): Promise<RecordedEvent[]> {
  const store = await openEventStore({ kind: 'etcd', endpoints: [...endpoints], prefix });
  try {
    const events: RecordedEvent[] = [];
    let from: bigint | 'start' = 'start';
    for (;;) {
      const page = await store.readAll({ fromPosition: from, maxCount: 5_000 });
      for (const event of page) if (event.streamId.startsWith(`inventory-${showId}-`)) events.push(event);
      if (page.length < 5_000) return events;
      from = page[page.length - 1].position;
    }
  } finally {
    await store.close();
  }
}

interface Held {
  holdId: string;
  ticketNumbers?: number[];
  tierCounts?: Record<string, number>;
  expiresAt: string;
}
interface Sold {
  holdId: string;
  orderId: string;
  tickets: Array<{ ticketNumber?: number }>;
}

export interface LogFacts {
  ticketsSold: number;
  /** Ticket numbers in more than one TicketsSold. */
  soldTwice: number[];
  holdIds: Set<string>;
  /** orderId → tickets in the log. */
  orders: Map<string, number>;
  /** group → the times at which what is taken (held or sold) changes, and by how much. */
  timelines: Map<string, Timeline>;
  eventsByGroup: Record<string, number>;
  /** Capacity transfers in the logs: how many, tickets moved, and any Out without its In (or the other way) or written twice. */
  transfers: { made: number; tickets: number; byGroup: Record<string, { out: number; in: number }>; unmatched: string[] };
}

/**
 * What is taken (held live or sold) over time in one group, less what capacity transfers moved in
 * and plus what they moved out: steps at event times (the writer's stamp) and hold expiries.
 */
export class Timeline {
  private times: number[] = [];
  private taken: number[] = [];

  constructor(steps: Array<{ at: number; delta: number }>) {
    steps.sort((a, b) => a.at - b.at);
    let sum = 0;
    for (const step of steps) {
      sum += step.delta;
      if (this.times.length && this.times[this.times.length - 1] === step.at) this.taken[this.taken.length - 1] = sum;
      else {
        this.times.push(step.at);
        this.taken.push(sum);
      }
    }
  }

  /** Taken at time t (after every step at or before t). */
  at(t: number): number {
    let lo = 0;
    let hi = this.times.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.times[mid] <= t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? 0 : this.taken[found];
  }

  /** The least and most taken at any time within [from, to]. */
  range(from: number, to: number): { min: number; max: number } {
    let min = this.at(from);
    let max = min;
    for (let i = 0; i < this.times.length; i++) {
      if (this.times[i] <= from || this.times[i] > to) continue;
      min = Math.min(min, this.taken[i]);
      max = Math.max(max, this.taken[i]);
    }
    return { min, max };
  }
}

export function logFacts(byGroup: Map<string, RecordedEvent[]>): LogFacts {
  const seen = new Map<number, number>();
  const holdIds = new Set<string>();
  const orders = new Map<string, number>();
  const timelines = new Map<string, Timeline>();
  const eventsByGroup: Record<string, number> = {};
  let ticketsSold = 0;
  const sides = new Map<string, { out: number; in: number; count: number }>();
  const byGroupMoved: Record<string, { out: number; in: number }> = {};
  for (const [group, events] of byGroup) {
    byGroupMoved[group] = { out: 0, in: 0 };
    eventsByGroup[group] = events.length;
    // Per shard stream: a hold's tickets are taken from SeatsHeld until it is sold, released or expired (or past expiresAt).
    const open = new Map<string, { at: number; quantity: number; expiresAt: number }>();
    const steps: Array<{ at: number; delta: number }> = [];
    const end = (key: string, at: number): void => {
      const hold = open.get(key);
      if (!hold) return;
      open.delete(key);
      steps.push({ at: Math.min(at, hold.expiresAt), delta: -hold.quantity });
    };
    for (const event of events) {
      const at = event.created.getTime();
      if (event.type === 'SeatsHeld') {
        const data = event.data as Held;
        holdIds.add(data.holdId);
        const quantity = data.ticketNumbers?.length ?? Object.values(data.tierCounts ?? {}).reduce((s, n) => s + n, 0);
        open.set(`${event.streamId}/${data.holdId}`, { at, quantity, expiresAt: Date.parse(data.expiresAt) });
        steps.push({ at, delta: quantity });
      } else if (event.type === 'HoldReleased' || event.type === 'HoldExpired') {
        end(`${event.streamId}/${(event.data as { holdId: string }).holdId}`, at);
      } else if (event.type === 'TicketsSold') {
        const data = event.data as Sold;
        end(`${event.streamId}/${data.holdId}`, at);
        steps.push({ at, delta: data.tickets.length });
        orders.set(data.orderId, (orders.get(data.orderId) ?? 0) + data.tickets.length);
        for (const ticket of data.tickets) {
          ticketsSold++;
          if (ticket.ticketNumber !== undefined) seen.set(ticket.ticketNumber, (seen.get(ticket.ticketNumber) ?? 0) + 1);
        }
      } else if (event.type === 'CapacityTransferredOut' || event.type === 'CapacityTransferredIn') {
        const { transferId, count } = event.data as { transferId: string; count: number };
        const out = event.type === 'CapacityTransferredOut';
        // Gone from the source group from its Out on (in transit, no group's, until its In lands).
        steps.push({ at, delta: out ? count : -count });
        byGroupMoved[group][out ? 'out' : 'in'] += count;
        const side = sides.get(transferId) ?? { out: 0, in: 0, count };
        side[out ? 'out' : 'in']++;
        sides.set(transferId, side);
      }
    }
    for (const [key, hold] of open) steps.push({ at: hold.expiresAt, delta: -hold.quantity }), void key;
    timelines.set(group, new Timeline(steps));
  }
  const unmatched = [...sides].filter(([, side]) => side.out !== 1 || side.in !== 1).map(([id, side]) => `${id}: ${side.out} out, ${side.in} in`);
  const transfers = { made: sides.size, tickets: [...sides.values()].reduce((n, side) => n + side.count, 0), byGroup: byGroupMoved, unmatched };
  return { ticketsSold, soldTwice: [...seen].filter(([, n]) => n > 1).map(([t]) => t), holdIds, orders, timelines, eventsByGroup, transfers };
}

export interface LossCheck {
  holdsChecked: number;
  ordersChecked: number;
  holdsMissingFromLog: string[];
  ordersMissingFromLog: string[];
  /** Orders their region does not answer with GET /v1/orders/:id as it acknowledged them. */
  ordersNotAnswered: string[];
}

/** Every acknowledged hold and order in the log, and every order answered by its region (waiting up to `waitMs` for a region to catch up). */
export async function checkLosses(reports: readonly CustomersReport[], facts: LogFacts, urlOf: (region: string) => string, waitMs = 60_000): Promise<LossCheck> {
  const result: LossCheck = { holdsChecked: 0, ordersChecked: 0, holdsMissingFromLog: [], ordersMissingFromLog: [], ordersNotAnswered: [] };
  for (const report of reports) {
    for (const hold of report.holds) {
      result.holdsChecked++;
      if (!facts.holdIds.has(hold.holdId)) result.holdsMissingFromLog.push(`${report.region} hold ${hold.holdId}`);
    }
    for (const order of report.orders) {
      if (facts.orders.get(order.orderId) !== order.tickets) result.ordersMissingFromLog.push(`${report.region} order ${order.orderId}: ${order.tickets} tickets acknowledged, ${facts.orders.get(order.orderId) ?? 0} in the log`);
    }
  }
  await Promise.all(reports.map(async (report) => {
    const url = urlOf(report.region);
    let pending = report.orders;
    const deadline = Date.now() + waitMs;
    for (;;) {
      const failed: typeof pending = [];
      const problems: string[] = [];
      let next = 0;
      await Promise.all(Array.from({ length: 8 }, async () => {
        while (next < pending.length) {
          const order = pending[next++];
          const answer = await request(url, 'GET', `/v1/orders/${order.orderId}`, { token: order.token }).catch(() => undefined);
          if (answer?.status === 200 && answer.body.tickets?.length === order.tickets) continue;
          failed.push(order);
          problems.push(`${report.region} order ${order.orderId}: ${answer ? `${answer.status} ${answer.status === 200 ? `${answer.body.tickets?.length} tickets` : ''}` : 'no answer'}`);
        }
      }));
      if (failed.length === 0 || Date.now() > deadline) {
        result.ordersNotAnswered.push(...problems);
        break;
      }
      pending = failed;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
  }));
  result.ordersChecked = reports.reduce((n, r) => n + r.orders.length, 0);
  return result;
}

export interface BoundCheck {
  /** Answers (a region, a second) with a status of 200. */
  answers: number;
  /** Requests that got no answer or another status. */
  unanswered: number;
  /** (answer, known group) pairs checked, and how many held lower ≤ true ≤ upper. */
  groupChecks: number;
  groupHeld: number;
  /** (answer, group) pairs the answer said were unknown. */
  groupUnknown: number;
  /** Answers whose overall [lower, upper] covered the true remaining of the groups they knew. */
  totalHeld: number;
  /**
   * The same per-group check, allowing the answer to be up to `toleranceMs` old: the bound covers the
   * true count at some moment within [request − tolerance, answer]. Event times are the writer's stamp
   * just before its quorum round trip, so the strict check (0 ms) can fail by that round trip alone.
   */
  heldWithin: Record<string, number>;
  /** The furthest a known group's true count lay outside its bound (tickets), strictly. */
  worstMiss: number;
  violations: string[];
  /** The widest bound (upper − lower) seen, and the mean. */
  widestBound: number;
  meanBound: number;
}

/**
 * Each answer's bound against the true remaining, computed from the clusters' logs: a group's
 * true remaining is its capacity at the start of the sale, less what is held or sold, less what
 * capacity transfers moved out and plus what they moved in, at some moment between the request
 * and its answer (the bound holds if it covers the true figure at any moment in that window).
 */
export function checkBounds(samples: readonly RemainingSample[], facts: LogFacts, capacityOf: Map<string, number>): BoundCheck {
  const tolerances = [250, 1_000, 2_000];
  const check: BoundCheck = { answers: 0, unanswered: 0, groupChecks: 0, groupHeld: 0, groupUnknown: 0, totalHeld: 0, heldWithin: Object.fromEntries(tolerances.map((t) => [`${t}ms`, 0])), worstMiss: 0, violations: [], widestBound: 0, meanBound: 0 };
  let widthSum = 0;
  const misses: Array<{ miss: number; line: string }> = [];
  for (const sample of samples) {
    if (sample.status !== 200 || !sample.body) {
      check.unanswered++;
      continue;
    }
    check.answers++;
    widthSum += sample.body.upper - sample.body.lower;
    check.widestBound = Math.max(check.widestBound, sample.body.upper - sample.body.lower);
    let trueMin = 0;
    let trueMax = 0;
    let lower = 0;
    let upper = 0;
    for (const group of sample.body.byGroup) {
      if (group.unknown) {
        check.groupUnknown++;
        continue;
      }
      const capacity = capacityOf.get(group.group) ?? 0;
      const taken = facts.timelines.get(group.group)?.range(sample.sentAt, sample.receivedAt) ?? { min: 0, max: 0 };
      // Most taken → least remaining, and the other way round.
      const least = capacity - taken.max;
      const most = capacity - taken.min;
      check.groupChecks++;
      for (const tolerance of tolerances) {
        const earlier = facts.timelines.get(group.group)?.range(sample.sentAt - tolerance, sample.receivedAt) ?? { min: 0, max: 0 };
        if (group.lower <= capacity - earlier.min && group.upper >= capacity - earlier.max) check.heldWithin[`${tolerance}ms`]++;
      }
      const miss = Math.max(0, group.lower - most, least - group.upper);
      check.worstMiss = Math.max(check.worstMiss, miss);
      if (miss === 0) check.groupHeld++;
      else misses.push({ miss, line: `${sample.region} at ${new Date(sample.sentAt).toISOString()}: ${group.group} [${group.lower}, ${group.upper}] (stale ${group.stale}, asOf ${group.asOf}) vs true ${least}..${most} (off by ${miss})` });
      trueMin += least;
      trueMax += most;
      lower += group.lower;
      upper += group.upper;
    }
    if (lower <= trueMax && upper >= trueMin) check.totalHeld++;
  }
  // The first few, then the furthest off.
  check.violations = [...misses.slice(0, 5), ...[...misses].sort((a, b) => b.miss - a.miss).slice(0, 15)].map((m) => m.line);
  check.meanBound = check.answers ? Math.round(widthSum / check.answers) : 0;
  return check;
}

export interface FairnessFigure {
  /** Pairs of requests where exactly one got a ticket and it was the later one (by arrival stamp). */
  unfair: number;
  /** Pairs where exactly one got a ticket. */
  pairs: number;
  /** unfair / pairs, in percent: 0 is first come, first served; 50 a lottery. */
  percent: number;
  /** Requests not served although a later one was (each is in at least one unfair pair). */
  wronged: number;
}

export interface Fairness {
  /**
   * Stamped hold answers of every region by kind (retries are requests of their own); `unstamped`
   * had no readable arrival-stamp; `givenUp` were still unanswered when the sale's customers stopped.
   */
  requests: { served: number; soldOut: number; unavailable: number; unstamped: number; givenUp: number };
  /** Served (201) against told sold out (409 seats_unavailable): did anyone who asked earlier hear "sold out" while a later one got tickets? */
  soldOut: FairnessFigure;
  /** The same with every 503 counted as not served too: what a fault costs the order of arrival. */
  withUnavailable: FairnessFigure;
}

/** The fairness figures over every region's stamped hold answers (O(n log n): one sort per figure). */
export function fairnessOf(reports: readonly CustomersReport[]): Fairness {
  const answers = reports.flatMap((r) => r.holdAnswers);
  const count = (outcome: string) => answers.filter((a) => a.outcome === outcome).length;
  const figure = (requests: Array<{ stamp: ArrivalStamp; served: boolean }>): FairnessFigure => {
    const { unfair, pairs } = unfairPairs(requests);
    let lastServed: ArrivalStamp | undefined;
    for (const r of requests) if (r.served && (!lastServed || compareStamps(r.stamp, lastServed) > 0)) lastServed = r.stamp;
    const wronged = lastServed ? requests.filter((r) => !r.served && compareStamps(r.stamp, lastServed!) < 0).length : 0;
    return { unfair, pairs, percent: pairs ? Math.round((unfair / pairs) * 1_000_000) / 10_000 : 0, wronged };
  };
  return {
    requests: { served: count('served'), soldOut: count('soldOut'), unavailable: count('unavailable'), unstamped: reports.reduce((n, r) => n + r.unstamped, 0), givenUp: reports.reduce((n, r) => n + r.holdsGivenUp, 0) },
    soldOut: figure(answers.filter((a) => a.outcome !== 'unavailable').map((a) => ({ stamp: a.stamp, served: a.outcome === 'served' }))),
    withUnavailable: figure(answers.map((a) => ({ stamp: a.stamp, served: a.outcome === 'served' }))),
  };
}

/** The longest time within [from, to] without an acknowledged write, and when it began. */
export function longestGap(acks: readonly number[], from: number, to: number): { ms: number; startedAt: number } {
  let best = { ms: 0, startedAt: from };
  let previous = from;
  for (const t of acks) {
    if (t < from || t > to) continue;
    if (t - previous > best.ms) best = { ms: t - previous, startedAt: previous };
    previous = t;
  }
  if (to - previous > best.ms) best = { ms: to - previous, startedAt: previous };
  return best;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
