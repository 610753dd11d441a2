import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEtcdCluster, describeWithEtcd } from '@app/event-store/etcd/testing/localEtcdCluster';
import { killAll } from './support/childServer';
import { runChaos } from './chaos/chaosRun';

/** The short crash test; `npm run test:chaos` is the long one (25 kills). */
describe('crash test (short)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-chaos-'));
  });
  afterAll(() => {
    killAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses no acknowledged operation across SIGKILLs, sells nothing twice, and its read models agree with the log', async () => {
    const lines: string[] = [];
    // The log (with the seed that replays the run) is printed whether the run passes or fails.
    const report = await runChaos({ dataDir, kills: 3, clients: 6, acksBetweenKills: [3, 10], log: (line) => lines.push(line) }).finally(() => console.log(lines.join('\n')));
    expect(report.kills).toBe(3);
    expect(report.checked).toBeGreaterThan(0);
    expect(report.acknowledged.holds).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
  }, 120_000);
});

describeWithEtcd('crash test on an etcd cluster (short)', () => {
  let dataDir: string;
  let cluster: LocalEtcdCluster;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-chaos-etcd-'));
    cluster = await LocalEtcdCluster.start({ size: 3, name: 'chaos' });
  }, 60_000);
  afterAll(async () => {
    killAll();
    await cluster?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and sells nothing twice when the API and the members of its cluster are SIGKILLed', async () => {
    const lines: string[] = [];
    const report = await runChaos({ dataDir, kills: 4, clients: 6, acksBetweenKills: [5, 15], log: (line) => lines.push(line), etcd: cluster }).finally(() => console.log(lines.join('\n')));
    expect(report.kills).toBe(4);
    expect(report.acknowledged.holds).toBeGreaterThan(0);
    expect(report.violations).toEqual([]);
  }, 180_000);
});
