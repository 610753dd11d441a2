import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { NetworkLab, type LabHost } from './networkLab';
import type { RelayRoute } from './delayRelay';

export interface DatacenterSpec {
  id: string;
  region: string;
}

/** A process's listening port in a datacenter, reached at one service address from everywhere. */
export interface ServiceSpec {
  name: string;
  datacenter: string;
  port: number;
}

export interface PlacedService extends ServiceSpec {
  /** The same from every datacenter: local in its own, a delaying relay's in the others. */
  address: string;
}

const ROOT = join(__dirname, '..', '..');

/**
 * Datacenters on one machine: one network namespace each (a NetworkLab host), on a switch that
 * can be cut per datacenter or split into sides. Every service (an etcd member's client or peer
 * port, an API) gets an address of its own that means the same in every datacenter, so a cluster
 * can be configured once: the address is on every datacenter's loopback; in its own its process
 * listens there, in every other one that datacenter's relay does and forwards over the switch,
 * adding the one-way latency between the two regions each way. A cut link stops the relay's
 * traffic as it would stop a real one.
 */
export class DatacenterNetwork {
  private readonly relays: ChildProcess[] = [];
  private readonly processes = new Set<ChildProcess>();
  private readonly services = new Map<string, PlacedService>();
  private readonly hostOf = new Map<string, LabHost>();

  private constructor(
    readonly lab: NetworkLab,
    readonly datacenters: readonly DatacenterSpec[],
  ) {
    datacenters.forEach((dc, i) => this.hostOf.set(dc.id, lab.hosts[i]));
  }

  /** The network with its services placed and relays running, or why it cannot be built here. */
  static async create(options: {
    datacenters: readonly DatacenterSpec[];
    services: readonly ServiceSpec[];
    /** One-way latency between two regions in ms (a region with itself included). */
    latencyMs: (from: string, to: string) => number;
  }): Promise<DatacenterNetwork | { unavailable: string }> {
    const lab = NetworkLab.create(options.datacenters.length);
    if ('unavailable' in lab) return lab;
    const network = new DatacenterNetwork(lab, options.datacenters);
    try {
      await network.place(options.services, options.latencyMs);
    } catch (error) {
      await network.destroy();
      return { unavailable: `could not place the services: ${error instanceof Error ? error.message : String(error)}` };
    }
    return network;
  }

  host(datacenter: string): LabHost {
    const host = this.hostOf.get(datacenter);
    if (!host) throw new Error(`no datacenter ${datacenter}`);
    return host;
  }

  service(name: string): PlacedService {
    const service = this.services.get(name);
    if (!service) throw new Error(`no service ${name}`);
    return service;
  }

  /** Runs a command inside a datacenter; killed by `destroy()`. */
  spawnIn(datacenter: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
    const child = spawn('ip', ['netns', 'exec', this.host(datacenter).netns, command, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.processes.add(child);
    child.on('exit', () => this.processes.delete(child));
    return child;
  }

  /** The datacenter reaches no other (its own customers still reach it over its private link). */
  isolate(datacenter: string): void {
    this.lab.cut(this.host(datacenter));
  }

  rejoin(datacenter: string): void {
    this.lab.heal(this.host(datacenter));
  }

  /** Sides of datacenters that reach each other within a side only (e.g. the Atlantic cut). */
  split(sides: ReadonlyArray<readonly string[]>): void {
    this.lab.split(sides.map((side) => side.map((dc) => this.host(dc))));
  }

  join(): void {
    this.lab.join();
  }

  async destroy(): Promise<void> {
    const children = [...this.relays, ...this.processes];
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(children.map((child) => (child.exitCode !== null || child.signalCode !== null ? undefined : new Promise((resolve) => child.once('exit', resolve)))));
    this.lab.destroy();
  }

  private async place(services: readonly ServiceSpec[], latencyMs: (from: string, to: string) => number): Promise<void> {
    const regionOf = new Map(this.datacenters.map((dc) => [dc.id, dc.region]));
    services.forEach((service, i) => {
      if (!regionOf.has(service.datacenter)) throw new Error(`service ${service.name} is in no datacenter: ${service.datacenter}`);
      if (i >= 250) throw new Error('at most 250 services');
      this.services.set(service.name, { ...service, address: `10.233.${this.lab.subnet}.${i + 1}` });
    });
    const addresses = new Set([...this.services.values()].map((s) => s.address));
    for (const dc of this.datacenters) {
      const host = this.host(dc.id);
      // Local in every datacenter: its owner listens there at home, the relay everywhere else.
      for (const address of addresses) this.lab.addAddress(host, address);
      const routes: RelayRoute[] = [...this.services.values()]
        .filter((s) => s.datacenter !== dc.id)
        .map((s) => ({ listenHost: s.address, listenPort: s.port, targetHost: this.host(s.datacenter).address, targetPort: s.port, delayMs: latencyMs(dc.region, regionOf.get(s.datacenter)!) }));
      if (routes.length > 0) this.relays.push(await this.startRelay(dc.id, routes));
    }
  }

  private startRelay(datacenter: string, routes: RelayRoute[]): Promise<ChildProcess> {
    const relay = spawn('ip', ['netns', 'exec', this.host(datacenter).netns, process.execPath, '-r', '@swc-node/register', join(__dirname, 'delayRelay.ts'), JSON.stringify(routes)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        if (output.includes('relaying')) resolve(relay);
      };
      relay.stdout!.on('data', onData);
      relay.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      relay.once('exit', (code) => reject(new Error(`the relay of ${datacenter} exited (${String(code)}): ${output}`)));
    });
  }
}
