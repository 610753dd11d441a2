import { execFile, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalEtcdCluster, type LocalEtcdMember } from '@app/event-store/etcd/testing/localEtcdCluster';
import { DatacenterNetwork, type ServiceSpec } from './net/datacenterNetwork';
import { apiTopology, latencyBetween, regionsOf, type LabTopology } from './labTopology';

export interface DatacenterLabOptions {
  /** Multiplies every one-way latency of the topology (1: as written). */
  latencyScale?: number;
  /** The first of the etcd members' service ports (each member takes two). */
  basePort?: number;
  /** The port every API listens on inside its datacenter. */
  apiPort?: number;
  /** The API's ETCD_PREFIX. */
  prefix?: string;
  adminToken?: string;
  /** The region whose API runs the expiry worker (default: the first). */
  expiryRegion?: string;
  /** Keep the lab's directory (logs, data) after `stop()`. */
  keepDir?: boolean;
  log?: (line: string) => void;
  /** etcd's --snapshot-count, --quota-backend-bytes and extra flags for every member. */
  snapshotCount?: number;
  quotaBackendBytes?: number;
  etcdArgs?: string[];
}

export interface RegionApi {
  region: string;
  datacenter: string;
  /** How the region's customers reach it: over the runner's private link to its datacenter. */
  url: string;
  env: NodeJS.ProcessEnv;
  process: ChildProcess | undefined;
  logFile: string;
}

export interface LabMember {
  cluster: string;
  datacenter: string;
  member: LocalEtcdMember;
}

export const LAB_ADMIN_TOKEN = 'datacenter-lab-admin-token-0123456789';

/**
 * A topology's datacenters on this machine (DatacenterNetwork: a namespace each, relays adding
 * the latency between regions), every etcd member of every cluster inside its datacenter — bound
 * to 0.0.0.0 there, advertising its service address — and one API per region in the region's
 * first datacenter, its customers reaching it over the runner's private link.
 */
export class DatacenterLab {
  readonly clusters = new Map<string, LocalEtcdCluster>();
  readonly members: LabMember[] = [];
  readonly apis = new Map<string, RegionApi>();
  readonly regions: string[];
  readonly prefix: string;
  readonly adminToken: string;
  private stopped = false;

  private constructor(
    readonly topology: LabTopology,
    readonly network: DatacenterNetwork,
    readonly dir: string,
    private readonly options: DatacenterLabOptions,
  ) {
    this.regions = regionsOf(topology);
    this.prefix = options.prefix ?? 'lab/';
    this.adminToken = options.adminToken ?? LAB_ADMIN_TOKEN;
  }

  static async start(topology: LabTopology, options: DatacenterLabOptions = {}): Promise<DatacenterLab | { unavailable: string }> {
    const log = options.log ?? (() => undefined);
    const scale = options.latencyScale ?? 1;
    const basePort = options.basePort ?? 21_000;
    const services: ServiceSpec[] = [];
    let port = basePort;
    for (const cluster of topology.clusters) {
      cluster.members.forEach((datacenter, i) => {
        services.push({ name: `${cluster.id}-${i + 1}-client`, datacenter, port: port++ });
        services.push({ name: `${cluster.id}-${i + 1}-peer`, datacenter, port: port++ });
      });
    }
    if (port >= 32_768) throw new Error('the members\' ports reach the ephemeral range: lower basePort');
    const regionOfDc = new Map(topology.datacenters.map((d) => [d.id, d.region]));
    reapStaleRunnerLinks();
    const started = Date.now();
    const network = await DatacenterNetwork.create({
      datacenters: topology.datacenters,
      services,
      latencyMs: (a, b) => latencyBetween(topology, a, b, scale),
    });
    if ('unavailable' in network) return network;
    log(`network: ${topology.datacenters.length} datacenters, ${services.length} service addresses, relays up (${Date.now() - started} ms)`);
    const dir = mkdtempSync(join(tmpdir(), 'ticketing-lab-'));
    const lab = new DatacenterLab(topology, network, dir, options);
    try {
      await lab.startClusters(regionOfDc);
      log(`etcd: ${lab.members.length} members in ${lab.clusters.size} clusters, each with a leader (${Date.now() - started} ms)`);
      await lab.leadersHome();
      await lab.startApis(scale);
      log(`apis: ${[...lab.apis.values()].map((a) => `${a.region} ${a.url}`).join(', ')} (${Date.now() - started} ms)`);
    } catch (error) {
      await lab.stop();
      throw error;
    }
    return lab;
  }

  api(region: string): RegionApi {
    const api = this.apis.get(region);
    if (!api) throw new Error(`no API in region ${region}`);
    return api;
  }

  regionOf(datacenter: string): string {
    const dc = this.topology.datacenters.find((d) => d.id === datacenter);
    if (!dc) throw new Error(`no datacenter ${datacenter}`);
    return dc.region;
  }

  /** Endpoints of a cluster that this process (the runner) can reach even while a datacenter is cut off. */
  controlEndpoints(cluster: string): string[] {
    return this.clusters.get(cluster)!.members.map((m) => m.controlEndpoint);
  }

  /** SIGKILLs a datacenter's etcd members (its API, if any, stays up); answers their names. */
  async killMembers(datacenter: string): Promise<string[]> {
    const killed: string[] = [];
    await Promise.all(
      this.members.filter((m) => m.datacenter === datacenter).map(async (m) => {
        await this.clusters.get(m.cluster)!.kill(m.member, 'SIGKILL');
        killed.push(m.member.name);
      }),
    );
    return killed;
  }

  /** Starts a datacenter's killed etcd members again on their data. */
  async restartMembers(datacenter: string): Promise<void> {
    await Promise.all(this.members.filter((m) => m.datacenter === datacenter).map((m) => this.clusters.get(m.cluster)!.restart(m.member)));
  }

  /** SIGKILLs every process of a datacenter: its etcd members and its API. */
  async killDatacenter(datacenter: string): Promise<string[]> {
    const killed = await this.killMembers(datacenter);
    for (const api of this.apis.values()) {
      if (api.datacenter !== datacenter || !api.process) continue;
      const child = api.process;
      api.process = undefined;
      await new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
      killed.push(`api ${api.region}`);
    }
    return killed;
  }

  /** Starts a killed datacenter's members on their data and its API on its DATA_DIR again. */
  async restartDatacenter(datacenter: string): Promise<void> {
    await this.restartMembers(datacenter);
    await Promise.all([...this.apis.values()].filter((a) => a.datacenter === datacenter && !a.process).map((a) => this.spawnApi(a)));
  }

  isolate(datacenter: string): void {
    this.network.isolate(datacenter);
  }

  rejoin(datacenter: string): void {
    this.network.rejoin(datacenter);
  }

  split(sides: ReadonlyArray<readonly string[]>): void {
    this.network.split(sides);
  }

  join(): void {
    this.network.join();
  }

  /**
   * Moves each shard group's leader to its first member (its home datacenter), as the design does
   * after a failover; the meta cluster's too. Best effort: a cluster without a leader is left alone.
   */
  async leadersHome(): Promise<string[]> {
    const moved: string[] = [];
    for (const [id, cluster] of this.clusters) {
      try {
        const leader = await cluster.leader(5_000);
        const home = cluster.members[0];
        if (leader === home) continue;
        const statuses = await cluster.statuses();
        const homeId = statuses.find((s) => s.member === home.name)?.id;
        if (!homeId) continue;
        await new Promise<void>((resolve, reject) =>
          execFile('etcdctl', [`--endpoints=${leader.controlEndpoint}`, 'move-leader', BigInt(homeId).toString(16)], { env: { ...process.env, ETCDCTL_API: '3' }, timeout: 10_000 }, (error) => (error ? reject(error) : resolve())),
        );
        moved.push(`${id}: ${leader.name} -> ${home.name}`);
      } catch {
        // no leader now, or the move raced an election: the cluster keeps the leader it has
      }
    }
    return moved;
  }

  /** Leader of every cluster, by datacenter. */
  async leaders(): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const [id, cluster] of this.clusters) {
      try {
        const leader = await cluster.leader(3_000);
        out[id] = this.members.find((m) => m.member === leader)!.datacenter;
      } catch {
        out[id] = 'none';
      }
    }
    return out;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const apis = [...this.apis.values()].map((a) => a.process).filter((p): p is ChildProcess => !!p);
    for (const child of apis) child.kill('SIGKILL');
    await Promise.all(apis.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve)))));
    await Promise.all([...this.clusters.values()].map((c) => c.stop()));
    const runnerLinks = this.runnerLinks();
    await this.network.destroy();
    // The runner's ends of the private links can outlive their namespaces here (seen on this kernel),
    // and the next lab of a process with the same pid would collide with their names: removed by name.
    for (const link of runnerLinks) {
      try {
        execFileSync('ip', ['link', 'del', link], { stdio: 'ignore' });
      } catch {
        // gone with its namespace, as it should be
      }
    }
    if (!this.options.keepDir) rmSync(this.dir, { recursive: true, force: true });
  }

  /** The runner's end of each datacenter's private link: the device holding the address next to the datacenter's. */
  private runnerLinks(): string[] {
    try {
      const lines = execFileSync('ip', ['-o', '-4', 'addr', 'show'], { encoding: 'utf8' }).split('\n');
      return this.topology.datacenters.flatMap((dc) => {
        const parts = this.network.host(dc.id).clientAddress.split('.').map(Number);
        const runnerEnd = `${parts.slice(0, 3).join('.')}.${parts[3] - 1}/30`;
        const line = lines.find((l) => l.includes(` ${runnerEnd} `));
        return line ? [line.split(/\s+/)[1]] : [];
      });
    } catch {
      return [];
    }
  }

  private async startClusters(regionOfDc: Map<string, string>): Promise<void> {
    const clusters = await Promise.all(
      this.topology.clusters.map(async (spec) => {
        const placements = spec.members.map((datacenter, i) => {
          const client = this.network.service(`${spec.id}-${i + 1}-client`);
          const peer = this.network.service(`${spec.id}-${i + 1}-peer`);
          const host = this.network.host(datacenter);
          if (!regionOfDc.has(datacenter)) throw new Error(`cluster ${spec.id} has a member in no datacenter: ${datacenter}`);
          return { host: client.address, peerHost: peer.address, listenHost: '0.0.0.0', controlHost: host.clientAddress, netns: host.netns, clientPort: client.port, peerPort: peer.port };
        });
        const cluster = await LocalEtcdCluster.start({
          name: spec.id,
          placements,
          snapshotCount: this.options.snapshotCount ?? 2_000,
          quotaBackendBytes: this.options.quotaBackendBytes ?? 512 * 1024 * 1024,
          // Heartbeats across an ocean: the election timeout well above the longest round trip.
          extraArgs: this.options.etcdArgs ?? ['--heartbeat-interval', '100', '--election-timeout', '1500'],
          startTimeoutMs: 60_000,
        });
        return { spec, cluster };
      }),
    );
    for (const { spec, cluster } of clusters) {
      this.clusters.set(spec.id, cluster);
      cluster.members.forEach((member, i) => this.members.push({ cluster: spec.id, datacenter: spec.members[i], member }));
    }
  }

  private async startApis(scale: number): Promise<void> {
    const topology = apiTopology(this.topology, (cluster, i) => this.clusters.get(cluster)!.members[i].endpoint, scale);
    const topologyFile = join(this.dir, 'topology.json');
    writeFileSync(topologyFile, JSON.stringify(topology, null, 2));
    // One secret signs every region's customer tokens, so any region accepts any customer.
    const secret = randomBytes(32).toString('hex');
    const apiPort = this.options.apiPort ?? 3_100;
    const expiryRegion = this.options.expiryRegion ?? this.regions[0];
    for (const region of this.regions) {
      const datacenter = this.topology.datacenters.find((d) => d.region === region)!.id;
      const dataDir = join(this.dir, 'data', region);
      mkdirSync(dataDir, { recursive: true });
      writeFileSync(join(dataDir, 'token-secret'), secret, { mode: 0o600 });
      this.apis.set(region, {
        region,
        datacenter,
        url: `http://${this.network.host(datacenter).clientAddress}:${apiPort}`,
        env: {
          EVENT_STORE: 'etcd',
          TOPOLOGY_FILE: topologyFile,
          REGION: region,
          ETCD_PREFIX: this.prefix,
          ADMIN_TOKEN: this.adminToken,
          RATE_LIMITS: 'off',
          EXPIRY_WORKER: region === expiryRegion ? 'on' : 'off',
          DATA_DIR: dataDir,
          SEED_DEMO: 'false',
          HOST: '0.0.0.0',
          PORT: String(apiPort),
          LOG_LEVEL: 'warn',
        },
        process: undefined,
        logFile: join(this.dir, `api-${region}.log`),
      });
    }
    // Two at a time: each compiles the API on start, and there are two cores.
    const queue = [...this.apis.values()];
    await Promise.all([0, 1].map(async () => {
      for (let api = queue.shift(); api; api = queue.shift()) await this.spawnApi(api);
    }));
  }

  private spawnApi(api: RegionApi): Promise<void> {
    const child = this.network.spawnIn(api.datacenter, process.execPath, ['--max-semi-space-size=32', '-r', '@swc-node/register', 'apps/api/src/main.ts'], api.env);
    api.process = child;
    const log = createWriteStream(api.logFile, { flags: 'a' });
    let output = '';
    return new Promise((resolve, reject) => {
      let up = false;
      const timer = setTimeout(() => reject(new Error(`the API of ${api.region} did not start within 90 s: ${output.slice(-2000)}`)), 90_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        log.write(chunk);
        if (up) return;
        output += chunk.toString();
        if (/Ticketing API on http/.test(output)) {
          up = true;
          output = '';
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', (chunk: Buffer) => {
        log.write(chunk);
        if (!up) output += chunk.toString();
      });
      child.once('exit', (code, signal) => {
        log.end(`\n[lab] exited (${String(code ?? signal)})\n`);
        if (api.process === child) api.process = undefined;
        if (!up) {
          clearTimeout(timer);
          reject(new Error(`the API of ${api.region} exited (${String(code ?? signal)}) before listening: ${output.slice(-2000)}`));
        }
      });
    });
  }
}

/**
 * Links of this process's earlier labs (named `tk<pid><n>c<i>` / `tk<pid><n>r0` by NetworkLab) whose
 * namespaces are gone: on this kernel the runner's end can outlive its namespace, and the next lab
 * of this process (a later test file in the same jest worker starts its counter again) would
 * collide with its name.
 */
function reapStaleRunnerLinks(): void {
  try {
    const own = `tk${process.pid.toString(36)}`;
    const namespaces = execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' });
    const links = execFileSync('ip', ['-o', 'link', 'show'], { encoding: 'utf8' })
      .split('\n')
      .map((line) => /^\d+:\s+([^@:\s]+)/.exec(line)?.[1])
      .filter((name): name is string => !!name && name.startsWith(own) && /(c\d+|r0)$/.test(name));
    for (const link of links) {
      const tag = link.slice(2).replace(/(c\d+|r0)$/, '');
      if (namespaces.includes(`tk-${tag}-`)) continue;
      try {
        execFileSync('ip', ['link', 'del', link], { stdio: 'ignore' });
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no ip: DatacenterNetwork.create says why
  }
}
