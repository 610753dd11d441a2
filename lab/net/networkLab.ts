import { execFileSync } from 'node:child_process';

/**
 * Hosts on one machine, each in a network namespace of its own, on one switch (a
 * bridge inside a namespace of the lab's own), so a test can cut a host off and heal
 * it with real links going down. The test runner sits on the switch too, and every
 * host also has a private link to the runner that stays up: customers of a host that
 * is cut off from the others can still reach it, as local customers of a datacenter
 * cut off from the rest of the world would.
 *
 * Everything the lab makes is named after the process that made it, and removed by
 * `destroy()`, by an exit hook, or by the next lab when that process is gone.
 */
export interface LabHost {
  name: string;
  netns: string;
  /** Its address on the switch. */
  address: string;
  /** Its address on its private link to the runner. */
  clientAddress: string;
}

const PREFIX = 'tk';
const live = new Set<NetworkLab>();
let counter = 0;
let hookInstalled = false;

export class NetworkLab {
  readonly hosts: LabHost[] = [];
  private readonly tag: string;
  private readonly switchNs: string;
  /** The third octet of the lab's networks (10.231.x hosts, 10.232.x runner links); free for a caller's own 10.233.x. */
  readonly subnet: number;
  private readonly extraBridges: string[] = [];

  private constructor(hostCount: number) {
    reapAbandonedLabs();
    // The pid in base 36 and a counter: names stay within the kernel's 15 characters.
    this.tag = `${process.pid.toString(36)}${(counter++).toString(36)}`;
    this.switchNs = `${PREFIX}-${this.tag}-sw`;
    this.subnet = 100 + ((process.pid + counter * 7) % 100);
    live.add(this);
    installExitHook();
    try {
      this.build(hostCount);
    } catch (error) {
      this.destroy();
      throw error;
    }
  }

  /** A lab of `hosts` hosts, or the reason none can be made here (not root, no `ip netns`). */
  static create(hosts: number): NetworkLab | { unavailable: string } {
    if (process.getuid?.() !== 0) return { unavailable: 'network namespaces need root' };
    try {
      execFileSync('ip', ['netns', 'list'], { stdio: 'pipe' });
    } catch (error) {
      return { unavailable: `ip netns does not work here: ${String(error)}` };
    }
    try {
      return new NetworkLab(hosts);
    } catch (error) {
      return { unavailable: `could not build the lab's network: ${error instanceof Error ? error.message : String(error)}` };
    }
  }

  /** Takes the host's link to the switch down: it reaches no other host (its private link to the runner stays up). */
  cut(host: LabHost): void {
    this.ip(this.switchNs, 'link', 'set', this.switchPort(host), 'down');
  }

  heal(host: LabHost): void {
    this.ip(this.switchNs, 'link', 'set', this.switchPort(host), 'up');
  }

  /**
   * Splits the switch: each side gets a bridge of its own (the first side keeps the runner's),
   * so hosts on different sides reach each other no more; each side still works within itself.
   */
  split(sides: ReadonlyArray<readonly LabHost[]>): void {
    this.join();
    sides.forEach((side, i) => {
      if (i === 0) return;
      const bridge = `br${i}`;
      this.ip(this.switchNs, 'link', 'add', bridge, 'type', 'bridge');
      this.ip(this.switchNs, 'link', 'set', bridge, 'up');
      this.extraBridges.push(bridge);
      for (const host of side) this.ip(this.switchNs, 'link', 'set', this.switchPort(host), 'master', bridge);
    });
  }

  /** Every host back on the one switch. */
  join(): void {
    for (const host of this.hosts) this.ip(this.switchNs, 'link', 'set', this.switchPort(host), 'master', 'br0');
    for (const bridge of this.extraBridges.splice(0)) this.ip(this.switchNs, 'link', 'del', bridge);
  }

  /** Gives a host one more address of its own (on its loopback). */
  addAddress(host: LabHost, address: string): void {
    this.ip(host.netns, 'addr', 'add', `${address}/32`, 'dev', 'lo');
  }

  destroy(): void {
    live.delete(this);
    deleteNamespacesTagged(this.tag);
    // The runner's ends of the links (its switch port and each host's private link) can outlive
    // their peers' namespaces on some kernels, and a later lab of this process would reuse the names.
    for (const link of [`${PREFIX}${this.tag}r0`, ...this.hosts.map((_, i) => `${PREFIX}${this.tag}c${i + 1}`)]) {
      try {
        execFileSync('ip', ['link', 'del', link], { stdio: 'ignore' });
      } catch {
        // gone with its peer's namespace
      }
    }
  }

  private build(count: number): void {
    const net = `10.231.${this.subnet}`;
    const clients = `10.232.${this.subnet}`;
    this.ip(undefined, 'netns', 'add', this.switchNs);
    this.ip(this.switchNs, 'link', 'set', 'lo', 'up');
    this.ip(this.switchNs, 'link', 'add', 'br0', 'type', 'bridge');
    this.ip(this.switchNs, 'link', 'set', 'br0', 'up');
    // The runner on the switch, so it can reach every host while none is cut.
    const runner = `${PREFIX}${this.tag}r0`;
    this.ip(undefined, 'link', 'add', runner, 'type', 'veth', 'peer', 'name', 'r0', 'netns', this.switchNs);
    this.ip(undefined, 'addr', 'add', `${net}.254/24`, 'dev', runner);
    this.ip(undefined, 'link', 'set', runner, 'up');
    this.ip(this.switchNs, 'link', 'set', 'r0', 'master', 'br0');
    this.ip(this.switchNs, 'link', 'set', 'r0', 'up');
    for (let i = 1; i <= count; i++) {
      const netns = `${PREFIX}-${this.tag}-h${i}`;
      this.ip(undefined, 'netns', 'add', netns);
      this.ip(netns, 'link', 'set', 'lo', 'up');
      // Its port on the switch.
      this.ip(netns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', `p${i}`, 'netns', this.switchNs);
      this.ip(netns, 'addr', 'add', `${net}.${i}/24`, 'dev', 'eth0');
      this.ip(netns, 'link', 'set', 'eth0', 'up');
      this.ip(this.switchNs, 'link', 'set', `p${i}`, 'master', 'br0');
      this.ip(this.switchNs, 'link', 'set', `p${i}`, 'up');
      // Its private link to the runner: a /30 of its own.
      const runnerEnd = `${PREFIX}${this.tag}c${i}`;
      const base = (i - 1) * 4;
      this.ip(undefined, 'link', 'add', runnerEnd, 'type', 'veth', 'peer', 'name', 'client0', 'netns', netns);
      this.ip(netns, 'addr', 'add', `${clients}.${base + 2}/30`, 'dev', 'client0');
      this.ip(netns, 'link', 'set', 'client0', 'up');
      this.ip(undefined, 'addr', 'add', `${clients}.${base + 1}/30`, 'dev', runnerEnd);
      this.ip(undefined, 'link', 'set', runnerEnd, 'up');
      this.hosts.push({ name: `h${i}`, netns, address: `${net}.${i}`, clientAddress: `${clients}.${base + 2}` });
    }
  }

  private switchPort(host: LabHost): string {
    return `p${this.hosts.indexOf(host) + 1}`;
  }

  private ip(netns: string | undefined, ...args: string[]): void {
    const command = netns ? ['netns', 'exec', netns, 'ip', ...args] : args;
    execFileSync('ip', command, { stdio: 'pipe' });
  }
}

function deleteNamespacesTagged(tag: string): void {
  for (const ns of listNamespaces()) {
    if (!ns.startsWith(`${PREFIX}-${tag}-`)) continue;
    try {
      execFileSync('ip', ['netns', 'delete', ns], { stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

function listNamespaces(): string[] {
  try {
    return execFileSync('ip', ['netns', 'list'], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.split(' ')[0])
      .filter(Boolean);
  } catch {
    return [];
  }
}

/** Namespaces of labs whose process is gone (killed before it could clean up). */
function reapAbandonedLabs(): void {
  for (const ns of listNamespaces()) {
    const match = /^tk-([0-9a-z]+)-/.exec(ns);
    if (!match) continue;
    const pid = parseInt(match[1].slice(0, -1), 36);
    if (pid === process.pid || isAlive(pid)) continue;
    try {
      execFileSync('ip', ['netns', 'delete', ns], { stdio: 'ignore' });
    } catch {
      // already gone
    }
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

function installExitHook(): void {
  if (hookInstalled) return;
  hookInstalled = true;
  process.once('exit', () => {
    for (const lab of [...live]) lab.destroy();
  });
}
