import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEtcdCluster } from '@app/event-store/etcd/testing/localEtcdCluster';
import { killAll, startServer, type ChildServer } from '../support/childServer';
import { ADMIN, auditVerify, type AuditResult } from './clusterSupport';

export interface TwoRegions {
  clusters: Record<'meta' | 'g-eu' | 'g-us', LocalEtcdCluster>;
  /** eu-west's API (with the expiry worker), then us-east's. */
  servers: [ChildServer, ChildServer];
  dir: string;
  /** `audit verify` over every cluster, read from the clusters themselves. */
  audit(): Promise<AuditResult>;
  stop(): Promise<void>;
}

/**
 * Two regions (eu-west, us-east) selling from a meta cluster and two shard groups, each group
 * one etcd member at home; 64 shards split 32/32 (s0-s31 in g-eu, s32-s63 in g-us).
 */
export async function startTwoRegions(prefix: string, extraEnv: Record<string, string> = {}): Promise<TwoRegions> {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const clusters = {} as TwoRegions['clusters'];
  for (const name of ['meta', 'g-eu', 'g-us'] as const) clusters[name] = await LocalEtcdCluster.start({ size: 1, name });
  const member = (cluster: keyof TwoRegions['clusters'], datacenter: string) => ({ name: `${cluster}-1`, datacenter, endpoint: clusters[cluster].members[0].endpoint });
  const topologyFile = join(dir, 'topology.json');
  writeFileSync(
    topologyFile,
    JSON.stringify({
      regions: [{ id: 'eu-west' }, { id: 'us-east' }],
      datacenters: [{ id: 'euw1', region: 'eu-west' }, { id: 'use1', region: 'us-east' }],
      clusters: [
        { id: 'meta', members: [member('meta', 'euw1')] },
        { id: 'g-eu', members: [member('g-eu', 'euw1')] },
        { id: 'g-us', members: [member('g-us', 'use1')] },
      ],
      metaCluster: 'meta',
      shardGroups: [{ cluster: 'g-eu', home: 'eu-west', weight: 1 }, { cluster: 'g-us', home: 'us-east', weight: 1 }],
      latencyMs: { 'eu-west': { 'us-east': 40 } },
    }),
  );
  const store = { EVENT_STORE: 'etcd', TOPOLOGY_FILE: topologyFile, ETCD_PREFIX: `${prefix}/` };
  const env = (region: string, expiry: string) => ({ ...store, REGION: region, ADMIN_TOKEN: ADMIN, RATE_LIMITS: 'off', EXPIRY_WORKER: expiry, ...extraEnv });
  const servers: [ChildServer, ChildServer] = [await startServer(join(dir, 'eu'), env('eu-west', 'on')), await startServer(join(dir, 'us'), env('us-east', 'off'))];
  return {
    clusters,
    servers,
    dir,
    audit: () => auditVerify(store, join(dir, 'auditor')),
    async stop() {
      killAll();
      await Promise.all(servers.map((s) => s.exited));
      for (const cluster of Object.values(clusters)) await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
