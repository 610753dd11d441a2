import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEtcdCluster } from '@app/event-store/etcd/testing/localEtcdCluster';
import { killAll } from '../support/childServer';
import { runChaos } from './chaosRun';

/**
 * `npm run test:chaos [-- --store etcd]`: the long crash test. CHAOS_KILLS, CHAOS_CLIENTS
 * and CHAOS_SEED tune it. With `--store etcd` it starts a 3-member etcd cluster of its
 * own and SIGKILLs its members as well as the API.
 */
async function main(): Promise<void> {
  const at = process.argv.indexOf('--store');
  const store = at >= 0 ? process.argv[at + 1] : 'embedded';
  if (store !== 'embedded' && store !== 'etcd') throw new Error(`--store takes embedded or etcd, got ${store}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketing-chaos-'));
  const etcd = store === 'etcd' ? await LocalEtcdCluster.start({ size: 3, name: 'chaos' }) : undefined;
  try {
    const report = await runChaos({
      dataDir,
      kills: Number(process.env.CHAOS_KILLS ?? 25),
      clients: Number(process.env.CHAOS_CLIENTS ?? 12),
      acksBetweenKills: [5, 40],
      log: (line) => console.log(line),
      ...(process.env.CHAOS_SEED ? { seed: Number(process.env.CHAOS_SEED) } : {}),
      ...(etcd ? { etcd } : {}),
    });
    process.exitCode = report.violations.length === 0 ? 0 : 1;
  } finally {
    killAll();
    await etcd?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  killAll();
  process.exit(1);
});
