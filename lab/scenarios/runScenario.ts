import type { DatacenterLab } from '../datacenterLab';
import { checkBounds, checkLosses, fairnessOf, logFacts, longestGap, percentile, readShowLog, type BoundCheck, type Fairness, type LogFacts, type LossCheck } from '../analysis';
import { RegionCustomers } from '../load/customers';
import { createFestival, request, sleep } from '../load/http';
import { MetricsScraper, RemainingProbe } from '../load/probes';
import type { Scenario } from './scenarios';

export interface RunOptions {
  /** Tickets in the festival (general admission, 64 shards). */
  capacity: number;
  shardCount: number;
  /** Concurrent customers per region. */
  customersPerRegion: number;
  /** When the fault goes in and how long it lasts, from the start of the sale. */
  faultAtMs: number;
  faultForMs: number;
  /** The sale stops here at the latest (sold out or not). */
  limitMs: number;
  log: (line: string) => void;
}

export interface RegionFigures {
  region: string;
  datacenter: string;
  holdsAcked: number;
  ordersAcked: number;
  ticketsSold: number;
  metrics: { holdsPlaced: number; ticketsSold: number; http503: number };
  /** During the fault (its first 5 s left out: the failover itself): writes acknowledged, 503s, requests without an answer. */
  fault?: { acks: number; acksAfterFailover: number; http503: number; noAnswer: number; keptSelling: boolean; gapMs: number; gapAt: string; firstAckAfterHealMs: number | undefined };
  longestGapMs: number;
  longestGapAt: string;
  holdP50Ms: number;
  holdP99Ms: number;
  /** Mean time for each cluster to acknowledge this region's appends (ms), from ticketing_store_append_seconds. */
  appendMeanMsByCluster: Record<string, number>;
  bad: string[];
  refusals: string[];
  /** Holds undone after a fault cut their first attempt short (the API asked for a new key; nothing was held). */
  keysSpent: number;
  /** Hold requests answered sold out (no shard with tickets this region could reach). */
  soldOutAnswers: number;
  /** Answers to the customers' writes by status (0: none), retries included. */
  statuses: Record<number, number>;
  retries: number;
  remainingAnswers: number;
  remainingUnanswered: number;
}

export interface ScenarioResult {
  scenario: string;
  description: string;
  fault?: string;
  startedAt: string;
  showId: string;
  capacity: number;
  saleMs: number;
  soldOut: boolean;
  faultWindow?: { fromMs: number; toMs: number; applied: string; healed: string };
  ticketsSoldInLog: number;
  ticketsAcknowledged: number;
  soldTwice: number;
  lost: LossCheck & { holdsLost: number; ordersLost: number };
  bound: Omit<BoundCheck, 'violations'> & { violations: string[]; heldPercent: number; unknownPercent: number };
  /** Unfair pairs by arrival stamp: among told sold out, and with 503s as not served too. */
  fairness: Fairness;
  leadersBefore: Record<string, string>;
  leadersAfterHeal: Record<string, string>;
  leadersMovedHome: string[];
  regions: RegionFigures[];
  eventsByGroup: Record<string, number>;
  /** Capacity transfers in the logs (the rebalancers' and the fault's), every Out matched by one In; and the fault's own outcome. */
  transfers: LogFacts['transfers'] & { maxInTransitSeen: number; inTransitAtEnd: number };
  faultOutcome?: string;
}

/** One scenario on a running lab: a festival of its own, customers in every region, the fault, the heal, then every check. */
export async function runScenario(lab: DatacenterLab, scenario: Scenario, options: RunOptions): Promise<ScenarioResult> {
  const { log } = options;
  const startedAt = new Date();
  const moved = await lab.leadersHome();
  if (moved.length) log(`leaders moved home: ${moved.join('; ')}`);
  const leadersBefore = await lab.leaders();
  const prefix = `${scenario.name.replace(/[^a-z0-9]/g, '')}${(Date.now() % 1_000_000).toString(36)}`;
  const urlOf = (region: string) => lab.api(region).url;
  const showId = await createFestival(urlOf(lab.regions[0]), lab.adminToken, prefix, { capacity: options.capacity, shardCount: options.shardCount, maxTicketsPerCustomer: 10 });
  // Every region sees the show, exactly: each group's capacity is its available count now.
  const capacityOf = new Map<string, number>();
  for (const region of lab.regions) {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const reply = await request(urlOf(region), 'GET', `/v1/shows/${showId}/remaining`).catch(() => undefined);
      // Nothing sold yet: every group known, the estimate the whole capacity (the bound may already be widening with age).
      const groups = reply?.body?.byGroup as Array<{ group: string; available: number; unknown: boolean }> | undefined;
      if (reply?.status === 200 && reply.body.estimate === options.capacity && groups?.every((g) => !g.unknown) && groups.reduce((n, g) => n + g.available, 0) === options.capacity) {
        for (const g of reply.body.byGroup as Array<{ group: string; available: number }>) capacityOf.set(g.group, g.available);
        break;
      }
      if (Date.now() > deadline) throw new Error(`${region} does not see ${showId} with all its tickets: ${JSON.stringify(reply?.body)}`);
      await sleep(250);
    }
  }
  log(`show ${showId}: ${options.capacity} tickets in ${options.shardCount} shards, by group ${JSON.stringify(Object.fromEntries(capacityOf))}`);

  const scraper = new MetricsScraper(lab.regions, urlOf, lab.adminToken);
  await scraper.start();
  const probe = new RemainingProbe(lab.regions, urlOf, showId);
  const crowds = lab.regions.map((region) => new RegionCustomers(region, () => urlOf(region), showId, options.customersPerRegion));
  const saleStart = Date.now();
  probe.start();
  for (const crowd of crowds) crowd.start();

  let faultWindow: ScenarioResult['faultWindow'];
  let leadersAfterHeal: Record<string, string> = {};
  let leadersMovedHome: string[] = [];
  let phase: 'before' | 'during' | 'after' = scenario.fault ? 'before' : 'after';
  let soldOut = false;
  let lastReport = saleStart;
  for (;;) {
    await sleep(250);
    const elapsed = Date.now() - saleStart;
    if (Date.now() - lastReport >= 10_000) {
      lastReport = Date.now();
      log(`  ${Math.round(elapsed / 1000)} s: ${crowds.map((c) => `${c.region} ${c.report.orders.reduce((n, o) => n + o.tickets, 0)}`).join(', ')} tickets sold; 503s ${crowds.map((c) => c.report.unavailableAt.length).join('/')}`);
    }
    if (scenario.fault && phase === 'before' && elapsed >= options.faultAtMs) {
      const applied = await scenario.fault.apply(lab, { showId });
      faultWindow = { fromMs: Date.now() - saleStart, toMs: 0, applied, healed: '' };
      phase = 'during';
      log(`  fault at ${Math.round(faultWindow.fromMs / 100) / 10} s: ${applied}`);
    }
    if (scenario.fault && phase === 'during' && elapsed >= options.faultAtMs + options.faultForMs) {
      const healed = await scenario.fault.heal(lab, { showId });
      faultWindow!.toMs = Date.now() - saleStart;
      faultWindow!.healed = healed;
      phase = 'after';
      log(`  healed at ${Math.round(faultWindow!.toMs / 100) / 10} s: ${healed}`);
    }
    // Sold out, once nothing is broken any more: every ticket bought, or every region's customers told so for 2 s.
    const now = Date.now();
    const bought = crowds.reduce((n, c) => n + c.report.orders.reduce((m, o) => m + o.tickets, 0), 0);
    if (phase === 'after' && (bought >= options.capacity || crowds.every((c) => c.soldOutSince !== undefined && now - c.soldOutSince >= 2_000))) {
      soldOut = true;
      break;
    }
    if (elapsed >= options.limitMs && phase !== 'during') break;
  }
  const saleEnd = Date.now();
  await Promise.all(crowds.map((c) => c.stop()));
  await probe.stop();
  await scraper.stop();
  log(`  sale over after ${Math.round((saleEnd - saleStart) / 1000)} s (${soldOut ? 'sold out' : 'time limit'}; customers and probes stopped ${((Date.now() - saleEnd) / 1000).toFixed(1)} s later)`);
  if (scenario.fault) {
    leadersAfterHeal = await lab.leaders();
    leadersMovedHome = await lab.leadersHome();
  }
  // Before the logs are read: a fault's own story may still be finishing (a transfer it cut short landing).
  const faultOutcome = await scenario.fault?.outcome?.(lab, { showId });
  if (faultOutcome) log(`  ${faultOutcome}`);

  // The truth: every shard group's log, read directly from its cluster.
  const byGroup = new Map<string, Awaited<ReturnType<typeof readShowLog>>>();
  for (const group of lab.topology.shardGroups) byGroup.set(group.cluster, await readShowLog(lab.controlEndpoints(group.cluster), lab.prefix, showId));
  const facts = logFacts(byGroup);
  const reports = crowds.map((c) => c.report);
  const losses = await checkLosses(reports, facts, urlOf);
  const bound = checkBounds(probe.samples, facts, capacityOf);

  const fromMs = faultWindow ? saleStart + faultWindow.fromMs : 0;
  const toMs = faultWindow ? saleStart + faultWindow.toMs : 0;
  const inFault = (t: number, skip = 0) => faultWindow !== undefined && t >= fromMs + skip && t <= toMs;
  const allAcks = crowds.flatMap((c) => c.ackTimes());
  const firstAck = Math.min(...allAcks);
  const lastAck = Math.max(...allAcks);
  const regions: RegionFigures[] = crowds.map((crowd) => {
    const report = crowd.report;
    const acks = crowd.ackTimes();
    const gap = longestGap(acks, firstAck, lastAck);
    const latencies = report.holds.map((h) => h.at - h.sentAt);
    const appendMeanMsByCluster: Record<string, number> = {};
    for (const cluster of scraper.labelValues(crowd.region, 'ticketing_store_append_seconds_count', 'cluster')) {
      const count = scraper.value(crowd.region, 'ticketing_store_append_seconds_count', { cluster });
      const sum = scraper.value(crowd.region, 'ticketing_store_append_seconds_sum', { cluster });
      if (count > 0) appendMeanMsByCluster[cluster] = Math.round((sum / count) * 1000 * 10) / 10;
    }
    const samples = probe.samples.filter((s) => s.region === crowd.region);
    const faultAcks = acks.filter((t) => inFault(t)).length;
    const acksAfterFailover = acks.filter((t) => inFault(t, 5_000)).length;
    return {
      region: crowd.region,
      datacenter: lab.api(crowd.region).datacenter,
      holdsAcked: report.holds.length,
      ordersAcked: report.orders.length,
      ticketsSold: report.orders.reduce((n, o) => n + o.tickets, 0),
      metrics: {
        holdsPlaced: scraper.value(crowd.region, 'ticketing_holds_total', { result: 'placed' }),
        ticketsSold: scraper.value(crowd.region, 'ticketing_tickets_sold_total'),
        http503: scraper.value(crowd.region, 'ticketing_http_errors_total', { status: '503' }),
      },
      fault: faultWindow
        ? {
            acks: faultAcks,
            acksAfterFailover,
            http503: report.unavailableAt.filter((t) => inFault(t)).length,
            noAnswer: report.noAnswerAt.filter((t) => inFault(t)).length,
            keptSelling: acksAfterFailover > 0,
            // The failover gap: the longest time without an acknowledged write from the fault to 15 s past the heal.
            ...(() => {
              const gap = longestGap(acks, fromMs, Math.min(toMs + 15_000, lastAck));
              return { gapMs: gap.ms, gapAt: `${Math.round((gap.startedAt - saleStart) / 100) / 10} s` };
            })(),
            firstAckAfterHealMs: (() => {
              const first = acks.find((t) => t > toMs);
              return first === undefined ? undefined : first - toMs;
            })(),
          }
        : undefined,
      longestGapMs: gap.ms,
      longestGapAt: `${Math.round((gap.startedAt - saleStart) / 100) / 10} s`,
      holdP50Ms: percentile(latencies, 50),
      holdP99Ms: percentile(latencies, 99),
      appendMeanMsByCluster,
      bad: report.bad.slice(0, 10),
      refusals: report.refusals.slice(0, 10),
      keysSpent: report.keysSpent,
      soldOutAnswers: report.soldOutAnswers,
      statuses: report.statuses,
      retries: report.retries,
      remainingAnswers: samples.filter((s) => s.status === 200).length,
      remainingUnanswered: samples.filter((s) => s.status !== 200).length,
    };
  });
  return {
    scenario: scenario.name,
    description: scenario.description,
    fault: scenario.fault?.what,
    startedAt: startedAt.toISOString(),
    showId,
    capacity: options.capacity,
    saleMs: saleEnd - saleStart,
    soldOut,
    faultWindow,
    ticketsSoldInLog: facts.ticketsSold,
    ticketsAcknowledged: regions.reduce((n, r) => n + r.ticketsSold, 0),
    soldTwice: facts.soldTwice.length,
    lost: {
      ...losses,
      holdsLost: losses.holdsMissingFromLog.length,
      ordersLost: new Set([...losses.ordersMissingFromLog, ...losses.ordersNotAnswered].map((line) => line.split(':')[0])).size,
    },
    bound: {
      ...bound,
      heldPercent: bound.groupChecks ? Math.round((bound.groupHeld / bound.groupChecks) * 10_000) / 100 : 100,
      unknownPercent: bound.groupChecks + bound.groupUnknown ? Math.round((bound.groupUnknown / (bound.groupChecks + bound.groupUnknown)) * 10_000) / 100 : 0,
    },
    fairness: fairnessOf(reports),
    leadersBefore,
    leadersAfterHeal,
    leadersMovedHome,
    regions,
    eventsByGroup: facts.eventsByGroup,
    transfers: {
      ...facts.transfers,
      maxInTransitSeen: Math.max(0, ...probe.samples.map((s) => s.body?.inTransit ?? 0)),
      inTransitAtEnd: facts.transfers.unmatched.length,
    },
    ...(faultOutcome ? { faultOutcome } : {}),
  };
}
