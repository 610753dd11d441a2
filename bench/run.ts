/**
 * `npm run bench`: the whole suite over HTTP, against the built API in its own
 * process, with autocannon in another (see bench/http). Each scenario measures its
 * own baseline in the same run, so the ratios hold on a noisy shared machine:
 *   1. HTTP floor: GET /health
 *   2. general-admission holds, and hold + purchase, on one hot show; then holds paced at
 *      half the rate reached, after a lead-in at that rate reported apart
 *   3. seated contention: best-available holds racing on an arena show
 *   4. reads: a section's seat map and availability
 *   5. sell-out of the 1,000,000-ticket festival, then `audit verify`
 *   7. bots (`--only bots`): a scripted bot (50 connections, unlimited identities) beside 200
 *      simulated humans on a hot on-sale, and on the same show not marked hot as the baseline;
 *      and waiting-room joins per second (is 100,000 joins a minute feasible?)
 *   6. rebuild of every projection from the sell-out's log, three times in the same server
 *      (the median is the figure; the first, the slowest, is reported beside it)
 * Prints a table, writes bench/results/latest.json and bench/results/latest.svg.
 * Usage: npm run bench [-- --quick] [-- --only floor,holds,seated,reads,sellout] [-- --tickets N] [-- --no-build] [-- --store etcd]
 *   --tickets N sells a general-admission show of N tickets instead of the festival (quick: 40,000).
 *   --store etcd starts a local 3-member etcd cluster: (2) runs on it and on the embedded store
 *   in alternating slices, and (5)-(6) sell out, audit and rebuild on the cluster's log
 *   (results in bench/results/latest-etcd.json). The floor, seated race and reads stay embedded.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { EtcdEventStore, SqliteEventStore, type EventStore, type LogPosition } from '../libs/event-store/src';
import { LocalEtcdCluster } from '../libs/event-store/src/etcd/testing/localEtcdCluster';
import { runInterleaved, runLoad } from './http/loadGenerator';
import type { LoadResult, LoadSpec } from './http/loadSpec';
import { startServer, type RunningServer } from './http/serverProcess';
import { renderChart } from './report/chart';
import { printTable, type Row } from './report/table';
import { median } from './report/median';
import { BOT_CONNECTIONS, CAPACITY, HUMANS, createShow, measureJoins, runOnSale, servedInOrder, type RunOutcome } from './bots/botsScenario';

const quick = process.argv.includes('--quick');
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? new Set(process.argv[onlyArg + 1].split(',')) : undefined;
const wanted = (name: string): boolean => !only || only.has(name);
const ticketsArg = process.argv.indexOf('--tickets');
const storeArg = process.argv.indexOf('--store');
const store = storeArg >= 0 ? process.argv[storeArg + 1] : 'embedded';
if (store !== 'embedded' && store !== 'etcd') throw new Error(`--store takes embedded or etcd, got ${store}`);
/** The cluster of a `--store etcd` run. */
let cluster: LocalEtcdCluster | undefined;

// Seconds per slice; a scenario and its baseline alternate slice by slice for `rounds` rounds.
const SIZES = quick
  ? { rounds: 2, floor: 2, holds: 2, latency: 4, leadIn: 1, buy: 2, seated: 2, reads: 2, connections: 64, selloutTickets: 40_000, selloutConnections: 96, rebuilds: 1 }
  : { rounds: 4, floor: 3, holds: 3, latency: 10, leadIn: 2, buy: 3, seated: 3, reads: 3, connections: 64, selloutTickets: 1_000_000, selloutConnections: 128, rebuilds: 3 };
const FESTIVAL = 'festival-2027';
const ROOT = resolve(__dirname, '..');
const RESULTS = join(__dirname, 'results');

type Figures = Record<string, number | string | boolean>;
const results: Record<string, Figures> = {};
const rows: Row[] = [];

const round = (n: number, digits = 0): number => Number(n.toFixed(digits));
const log = (line: string): void => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

async function main(): Promise<void> {
  const startedAt = new Date();
  const dirs: string[] = [];
  const fresh = (name: string): string => {
    const dir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
    dirs.push(dir);
    return dir;
  };
  try {
    if (!process.argv.includes('--no-build') && buildIsStale()) {
      log('building the API (nest build api)');
      execFileSync(process.execPath, [join(ROOT, 'node_modules/@nestjs/cli/bin/nest.js'), 'build', 'api'], { cwd: ROOT, stdio: 'inherit' });
    }
    if (store === 'etcd') {
      cluster = await LocalEtcdCluster.start({ size: 3, name: 'bench' });
      log(`etcd: a 3-member cluster on this machine (${cluster.endpointList}), members fsync before they acknowledge`);
      if (wanted('holds')) await clusterHoldsScenario(fresh('api'), fresh('api-etcd'));
      if (wanted('sellout')) await selloutScenario(fresh('sellout'));
    } else if (['floor', 'holds', 'seated', 'reads'].some(wanted)) {
      const server = await startServer(fresh('api'));
      try {
        const arena = await arenaShowId(server);
        const floor = await measureFloor(server);
        if (wanted('holds')) await holdsScenario(server, floor);
        if (wanted('seated')) await seatedScenario(server, arena);
        if (wanted('reads')) await readsScenario(server, arena);
      } finally {
        await server.stop();
      }
    }
    if (store === 'embedded' && wanted('sellout')) await selloutScenario(fresh('sellout'));
    if (store === 'embedded' && only?.has('bots')) await botsScenario(fresh('bots'), fresh('joins'));
  } finally {
    await cluster?.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    quick,
    machine: machine(),
    durability:
      store === 'etcd'
        ? 'etcd: every hold and sale is fsynced by a majority of the 3 members (all on this machine) before its 201; embedded: synchronous=FULL'
        : 'synchronous=FULL: every hold and sale is fsynced before its 201',
    store,
    scenarios: results,
  };
  mkdirSync(RESULTS, { recursive: true });
  // A bots-only run has figures of its own and leaves the full run's files as they are.
  const botsOnly = only?.size === 1 && only.has('bots');
  const suffix = `${store === 'etcd' ? '-etcd' : ''}${botsOnly ? '-bots' : ''}${quick ? '-quick' : ''}`;
  writeFileSync(join(RESULTS, `latest${suffix}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(RESULTS, `latest${suffix}.svg`), renderChart(rows, report.machine, quick));
  console.log('');
  printTable(rows);
  console.log('');
  console.log(`machine: ${report.machine.cpus} × ${report.machine.cpuModel}, Node ${report.machine.node}; wrote bench/results/latest${suffix}.json and latest${suffix}.svg`);
}

const floorSpec = (server: RunningServer): LoadSpec => ({ kind: 'get', url: server.url, paths: ['/health'], connections: SIZES.connections, seconds: SIZES.floor });

/** (1) The ceiling for any endpoint: the same app answering GET /health. */
async function measureFloor(server: RunningServer): Promise<LoadResult> {
  const floor = await runLoad({ ...floorSpec(server), seconds: SIZES.floor * SIZES.rounds });
  log(`floor: GET /health ${round(floor.perSecond)} req/s, p99 ${floor.latency.p99.toFixed(1)} ms`);
  results.floor = { requestsPerSecond: round(floor.perSecond), p50Ms: round(floor.latency.p50, 1), p99Ms: round(floor.latency.p99, 1), connections: SIZES.connections };
  rows.push({ scenario: '1 floor', measure: 'GET /health', perSecond: floor.perSecond, p50: floor.latency.p50, p99: floor.latency.p99, baseline: floor.perSecond, note: 'the ceiling' });
  return floor;
}

/** (2) General admission on one hot show: holds alone, holds at half that rate, then hold + purchase. */
async function holdsScenario(server: RunningServer, firstFloor: LoadResult): Promise<void> {
  const base = { kind: 'holds' as const, url: server.url, showId: FESTIVAL, dataDir: server.dataDir, adminToken: server.adminToken, quantity: [1, 10] as [number, number] };
  const [floor, holds, buy] = await runInterleaved(
    [floorSpec(server), { ...base, connections: SIZES.connections, seconds: SIZES.holds, purchase: false }, { ...base, connections: SIZES.connections, seconds: SIZES.buy, purchase: true }],
    SIZES.rounds,
  );
  log(`holds baseline: GET /health ${round(floor.perSecond)} req/s in the same rounds`);
  const hold = holds.byKind.hold;
  const granted = hold.statuses['201'] ?? 0;
  log(`holds: ${round(hold.perSecond)}/s (${granted} granted), p50 ${hold.latency.p50.toFixed(1)} ms, p99 ${hold.latency.p99.toFixed(1)} ms`);
  const halfRate = Math.max(1, Math.round(hold.perSecond / 2));
  const paced = await runLoad({ ...base, connections: SIZES.connections, seconds: SIZES.latency, leadInSeconds: SIZES.leadIn, purchase: false, rate: halfRate });
  const pacedHold = paced.byKind.hold;
  const bySecond = paced.p99BySecond ?? [];
  const sendLag = paced.sendLagBySecond ?? [];
  const bySecondText = bySecond.map((p) => p.toFixed(0)).join(' ');
  const sendLagText = sendLag.map((l) => l.toFixed(0)).join(' ');
  log(
    `holds at ${halfRate}/s: p50 ${pacedHold.latency.p50.toFixed(1)} ms, p99 ${pacedHold.latency.p99.toFixed(1)} ms (worst second ${Math.max(...bySecond).toFixed(1)} ms); ` +
      `the ${SIZES.leadIn} s lead-in before them: p99 ${paced.leadIn?.p99.toFixed(1)} ms`,
  );
  log(`  p99 by second: ${bySecondText} ms; the load generator's worst lag behind its schedule by second: ${sendLagText} ms`);
  const buyHold = buy.byKind.hold;
  const purchase = buy.byKind.purchase ?? { perSecond: 0, latency: { p50: 0, p99: 0 }, statuses: {} };
  log(`hold + purchase: ${round(buyHold.perSecond)} holds/s, ${round(purchase.perSecond)} purchases/s, ${buy.ticketsSold} tickets sold`);
  const failures = holds.firstErrors.length + paced.firstErrors.length + buy.firstErrors.length;
  results.holds = {
    floorRequestsPerSecond: round(floor.perSecond),
    holdsPerSecond: round(hold.perSecond),
    holdsVsFloor: round(hold.perSecond / floor.perSecond, 3),
    holdP50Ms: round(hold.latency.p50, 1),
    holdP99Ms: round(hold.latency.p99, 1),
    halfRatePerSecond: halfRate,
    halfRateAchievedPerSecond: round(pacedHold.perSecond),
    halfRateP50Ms: round(pacedHold.latency.p50, 1),
    halfRateP99Ms: round(pacedHold.latency.p99, 1),
    halfRateWorstSecondP99Ms: round(Math.max(...bySecond), 1),
    halfRateP99BySecondMs: bySecondText,
    halfRateGeneratorLagBySecondMs: sendLagText,
    halfRateLeadInSeconds: SIZES.leadIn,
    halfRateLeadInP99Ms: round(paced.leadIn?.p99 ?? 0, 1),
    pairHoldsPerSecond: round(buyHold.perSecond),
    purchasesPerSecond: round(purchase.perSecond),
    purchaseP50Ms: round(purchase.latency.p50, 1),
    purchaseP99Ms: round(purchase.latency.p99, 1),
    purchasesVsFloor: round(purchase.perSecond / floor.perSecond, 3),
    ticketsSold: buy.ticketsSold,
    unexpectedResponses: failures,
    connections: SIZES.connections,
    firstFloorRequestsPerSecond: round(firstFloor.perSecond),
  };
  for (const e of [...holds.firstErrors, ...paced.firstErrors, ...buy.firstErrors].slice(0, 5)) log(`  unexpected: ${e}`);
  rows.push(
    { scenario: '2 GA holds', measure: 'POST holds (1-10 tickets)', perSecond: hold.perSecond, p50: hold.latency.p50, p99: hold.latency.p99, baseline: floor.perSecond, note: 'target ≥35% of floor' },
    { scenario: '2 GA holds', measure: `holds paced at ${halfRate}/s`, perSecond: pacedHold.perSecond, p50: pacedHold.latency.p50, p99: pacedHold.latency.p99, baseline: floor.perSecond, note: `target p99 < 50 ms; ${SIZES.leadIn} s lead-in p99 ${(paced.leadIn?.p99 ?? 0).toFixed(0)} ms` },
    { scenario: '2 GA hold+buy', measure: 'holds in hold→purchase', perSecond: buyHold.perSecond, p50: buyHold.latency.p50, p99: buyHold.latency.p99, baseline: floor.perSecond },
    { scenario: '2 GA hold+buy', measure: 'purchases', perSecond: purchase.perSecond, p50: purchase.latency.p50, p99: purchase.latency.p99, baseline: floor.perSecond },
  );
}

/** (3) Seated contention: everyone asks for the best available seats of one arena show at once. */
async function seatedScenario(server: RunningServer, arena: string): Promise<void> {
  const [floor, run] = await runInterleaved(
    [
      floorSpec(server),
      {
        kind: 'holds',
        url: server.url,
        showId: arena,
        dataDir: server.dataDir,
        adminToken: server.adminToken,
        quantity: [1, 4],
        purchase: true,
        connections: SIZES.connections,
        seconds: SIZES.seated,
      },
    ],
    SIZES.rounds,
  );
  const hold = run.byKind.hold;
  const granted = hold.statuses['201'] ?? 0;
  const conflicts = hold.statuses['409'] ?? 0;
  const audited = await auditedSeats(server, arena);
  log(`seated: ${round(hold.perSecond)} hold requests/s (${granted} granted, ${conflicts} lost a race or found nothing), ${run.ticketsSold} seats sold; double sales: ${run.doubleSoldSeats} in responses, ${audited.doubles} in the audit`);
  results.seated = {
    floorRequestsPerSecond: round(floor.perSecond),
    holdRequestsPerSecond: round(hold.perSecond),
    holdsGrantedPerSecond: round(granted / run.seconds),
    holdsVsFloor: round(hold.perSecond / floor.perSecond, 3),
    holdP50Ms: round(hold.latency.p50, 1),
    holdP99Ms: round(hold.latency.p99, 1),
    conflicts,
    seatsSold: run.ticketsSold,
    seatsInAudit: audited.seats,
    doubleSalesInResponses: run.doubleSoldSeats,
    doubleSalesInAudit: audited.doubles,
    unexpectedResponses: run.firstErrors.length,
  };
  for (const e of run.firstErrors.slice(0, 5)) log(`  unexpected: ${e}`);
  rows.push({
    scenario: '3 seated race',
    measure: 'best-available holds',
    perSecond: hold.perSecond,
    p50: hold.latency.p50,
    p99: hold.latency.p99,
    baseline: floor.perSecond,
    note: `${run.doubleSoldSeats + audited.doubles} double sales`,
  });
}

/** (4) Reads under load: one section's seat map, and availability. */
async function readsScenario(server: RunningServer, arena: string): Promise<void> {
  // Browsers ask for compressed pages; the load generator does the same.
  const headers = { 'accept-encoding': 'gzip, deflate, br' };
  const read = (path: string): LoadSpec => ({ kind: 'get', url: server.url, paths: [path], connections: SIZES.connections, seconds: SIZES.reads, headers });
  const [floor, seats, availability, festival] = await runInterleaved(
    [floorSpec(server), read(`/v1/shows/${arena}/seats?section=A`), read(`/v1/shows/${arena}/availability`), read(`/v1/shows/${FESTIVAL}/availability`)],
    SIZES.rounds,
  );
  const ok = (r: LoadResult): number => Object.entries(r.byKind).reduce((n, [, k]) => n + (k.statuses['200'] ?? 0), 0);
  for (const [name, r] of [['seat map', seats], ['availability', availability], ['festival availability', festival]] as const) {
    log(`${name}: ${round(r.perSecond)} req/s (${ok(r)} ok), p99 ${r.latency.p99.toFixed(1)} ms, ${((r.perSecond / floor.perSecond) * 100).toFixed(0)}% of floor`);
  }
  results.reads = {
    floorRequestsPerSecond: round(floor.perSecond),
    seatMapPerSecond: round(seats.perSecond),
    seatMapP99Ms: round(seats.latency.p99, 1),
    seatMapVsFloor: round(seats.perSecond / floor.perSecond, 3),
    availabilityPerSecond: round(availability.perSecond),
    availabilityP99Ms: round(availability.latency.p99, 1),
    availabilityVsFloor: round(availability.perSecond / floor.perSecond, 3),
    festivalAvailabilityPerSecond: round(festival.perSecond),
    festivalAvailabilityP99Ms: round(festival.latency.p99, 1),
    festivalAvailabilityVsFloor: round(festival.perSecond / floor.perSecond, 3),
    non200: seats.requests + availability.requests + festival.requests - ok(seats) - ok(availability) - ok(festival),
  };
  rows.push(
    { scenario: '4 reads', measure: 'seat map, one section', perSecond: seats.perSecond, p50: seats.latency.p50, p99: seats.latency.p99, baseline: floor.perSecond, note: 'target ≥60% of floor' },
    { scenario: '4 reads', measure: 'availability (arena)', perSecond: availability.perSecond, p50: availability.latency.p50, p99: availability.latency.p99, baseline: floor.perSecond, note: 'target ≥60% of floor' },
    { scenario: '4 reads', measure: 'availability (festival)', perSecond: festival.perSecond, p50: festival.latency.p50, p99: festival.latency.p99, baseline: floor.perSecond },
  );
}

/** (5) Sell-out of the festival over HTTP, then (6) a rebuild of every projection and `audit verify` on its log. */
async function selloutScenario(dir: string): Promise<void> {
  const server = await startServer(dir, storeEnv());
  let showId = FESTIVAL;
  let serverPeak = 0;
  let head = 0;
  /** Each rebuild's wall time, in the order they ran: the first in a server process is the slowest. */
  const rebuilds: number[] = [];
  let sold = 0;
  let run: LoadResult;
  try {
    const tickets = ticketsArg >= 0 ? Number(process.argv[ticketsArg + 1]) : SIZES.selloutTickets;
    if (tickets !== 1_000_000) showId = await scheduleSmallFestival(server, tickets);
    const capacity = (await getJson<{ capacity: number }>(server, `/v1/shows/${showId}/availability`)).capacity;
    log(`sell-out: ${capacity.toLocaleString('en-US')} tickets of ${showId}, ${SIZES.selloutConnections} connections, orders of 1-10 tickets, each held then bought`);
    run = await runLoad(
      {
        kind: 'holds',
        url: server.url,
        showId,
        dataDir: server.dataDir,
        adminToken: server.adminToken,
        quantity: [1, 10],
        purchase: true,
        untilSoldOut: true,
        connections: SIZES.selloutConnections,
        seconds: 900,
      },
      (p) => log(`  sell-out ${p.seconds.toFixed(0)} s: ${p.ticketsSold.toLocaleString('en-US')} tickets sold (${Math.round(p.ticketsSold / p.seconds).toLocaleString('en-US')}/s)`),
    );
    const sellSeconds = run.seconds;
    log(`sold ${run.ticketsSold.toLocaleString('en-US')} tickets in ${sellSeconds.toFixed(1)} s (${round(run.ticketsSold / sellSeconds)}/s), ${run.orders} orders`);
    for (const e of run.firstErrors.slice(0, 5)) log(`  unexpected: ${e}`);
    // The read model must agree once it has caught up.
    const availability = await waitForCaughtUp(server, showId);
    sold = availability.sold;
    serverPeak = server.peakRss();

    for (let i = 0; i < SIZES.rebuilds; i++) {
      const rebuildStarted = process.hrtime.bigint();
      await postJson(server, '/v1/admin/projections/all/rebuild');
      await waitForRebuild(server);
      rebuilds.push(Number(process.hrtime.bigint() - rebuildStarted) / 1e9);
    }
    serverPeak = Math.max(serverPeak, server.peakRss());
    results.sellout = {
      showId,
      capacity,
      ticketsSold: run.ticketsSold,
      ticketsSoldInReadModel: sold,
      orders: run.orders,
      sellSeconds: round(sellSeconds, 1),
      ticketsPerSecond: round(run.ticketsSold / sellSeconds),
      ordersPerSecond: round(run.orders / sellSeconds),
      requestsPerSecond: round(run.perSecond),
      holdP99Ms: round(run.byKind.hold?.latency.p99 ?? 0, 1),
      purchaseP99Ms: round(run.byKind.purchase?.latency.p99 ?? 0, 1),
      serverPeakRssMB: round(serverPeak / 2 ** 20),
      connections: SIZES.selloutConnections,
      unexpectedResponses: run.firstErrors.length,
    };
  } finally {
    await server.stop();
  }

  // Baseline for the log replays: reading and decoding the log, nothing applied.
  const scan = await scanLog(cluster ? await EtcdEventStore.connect({ endpoints: cluster.endpoints, prefix: storeEnv().ETCD_PREFIX }) : new SqliteEventStore({ file: join(dir, 'events.db') }));
  head = scan.events;
  const audit = await auditVerify(dir);
  log(`audit verify: ${audit.seconds.toFixed(1)} s, exit ${audit.exitCode}, ${audit.ticketsSold.toLocaleString('en-US')} tickets verified, ${audit.violations} violations`);
  const rebuildSeconds = median(rebuilds);
  log(
    `rebuild: ${head.toLocaleString('en-US')} events, ${rebuilds.map((r) => `${r.toFixed(1)} s`).join(', ')}: median ${round(head / rebuildSeconds)}/s, first ${round(head / rebuilds[0])}/s; bare scan ${round(scan.events / scan.seconds)}/s`,
  );
  Object.assign(results.sellout, {
    auditSeconds: round(audit.seconds, 1),
    auditExitCode: audit.exitCode,
    auditTicketsVerified: audit.ticketsSold,
    violations: audit.violations,
    logEvents: head,
    scanEventsPerSecond: round(scan.events / scan.seconds),
  });
  results.rebuild = {
    events: head,
    seconds: round(rebuildSeconds, 1),
    eventsPerSecond: round(head / rebuildSeconds),
    runsSeconds: rebuilds.map((r) => r.toFixed(2)).join(', '),
    firstSeconds: round(rebuilds[0], 1),
    firstEventsPerSecond: round(head / rebuilds[0]),
    scanEventsPerSecond: round(scan.events / scan.seconds),
    rebuildVsScan: round(scan.seconds / rebuildSeconds, 3),
  };
  const s = results.sellout;
  rows.push(
    {
      scenario: cluster ? '5 sell-out (etcd)' : '5 sell-out',
      measure: `${Number(s.capacity).toLocaleString('en-US')} tickets, hold→buy`,
      perSecond: Number(s.ticketsPerSecond),
      p50: 0,
      p99: Number(s.holdP99Ms),
      unit: 'tickets/s',
      note: `${s.sellSeconds} s, RSS ${s.serverPeakRssMB} MB`,
    },
    { scenario: cluster ? '5 audit verify (etcd)' : '5 audit verify', measure: `${head.toLocaleString('en-US')} events`, perSecond: head / audit.seconds, unit: 'events/s', baseline: scan.events / scan.seconds, note: `${audit.seconds.toFixed(1)} s, ${audit.violations} violations` },
    { scenario: cluster ? '6 rebuild (etcd)' : '6 rebuild', measure: 'all projections', perSecond: head / rebuildSeconds, unit: 'events/s', baseline: scan.events / scan.seconds, note: rebuilds.length > 1 ? `median of ${rebuilds.length}: ${rebuildSeconds.toFixed(1)} s; first ${rebuilds[0].toFixed(1)} s` : `${rebuildSeconds.toFixed(1)} s` },
  );
}

/** The server's settings for the store of this run: the cluster's, or none (the embedded store). */
/**
 * (7) Bots kept out, humans let in: the same crowd (a bot, 200 humans) on a show not marked
 * hot (the baseline) and on a hot on-sale, in one server with every limit on; then joins per
 * second into one waiting room, limits off. Asked for by name only (`--only bots`).
 */
async function botsScenario(dir: string, joinsDir: string): Promise<void> {
  const powDifficulty = 14;
  const server = await startServer(dir, { RATE_LIMITS: 'on', SEED_DEMO: 'false', POW_DIFFICULTY: String(powDifficulty) });
  const runs: RunOutcome[] = [];
  try {
    for (const hot of [false, true]) {
      const showId = await createShow(server, hot ? 'hot' : 'baseline');
      log(`bots: ${hot ? 'hot on-sale' : 'baseline (not hot)'} on ${showId}: ${CAPACITY} tickets, a bot with ${BOT_CONNECTIONS} connections and ${HUMANS} humans`);
      runs.push(await runOnSale(server, showId, hot, powDifficulty));
    }
  } finally {
    await server.stop();
  }
  const figures: Figures = { capacity: CAPACITY, humans: HUMANS, botConnections: BOT_CONNECTIONS, powDifficultyInBench: powDifficulty };
  for (const run of runs) {
    const name = run.hot ? 'hot' : 'baseline';
    const sold = run.botTickets + run.humanTickets;
    const botShare = sold ? run.botTickets / sold : 0;
    const served = run.humans.filter((h) => h.tickets > 0).length;
    const order = servedInOrder(run.humans);
    const refusals = Object.entries(run.botRefusals).sort((a, b) => b[1] - a[1]).map(([code, n]) => `${code}: ${n}`).join(', ');
    const humanRefusals = new Map<string, number>();
    for (const h of run.humans) if (h.refusal) humanRefusals.set(h.refusal, (humanRefusals.get(h.refusal) ?? 0) + 1);
    log(
      `bots ${name}: bot ${run.botTickets} tickets (${(botShare * 100).toFixed(1)}% of ${sold} sold) with ${run.botIdentities} identities; ` +
        `humans ${run.humanTickets} tickets, ${served}/${HUMANS} served; ${run.seconds.toFixed(0)} s`,
    );
    log(`  bot refused: ${refusals || 'never'}`);
    if (humanRefusals.size) log(`  humans refused: ${[...humanRefusals].map(([r, n]) => `${r}: ${n}`).join(', ')}`);
    if (run.hot) log(`  humans' wait in the room: p50 ${run.humanWaitP50.toFixed(1)} s, p95 ${run.humanWaitP95.toFixed(1)} s; admitted out of queue order: ${order.admittedOutOfOrder}; unserved ahead of a served human: ${order.unservedBeforeServed}`);
    Object.assign(figures, {
      [`${name}BotTickets`]: run.botTickets,
      [`${name}HumanTickets`]: run.humanTickets,
      [`${name}BotSharePercent`]: round(botShare * 100, 1),
      [`${name}HumansServed`]: served,
      [`${name}BotIdentities`]: run.botIdentities,
      [`${name}BotRefusals`]: refusals,
      [`${name}Seconds`]: round(run.seconds, 1),
      ...(run.hot ? { hotAdmittedOutOfOrder: order.admittedOutOfOrder, hotUnservedAheadOfServed: order.unservedBeforeServed, hotHumanWaitP50Seconds: round(run.humanWaitP50, 1), hotHumanWaitP95Seconds: round(run.humanWaitP95, 1) } : {}),
    });
    rows.push({ scenario: '7 bots', measure: `${name}: bot's share of tickets`, perSecond: botShare * 100, unit: '%', note: `${served}/${HUMANS} humans served${run.hot ? '; target bot < 5%' : ''}` });
  }
  // Joins into one waiting room, limits off: one append per batch keeps a rush cheap.
  const joinsServer = await startServer(joinsDir, { RATE_LIMITS: 'off', SEED_DEMO: 'false', POW_DIFFICULTY: '0' });
  try {
    const count = quick ? 5_000 : 20_000;
    const joins = await measureJoins(joinsServer, count, SIZES.connections);
    log(`bots: ${count} waiting-room joins at ${round(joins.perSecond)}/s (${round(joins.perSecond * 60)} a minute), p50 ${joins.p50.toFixed(1)} ms, p99 ${joins.p99.toFixed(1)} ms, ${joins.errors} errors`);
    Object.assign(figures, { joinsPerSecond: round(joins.perSecond), joinsPerMinute: round(joins.perSecond * 60), joinP50Ms: round(joins.p50, 1), joinP99Ms: round(joins.p99, 1), joinErrors: joins.errors });
    rows.push({ scenario: '7 bots', measure: 'waiting-room joins', perSecond: joins.perSecond, p50: joins.p50, p99: joins.p99, baseline: 100_000 / 60, note: 'baseline: 100,000 a minute' });
  } finally {
    await joinsServer.stop();
  }
  results.bots = figures;
}

function storeEnv(): Record<string, string> {
  return cluster ? { EVENT_STORE: 'etcd', ETCD_ENDPOINTS: cluster.endpointList, ETCD_PREFIX: 'bench/' } : {};
}

/**
 * (2) on a cluster: general-admission holds on the embedded store and on the 3-member
 * etcd cluster, in alternating slices so both see the same machine; then holds on the
 * cluster paced at half the rate it reached; then hold + purchase on both.
 */
async function clusterHoldsScenario(embeddedDir: string, etcdDir: string): Promise<void> {
  const embedded = await startServer(embeddedDir);
  const etcd = await startServer(etcdDir, { ...storeEnv(), ETCD_PREFIX: 'bench-holds/' });
  try {
    const spec = (server: RunningServer, purchase: boolean): Extract<LoadSpec, { kind: 'holds' }> => ({
      kind: 'holds',
      url: server.url,
      showId: FESTIVAL,
      dataDir: server.dataDir,
      adminToken: server.adminToken,
      quantity: [1, 10],
      purchase,
      connections: SIZES.connections,
      seconds: purchase ? SIZES.buy : SIZES.holds,
    });
    const [localHolds, clusterHolds, localBuy, clusterBuy] = await runInterleaved([spec(embedded, false), spec(etcd, false), spec(embedded, true), spec(etcd, true)], SIZES.rounds);
    const local = localHolds.byKind.hold;
    const remote = clusterHolds.byKind.hold;
    log(`  answers: embedded ${JSON.stringify(local.statuses)}, etcd ${JSON.stringify(remote.statuses)}`);
    log(`holds: embedded ${round(local.perSecond)}/s (p50 ${local.latency.p50.toFixed(1)}, p99 ${local.latency.p99.toFixed(1)} ms); etcd ${round(remote.perSecond)}/s (p50 ${remote.latency.p50.toFixed(1)}, p99 ${remote.latency.p99.toFixed(1)} ms): ${((remote.perSecond / local.perSecond) * 100).toFixed(1)}%`);
    const halfRate = Math.max(1, Math.round(remote.perSecond / 2));
    const paced = await runLoad({ ...spec(etcd, false), seconds: SIZES.latency, leadInSeconds: SIZES.leadIn, rate: halfRate });
    const pacedHold = paced.byKind.hold;
    const bySecond = paced.p99BySecond ?? [];
    log(`etcd holds at ${halfRate}/s: p50 ${pacedHold.latency.p50.toFixed(1)} ms, p99 ${pacedHold.latency.p99.toFixed(1)} ms (worst second ${Math.max(...bySecond).toFixed(1)} ms); lead-in p99 ${paced.leadIn?.p99.toFixed(1)} ms`);
    const buyOf = (r: LoadResult) => ({ hold: r.byKind.hold, purchase: r.byKind.purchase ?? { perSecond: 0, latency: { p50: 0, p99: 0 }, statuses: {} } });
    const lb = buyOf(localBuy);
    const cb = buyOf(clusterBuy);
    log(`hold + purchase: embedded ${round(lb.purchase.perSecond)} purchases/s, etcd ${round(cb.purchase.perSecond)} purchases/s (${((cb.purchase.perSecond / lb.purchase.perSecond) * 100).toFixed(1)}%)`);
    const unexpected = [...localHolds.firstErrors, ...clusterHolds.firstErrors, ...paced.firstErrors, ...localBuy.firstErrors, ...clusterBuy.firstErrors];
    for (const e of unexpected.slice(0, 5)) log(`  unexpected: ${e}`);
    results.holds = {
      embeddedHoldsPerSecond: round(local.perSecond),
      embeddedHoldP50Ms: round(local.latency.p50, 1),
      embeddedHoldP99Ms: round(local.latency.p99, 1),
      etcdHoldsPerSecond: round(remote.perSecond),
      etcdHoldP50Ms: round(remote.latency.p50, 1),
      etcdHoldP99Ms: round(remote.latency.p99, 1),
      etcdVsEmbedded: round(remote.perSecond / local.perSecond, 3),
      etcdPacedRate: halfRate,
      etcdPacedP50Ms: round(pacedHold.latency.p50, 1),
      etcdPacedP99Ms: round(pacedHold.latency.p99, 1),
      etcdPacedWorstSecondP99Ms: round(Math.max(...bySecond), 1),
      etcdPacedLeadInP99Ms: round(paced.leadIn?.p99 ?? 0, 1),
      embeddedPurchasesPerSecond: round(lb.purchase.perSecond),
      embeddedPurchaseP99Ms: round(lb.purchase.latency.p99, 1),
      etcdPurchasesPerSecond: round(cb.purchase.perSecond),
      etcdPurchaseP99Ms: round(cb.purchase.latency.p99, 1),
      etcdPurchasesVsEmbedded: round(cb.purchase.perSecond / lb.purchase.perSecond, 3),
      unexpectedResponses: unexpected.length,
    };
    rows.push(
      { scenario: '2 GA holds', measure: 'embedded store', perSecond: local.perSecond, p50: local.latency.p50, p99: local.latency.p99, note: 'the baseline' },
      { scenario: '2 GA holds', measure: 'etcd, 3 members', perSecond: remote.perSecond, p50: remote.latency.p50, p99: remote.latency.p99, baseline: local.perSecond, note: 'target ≥20% of embedded' },
      { scenario: '2 GA holds', measure: `etcd, paced at ${halfRate}/s`, perSecond: pacedHold.perSecond, p50: pacedHold.latency.p50, p99: pacedHold.latency.p99, baseline: local.perSecond, note: 'target p99 < 150 ms' },
      { scenario: '2 GA hold+buy', measure: 'purchases, embedded', perSecond: lb.purchase.perSecond, p50: lb.purchase.latency.p50, p99: lb.purchase.latency.p99 },
      { scenario: '2 GA hold+buy', measure: 'purchases, etcd', perSecond: cb.purchase.perSecond, p50: cb.purchase.latency.p50, p99: cb.purchase.latency.p99, baseline: lb.purchase.perSecond },
    );
  } finally {
    await embedded.stop();
    await etcd.stop();
  }
}

/** The build in dist/ is missing or older than a source file of the API or its libraries. */
function buildIsStale(): boolean {
  const built = join(ROOT, 'dist/apps/api/src/main.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return newer(path);
      return entry.name.endsWith('.ts') && statSync(path).mtimeMs > builtAt;
    });
  return ['apps/api/src', 'libs', 'tsconfig.json', 'nest-cli.json'].some((p) => {
    const path = join(ROOT, p);
    return existsSync(path) && (statSync(path).isDirectory() ? newer(path) : statSync(path).mtimeMs > builtAt);
  });
}

async function scanLog(store: EventStore): Promise<{ events: number; seconds: number }> {
  const started = process.hrtime.bigint();
  let position: LogPosition = 'start';
  let events = 0;
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: 5_000 });
    if (page.length === 0) break;
    events += page.length;
    position = page[page.length - 1].position;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return { events, seconds };
}

/** `npm run cli -- audit verify --json` on the sell-out's data directory, timed from outside. */
function auditVerify(dataDir: string): Promise<{ seconds: number; exitCode: number; ticketsSold: number; violations: number }> {
  return new Promise((done, fail) => {
    const started = process.hrtime.bigint();
    // As `npm run cli` starts it.
    const child = spawn(process.execPath, ['--max-semi-space-size=64', '-r', '@swc-node/register', join(ROOT, 'apps/cli/src/main.ts'), 'audit', 'verify', '--json'], {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...storeEnv() },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const json = out.slice(out.indexOf('{'));
      try {
        const report = JSON.parse(json) as { ticketsSold: number; violationCount: number };
        done({ seconds, exitCode: code ?? -1, ticketsSold: report.ticketsSold, violations: report.violationCount });
      } catch {
        done({ seconds, exitCode: code ?? -1, ticketsSold: 0, violations: -1 });
      }
    });
  });
}

async function arenaShowId(server: RunningServer): Promise<string> {
  const event = await getJson<{ shows: Array<{ id: string }> }>(server, '/v1/events/northern-lights-live');
  return event.shows[0].id;
}

async function scheduleSmallFestival(server: RunningServer, capacity: number): Promise<string> {
  const id = 'bench-festival';
  await postJson(server, '/v1/admin/shows', {
    id,
    eventId: 'global-festival-2027',
    venueId: 'festival-grounds',
    startsAt: '2027-08-01T12:00:00Z',
    kind: 'general',
    capacity,
    shardCount: 64,
    maxTicketsPerCustomer: 10,
    tiers: [{ tier: 'regular', price: 12_500, currency: 'EUR' }],
  });
  return id;
}

async function waitForCaughtUp(server: RunningServer, showId: string): Promise<{ sold: number; lagEvents: number }> {
  for (let i = 0; i < 600; i++) {
    const availability = await getJson<{ sold: number; lagEvents: number }>(server, `/v1/shows/${showId}/availability`);
    if (availability.lagEvents === 0) return availability;
    await pause(100);
  }
  throw new Error('the read models did not catch up within a minute');
}

/** Polls every 25 ms, so a rebuild's measured time overshoots its end by 12 ms on average. */
async function waitForRebuild(server: RunningServer): Promise<void> {
  for (;;) {
    await pause(25);
    const list = await getJson<Array<{ name: string; status: string; error?: string }>>(server, '/v1/admin/projections');
    const failed = list.find((p) => p.error);
    if (failed) throw new Error(`rebuild of ${failed.name} failed: ${failed.error}`);
    if (!list.some((p) => p.status === 'rebuilding')) return;
  }
}

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function getJson<T>(server: RunningServer, path: string): Promise<T> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
  if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

async function postJson(server: RunningServer, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${server.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/** Sold seats of a show from the audit endpoint; a seat listed twice is a double sale. */
async function auditedSeats(server: RunningServer, showId: string): Promise<{ seats: number; doubles: number }> {
  const seen = new Set<string>();
  let doubles = 0;
  let after = 0;
  for (;;) {
    const page = await getJson<{ items: Array<{ seatId?: string }>; next: number | null }>(server, `/v1/audit/shows/${showId}/sales?after=${after}&limit=1000`);
    for (const item of page.items) {
      if (!item.seatId) continue;
      if (seen.has(item.seatId)) doubles++;
      seen.add(item.seatId);
    }
    if (page.next === null) break;
    after = page.next;
  }
  return { seats: seen.size, doubles };
}

function machine(): { cpus: number; cpuModel: string; memoryGB: number; node: string; platform: string; commit: string } {
  let cpuModel = cpus()[0]?.model ?? 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpuModel;
  } catch {
    // Not Linux: os.cpus() has it.
  }
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT }).toString().trim();
  } catch {
    // Not a git checkout.
  }
  return { cpus: cpus().length, cpuModel, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version, platform: process.platform, commit };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
