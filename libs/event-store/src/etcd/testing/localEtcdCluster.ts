import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { etcdServices, type StatusResponse } from '../etcdRpc';

/** Where a member runs: an address on this machine, optionally inside a network namespace. */
export interface MemberPlacement {
  /** The address it listens on and advertises (127.0.0.1, or an address inside `netns`). */
  host: string;
  /** Where it binds its client and peer ports, when not `host` (e.g. 0.0.0.0 behind the datacenter lab's relays). */
  listenHost?: string;
  /** The peer address it advertises, when not `host` (the lab gives a member's peer port a service address of its own). */
  peerHost?: string;
  /** How this process reaches its client port (status, leader), when not `host` (e.g. a namespace's link to the runner). */
  controlHost?: string;
  /** Run it with `ip netns exec <netns>`. */
  netns?: string;
  /** Fixed ports (a namespace has a network stack of its own); default: free ports below 32768. */
  clientPort?: number;
  peerPort?: number;
}

export interface LocalEtcdClusterOptions {
  /** Members, default 3; ignored when `placements` is given. */
  size?: number;
  placements?: MemberPlacement[];
  /** Names are `<name>-1`, `<name>-2`, …; default 'etcd'. */
  name?: string;
  /** etcd's --snapshot-count; lower keeps a member's memory down on long logs. */
  snapshotCount?: number;
  /** Backend quota in bytes (etcd's default is 2 GiB). */
  quotaBackendBytes?: number;
  extraArgs?: string[];
  /** How long the cluster may take to elect its first leader. */
  startTimeoutMs?: number;
}

export interface LocalEtcdMember {
  readonly name: string;
  readonly host: string;
  /** Where its ports are bound (default `host`). */
  readonly listenHost: string;
  /** The peer address it advertises (default `host`). */
  readonly peerHost: string;
  /** How this process reaches it (default `host`). */
  readonly controlHost: string;
  readonly netns: string | undefined;
  readonly clientPort: number;
  readonly peerPort: number;
  /** http://host:clientPort */
  readonly endpoint: string;
  /** http://controlHost:clientPort: the endpoint for this process (the same as `endpoint` unless `controlHost` is given). */
  readonly controlEndpoint: string;
  readonly dataDir: string;
  readonly logFile: string;
  /** The running process, undefined while killed. */
  process: ChildProcess | undefined;
}

const ROOT_PREFIX = 'ticketing-etcd-';
/** Fixed test ports stay below Linux's ephemeral range (32768+), where outgoing connections would race us for them. */
const PORT_MIN = 20_000;
const PORT_MAX = 32_000;
const running = new Set<LocalEtcdCluster>();
let exitHookInstalled = false;

/**
 * Real etcd clusters for tests, benches and the datacenter lab: members on free ports
 * (or inside network namespaces), each with its own data directory under the system's
 * temp dir, killed and restarted at will, and all removed by `stop()` — or, should the
 * process die first, by its exit hook or the next cluster started on this machine.
 */
export class LocalEtcdCluster {
  private constructor(
    readonly root: string,
    readonly members: LocalEtcdMember[],
    private readonly args: (member: LocalEtcdMember, state: 'new' | 'existing') => string[],
  ) {}

  /** Whether an etcd binary is on this machine. */
  static available(): boolean {
    return ['/usr/bin/etcd', '/usr/local/bin/etcd'].some((path) => existsSync(path)) || (process.env.PATH ?? '').split(':').some((dir) => dir && existsSync(join(dir, 'etcd')));
  }

  static async start(options: LocalEtcdClusterOptions = {}): Promise<LocalEtcdCluster> {
    reapAbandonedClusters();
    const placements: MemberPlacement[] = options.placements ?? Array.from({ length: options.size ?? 3 }, () => ({ host: '127.0.0.1' }));
    const prefix = options.name ?? 'etcd';
    const root = join(tmpdir(), `${ROOT_PREFIX}${process.pid}-${randomBytes(4).toString('hex')}`);
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'owner.pid'), String(process.pid));
    const used = new Set<number>();
    const members: LocalEtcdMember[] = [];
    for (const [i, placement] of placements.entries()) {
      const name = `${prefix}-${i + 1}`;
      const clientPort = placement.clientPort ?? (await freePort(used));
      const peerPort = placement.peerPort ?? (await freePort(used));
      members.push({
        name,
        host: placement.host,
        listenHost: placement.listenHost ?? placement.host,
        peerHost: placement.peerHost ?? placement.host,
        controlHost: placement.controlHost ?? placement.host,
        netns: placement.netns,
        clientPort,
        peerPort,
        endpoint: `http://${placement.host}:${clientPort}`,
        controlEndpoint: `http://${placement.controlHost ?? placement.host}:${clientPort}`,
        dataDir: join(root, name),
        logFile: join(root, `${name}.log`),
        process: undefined,
      });
    }
    const token = `ticketing-${randomBytes(6).toString('hex')}`;
    const initialCluster = members.map((m) => `${m.name}=http://${m.peerHost}:${m.peerPort}`).join(',');
    const args = (m: LocalEtcdMember, state: 'new' | 'existing'): string[] => [
      '--name', m.name,
      '--data-dir', m.dataDir,
      '--listen-client-urls', `http://${m.listenHost}:${m.clientPort}`,
      '--advertise-client-urls', m.endpoint,
      '--listen-peer-urls', `http://${m.listenHost}:${m.peerPort}`,
      '--initial-advertise-peer-urls', `http://${m.peerHost}:${m.peerPort}`,
      '--initial-cluster', initialCluster,
      '--initial-cluster-token', token,
      '--initial-cluster-state', state,
      // Without pre-vote a member coming back from a partition forces an election it cannot win.
      '--pre-vote=true',
      '--snapshot-count', String(options.snapshotCount ?? 10_000),
      // History older than this many revisions is compacted; the store never reads it.
      '--auto-compaction-mode', 'revision',
      '--auto-compaction-retention', '10000',
      ...(options.quotaBackendBytes ? ['--quota-backend-bytes', String(options.quotaBackendBytes)] : []),
      '--logger', 'zap',
      '--log-level', 'warn',
      ...(options.extraArgs ?? []),
    ];
    const cluster = new LocalEtcdCluster(root, members, args);
    running.add(cluster);
    installExitHook();
    try {
      for (const member of members) cluster.spawnMember(member, 'new');
      await cluster.waitForLeader(options.startTimeoutMs ?? 30_000);
    } catch (error) {
      await cluster.stop();
      throw error;
    }
    return cluster;
  }

  get endpoints(): string[] {
    return this.members.map((m) => m.endpoint);
  }

  /** `ETCD_ENDPOINTS` for this cluster. */
  get endpointList(): string {
    return this.endpoints.join(',');
  }

  member(name: string): LocalEtcdMember {
    const member = this.members.find((m) => m.name === name);
    if (!member) throw new Error(`no member ${name} in this cluster`);
    return member;
  }

  /** The member every running member names as leader, once they agree (waits up to `timeoutMs`). */
  async waitForLeader(timeoutMs = 15_000, among: readonly LocalEtcdMember[] = this.members.filter((m) => m.process)): Promise<LocalEtcdMember> {
    const deadline = Date.now() + timeoutMs;
    let last = 'no member answered';
    for (;;) {
      const statuses = await Promise.all(among.map((m) => status(m).catch((error: Error) => error)));
      const answered = statuses.filter((s): s is StatusResponse => !(s instanceof Error));
      const leaders = new Set(answered.map((s) => s.leader));
      if (answered.length === among.length && leaders.size === 1 && !leaders.has('0')) {
        const leaderId = [...leaders][0];
        const index = answered.findIndex((s) => s.header.member_id === leaderId);
        if (index >= 0) return among[index];
        // The leader is outside `among` (e.g. the far side of a partition): report the first that knows it.
        const outside = await this.findMemberById(leaderId);
        if (outside) return outside;
      }
      last = statuses.map((s, i) => `${among[i].name}: ${s instanceof Error ? s.message : `leader ${s.leader}`}`).join('; ');
      if (Date.now() > deadline) throw new Error(`etcd cluster has no agreed leader after ${timeoutMs} ms (${last}); logs in ${this.root}`);
      await sleep(100);
    }
  }

  /** The current leader, as the running members report it. */
  leader(timeoutMs = 15_000): Promise<LocalEtcdMember> {
    return this.waitForLeader(timeoutMs);
  }

  /** Kills a member (SIGKILL by default) and waits until its process is gone. */
  async kill(member: LocalEtcdMember, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = member.process;
    if (!child) return;
    member.process = undefined;
    await killAndWait(child, signal);
  }

  /** Starts a killed member again on its data directory; it rejoins as the cluster's peer. */
  async restart(member: LocalEtcdMember): Promise<void> {
    if (member.process) return;
    this.spawnMember(member, 'existing');
    const deadline = Date.now() + 15_000;
    for (;;) {
      if (!member.process) throw new Error(`${member.name} exited while restarting; see ${member.logFile}`);
      try {
        await status(member);
        return;
      } catch {
        if (Date.now() > deadline) throw new Error(`${member.name} did not answer within 15 s of its restart; see ${member.logFile}`);
        await sleep(100);
      }
    }
  }

  /** Each running member's revision and leader, for checking that they agree after a fault. */
  async statuses(): Promise<Array<{ member: string; revision: number; leader: string; id: string; raftIndex: string }>> {
    const live = this.members.filter((m) => m.process);
    return Promise.all(
      live.map(async (m) => {
        const s = await status(m);
        return { member: m.name, revision: Number(s.header.revision), leader: s.leader, id: s.header.member_id, raftIndex: (s as unknown as { raftIndex: string }).raftIndex };
      }),
    );
  }

  /** Stops every member and removes the data directories. */
  async stop(): Promise<void> {
    running.delete(this);
    await Promise.all(this.members.map((m) => this.kill(m)));
    rmSync(this.root, { recursive: true, force: true });
  }

  private async findMemberById(id: string): Promise<LocalEtcdMember | undefined> {
    for (const member of this.members) {
      if (!member.process) continue;
      const s = await status(member).catch(() => undefined);
      if (s?.header.member_id === id) return member;
    }
    return undefined;
  }

  private spawnMember(member: LocalEtcdMember, state: 'new' | 'existing'): void {
    mkdirSync(member.dataDir, { recursive: true });
    const log = openSync(member.logFile, 'a');
    const command = member.netns ? ['ip', 'netns', 'exec', member.netns, 'etcd'] : ['etcd'];
    const child = spawn(command[0], [...command.slice(1), ...this.args(member, state)], { stdio: ['ignore', log, log] });
    closeSync(log);
    member.process = child;
    child.once('exit', () => {
      if (member.process === child) member.process = undefined;
    });
  }
}

function status(member: LocalEtcdMember): Promise<StatusResponse> {
  const { Maintenance } = etcdServices();
  const client = new Maintenance(`${member.controlHost}:${member.clientPort}`, grpc.credentials.createInsecure());
  return new Promise<StatusResponse>((resolve, reject) => {
    client.Status({}, new grpc.Metadata(), { deadline: Date.now() + 1_000 }, (error, response) => {
      client.close();
      if (error || !response) reject(error ?? new Error('no answer'));
      else resolve(response);
    });
  });
}

function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill(signal);
  });
}

async function freePort(used: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const port = PORT_MIN + Math.floor(Math.random() * (PORT_MAX - PORT_MIN));
    if (used.has(port)) continue;
    if (await canListen(port)) {
      used.add(port);
      return port;
    }
  }
  throw new Error(`no free port between ${PORT_MIN} and ${PORT_MAX}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Clusters whose owner process died without stopping them: kill their members, remove their directories. */
function reapAbandonedClusters(): void {
  let entries: string[];
  try {
    entries = readdirSync(tmpdir()).filter((e) => e.startsWith(ROOT_PREFIX));
  } catch {
    return;
  }
  for (const entry of entries) {
    const root = join(tmpdir(), entry);
    let owner: number;
    try {
      owner = Number(readFileSync(join(root, 'owner.pid'), 'utf8'));
    } catch {
      continue;
    }
    if (isAlive(owner)) continue;
    for (const pid of processesMentioning(root)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(root, { recursive: true, force: true });
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function processesMentioning(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (cmdline.includes(text)) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** A test runner that exits without stopping its clusters must not leave members running. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const cluster of running) {
      for (const member of cluster.members) member.process?.kill('SIGKILL');
      rmSync(cluster.root, { recursive: true, force: true });
    }
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * `describe` for suites that start etcd clusters; where etcd is not installed they are
 * reported as skipped, with the reason in their name (CI installs it: see .ci/run).
 */
export function describeWithEtcd(name: string, suite: () => void): void {
  if (LocalEtcdCluster.available()) {
    describe(name, suite);
    return;
  }
  describe(name, () => {
    it.skip('SKIPPED: etcd is not installed here (Debian: apt-get install etcd-server etcd-client)', () => undefined);
  });
}
