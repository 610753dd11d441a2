import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalEtcdCluster } from '@app/event-store/etcd/testing/localEtcdCluster';
import { DatacenterLab } from './datacenterLab';
import { loadLabTopology } from './labTopology';
import { formatResult } from './report';
import { runScenario, type RunOptions } from './scenarios/runScenario';
import { SCENARIOS, type Scenario } from './scenarios/scenarios';

const USAGE = `npm run lab -- <scenario[,scenario…]|all> [options]
scenarios: ${SCENARIOS.map((s) => s.name).join(', ')}, all (each in turn on one lab; so are several named with commas)
options:
  --tickets N          festival size (default 11500; 64 shards, general admission)
  --customers N        concurrent customers per region (default 4)
  --fault-at S         the fault goes in S seconds into the sale (default 30)
  --fault-for S        and lasts S seconds (default 30)
  --limit S            the sale stops after S seconds at the latest (default 170)
  --latency-scale X    multiplies the topology's one-way latencies (default 1)
  --topology NAME      lab/topologies/NAME.json or a path (default five-datacenters)
  --keep               keep the lab's directory (logs, data) in the system's temp dir`;

function parse(argv: string[]): { scenarios: Scenario[]; run: Omit<RunOptions, 'log'>; scale: number; topology: string; keep: boolean } {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(USAGE);
    process.exit(name ? 0 : 2);
  }
  const names = name.split(',');
  const scenarios = name === 'all' ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
  if (scenarios.length === 0 || (name !== 'all' && scenarios.length !== names.length)) {
    console.error(`no scenario ${names.filter((n) => !SCENARIOS.some((s) => s.name === n)).join(', ')}\n${USAGE}`);
    process.exit(2);
  }
  const flags = new Map<string, string>();
  let keep = false;
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === '--keep') keep = true;
    else if (rest[i].startsWith('--') && rest[i + 1] !== undefined) flags.set(rest[i].slice(2), rest[++i]);
    else {
      console.error(`cannot read ${rest[i]}\n${USAGE}`);
      process.exit(2);
    }
  }
  const num = (key: string, fallback: number) => {
    const value = flags.has(key) ? Number(flags.get(key)) : fallback;
    if (!Number.isFinite(value) || value < 0) throw new Error(`--${key} must be a number`);
    return value;
  };
  return {
    scenarios,
    run: {
      capacity: num('tickets', 11_500),
      shardCount: 64,
      customersPerRegion: num('customers', 4),
      faultAtMs: num('fault-at', 30) * 1000,
      faultForMs: num('fault-for', 30) * 1000,
      limitMs: num('limit', 170) * 1000,
    },
    scale: num('latency-scale', 1),
    topology: flags.get('topology') ?? 'five-datacenters',
    keep,
  };
}

async function main(): Promise<void> {
  const { scenarios, run, scale, topology, keep } = parse(process.argv.slice(2));
  if (process.getuid?.() !== 0) throw new Error('the lab needs root (network namespaces)');
  if (!LocalEtcdCluster.available()) throw new Error('etcd is not installed (Debian: apt-get install etcd-server etcd-client)');
  const started = Date.now();
  const log = (line: string) => console.log(`[lab ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
  log(`topology ${topology}, latency scale ${scale}, ${run.capacity} tickets, ${run.customersPerRegion} customers per region`);
  const made = await DatacenterLab.start(loadLabTopology(topology), { latencyScale: scale, keepDir: keep, log });
  if ('unavailable' in made) throw new Error(`the lab cannot run here: ${made.unavailable}`);
  const lab = made;
  // Ctrl-C, SIGTERM or an exception: every namespace and process the lab made goes (NetworkLab and LocalEtcdCluster also have exit hooks).
  let stopping = false;
  const shutdown = (why: string, code: number) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n[lab] ${why}: stopping every process and namespace of the lab`);
    void lab.stop().finally(() => process.exit(code));
  };
  process.on('SIGINT', () => shutdown('SIGINT', 130));
  process.on('SIGTERM', () => shutdown('SIGTERM', 143));
  process.on('SIGHUP', () => shutdown('SIGHUP', 129));
  process.on('uncaughtException', (error) => shutdown(`uncaught ${error.stack ?? String(error)}`, 1));
  process.on('unhandledRejection', (error) => shutdown(`unhandled rejection ${error instanceof Error ? error.stack : String(error)}`, 1));
  const results = join(__dirname, 'results');
  mkdirSync(results, { recursive: true });
  let failed = false;
  try {
    for (const scenario of scenarios) {
      log(`scenario ${scenario.name}: ${scenario.description}`);
      const result = await runScenario(lab, scenario, { ...run, log });
      const file = join(results, `${scenario.name}.json`);
      writeFileSync(file, `${JSON.stringify({ ...result, settings: { ...run, latencyScale: scale, topology }, code: codeVersion() }, null, 2)}\n`);
      console.log(`\n${formatResult(result)}\n`);
      log(`written ${file}`);
      if (result.lost.holdsLost || result.lost.ordersLost || result.soldTwice || result.bound.groupHeld !== result.bound.groupChecks || result.transfers.unmatched.length) failed = true;
    }
  } finally {
    if (!stopping) {
      stopping = true;
      await lab.stop();
      log(`lab stopped after ${((Date.now() - started) / 1000).toFixed(0)} s${keep ? `; its directory is ${lab.dir}` : ''}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}

/** The commit the lab ran, and whether the tree had changes beside it (figures belong to a version of the code). */
function codeVersion(): { commit: string; changed: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: join(__dirname, '..'), encoding: 'utf8' }).trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: join(__dirname, '..'), encoding: 'utf8' }).trim() !== '';
    return { commit, changed };
  } catch {
    return { commit: 'unknown', changed: true };
  }
}

main().catch((error: unknown) => {
  console.error(`[lab] ${error instanceof Error ? error.stack : String(error)}`);
  process.exitCode = 1;
});
