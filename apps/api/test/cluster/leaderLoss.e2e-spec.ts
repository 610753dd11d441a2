import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEtcdCluster, describeWithEtcd } from '@app/event-store/etcd/testing/localEtcdCluster';
import { createFestival, killAll, killServer, startServer, type ChildServer } from '../support/childServer';
import { Buyers } from './buyers';
import { ADMIN, auditVerify, etcdEnv, membersAgree, missingAcknowledged } from './clusterSupport';

/**
 * The API on a 3-member etcd cluster while customers hold and buy; the leader is
 * SIGKILLed mid-sale and started again later, then two members at once (the quorum is
 * gone for 12 s) and started again. Nothing
 * acknowledged may be lost or counted twice, no answer may be a 5xx other than a 503
 * with Retry-After, and writes must come back on their own.
 */
describeWithEtcd('leader loss under HTTP load (etcd, 3 members)', () => {
  let cluster: LocalEtcdCluster;
  let server: ChildServer;
  let dataDir: string;

  beforeAll(async () => {
    cluster = await LocalEtcdCluster.start({ size: 3, name: 'leaderloss' });
    dataDir = mkdtempSync(join(tmpdir(), 'ticketing-leaderloss-'));
  }, 60_000);

  afterAll(async () => {
    killAll();
    await cluster?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged hold and order, answers 503 with Retry-After in the gap, and sells again once a new leader is elected', async () => {
    const env = etcdEnv(cluster.endpoints, 'leaderloss');
    server = await startServer(dataDir, env);
    const showId = await createFestival(server.url, ADMIN, 'll', { capacity: 20_000, shardCount: 8, holdSeconds: 600 });
    const buyers = new Buyers({ url: server.url, showId, concurrency: 24, retryMs: 50 });
    buyers.start();
    const waitForAcks = async (n: number) => {
      const target = buyers.acknowledgedWrites + n;
      while (buyers.acknowledgedWrites < target) await new Promise((resolve) => setTimeout(resolve, 20));
    };
    await waitForAcks(300);

    // 1. The leader dies: the adapter retries on the others until one of them leads.
    const mark = (what: string) => process.stderr.write(`[leaderloss] ${what}: ${buyers.acknowledgedWrites} acks, ${JSON.stringify(buyers.report.statuses)}\n`);
    mark("load running");
    const leader = await cluster.leader();
    const killedAt = Date.now();
    await cluster.kill(leader);
    const before = buyers.acknowledgedWrites;
    await waitForAcks(300);
    mark('writes back after the leader kill');
    const newLeader = await cluster.leader();
    const gap = buyers.longestGap(killedAt - 1_000, Date.now());
    await cluster.restart(leader);
    const restartedAt = Date.now();
    mark('old leader restarted');
    await waitForAcks(300);

    // 2. Two members die: no quorum, so writes answer 503 (once the API knows no member has a leader) until both are back.
    const victims = cluster.members.filter((m) => m.name !== leader.name);
    const quorumLostAt = Date.now();
    const statusesBefore = { ...buyers.report.statuses };
    await Promise.all(victims.map((m) => cluster.kill(m)));
    while ((buyers.report.statuses[503] ?? 0) <= (statusesBefore[503] ?? 0)) await new Promise((resolve) => setTimeout(resolve, 50));
    const first503After = Date.now() - quorumLostAt;
    mark('503s during the quorum loss');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const quorumBackAt = Date.now();
    await Promise.all(victims.map((m) => cluster.restart(m)));
    await waitForAcks(300);
    const writesBackAfter = buyers.report.writeAcks.find((t) => t > quorumBackAt)! - quorumBackAt;
    const outageGap = buyers.longestGap(quorumLostAt - 1_000, Date.now());

    mark('writes back after the quorum loss');
    const report = await buyers.stop();
    mark('buyers stopped');
    const agreed = await membersAgree(cluster);
    const missing = await missingAcknowledged(server.url, report.holds, report.orders);
    await killServer(server);
    const audit = await auditVerify(env, dataDir);
    const acknowledgedTickets = report.orders.reduce((sum, o) => sum + o.tickets, 0);
    console.log(
      [
        `leader ${leader.name} SIGKILLed; ${newLeader.name} leads; ${leader.name} restarted ${((restartedAt - killedAt) / 1000).toFixed(1)} s after the kill`,
        `leader loss: writes paused ${gap} ms at most (the longest time without an acknowledged write around the kill), with no error answered`,
        `quorum lost ${quorumBackAt - quorumLostAt} ms: first 503 after ${first503After} ms, writes back ${writesBackAfter} ms after the restart, ${outageGap} ms without an acknowledged write in all`,
        `acknowledged: ${report.holds.length} holds, ${report.orders.length} orders (${acknowledgedTickets} tickets); ${before} writes before the kill`,
        `answers: ${JSON.stringify(report.statuses)}; ${report.retries} retries with the same Idempotency-Key; ${report.keysSpent} holds undone in a fault and asked again with a new key`,
        `lost: ${missing.length}; audit: ${audit.ticketsSold} tickets sold, ${audit.violations.length} violations (double sales = ${audit.violations.filter((v) => /twice/.test(v.kind + v.message)).length})`,
        `members agree at revision ${agreed.revision} under ${agreed.leader}`,
      ].join('\n'),
    );
    expect(report.bad).toEqual([]);
    expect(report.refusals).toEqual([]);
    expect(report.statuses[503]).toBeGreaterThan(0);
    expect(missing).toEqual([]);
    expect(audit.violations).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.exitCode).toBe(0);
    // Every order the buyers were told about, and no ticket more: retries counted once.
    expect(audit.ticketsSold).toBe(acknowledgedTickets);
  }, 180_000);
});
