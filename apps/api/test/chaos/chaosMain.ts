import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killAll } from '../support/childServer';
import { runChaos } from './chaosRun';

/** `npm run test:chaos`: the long crash test. CHAOS_KILLS, CHAOS_CLIENTS and CHAOS_SEED tune it. */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ticketing-chaos-'));
  try {
    const report = await runChaos({
      dataDir,
      kills: Number(process.env.CHAOS_KILLS ?? 25),
      clients: Number(process.env.CHAOS_CLIENTS ?? 12),
      acksBetweenKills: [5, 40],
      log: (line) => console.log(line),
      ...(process.env.CHAOS_SEED ? { seed: Number(process.env.CHAOS_SEED) } : {}),
    });
    process.exitCode = report.violations.length === 0 ? 0 : 1;
  } finally {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  killAll();
  process.exit(1);
});
