import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP relay that delays every chunk by a fixed one-way latency, in both directions, keeping
 * order. The lab puts one on each link between regions, since these kernels have no `netem`:
 * a region's namespace holds every remote member's service address on a local interface, a
 * relay listens there and forwards over the real (cuttable) link to the member's wire address.
 */
export interface RelayRoute {
  /** Where the relay listens: the remote member's service address, held locally. */
  listenHost: string;
  listenPort: number;
  /** Where it forwards to: the member's wire address, across the real link. */
  targetHost: string;
  targetPort: number;
  /** One-way delay added to each chunk, in ms. */
  delayMs: number;
}

/** Bytes queued towards one side before the other side is paused. */
const HIGH_WATER = 4 * 1024 * 1024;

export class DelayRelay {
  private readonly servers: Server[] = [];
  private readonly sockets = new Set<Socket>();

  constructor(private readonly routes: readonly RelayRoute[]) {}

  async start(): Promise<void> {
    for (const route of this.routes) {
      const server = createServer({ allowHalfOpen: true }, (client) => this.connect(client, route));
      this.servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(route.listenPort, route.listenHost, () => resolve());
      });
    }
  }

  /** The port a route listens on (its given one, or the one picked for port 0). */
  portOf(index: number): number {
    const address = this.servers[index]?.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(this.servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }

  private connect(client: Socket, route: RelayRoute): void {
    const upstream = createConnection({ host: route.targetHost, port: route.targetPort, allowHalfOpen: true });
    for (const socket of [client, upstream]) {
      this.sockets.add(socket);
      socket.setNoDelay(true);
      socket.on('close', () => this.sockets.delete(socket));
    }
    pipeDelayed(client, upstream, route.delayMs);
    pipeDelayed(upstream, client, route.delayMs);
    // A refused or broken leg (a cut link, a killed member) breaks the other at once.
    const breakBoth = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', breakBoth);
    upstream.on('error', breakBoth);
  }
}

/** `from`'s bytes reach `to` `delayMs` later, in order; its end, too. */
function pipeDelayed(from: Socket, to: Socket, delayMs: number): void {
  let queued = 0;
  from.on('data', (chunk: Buffer) => {
    queued += chunk.length;
    if (queued > HIGH_WATER) from.pause();
    setTimeout(() => {
      queued -= chunk.length;
      if (!to.destroyed) to.write(chunk);
      if (queued <= HIGH_WATER && from.isPaused()) from.resume();
    }, delayMs);
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
}

// Run inside a namespace: `node -r @swc-node/register lab/net/delayRelay.ts '<routes as JSON>'`.
if (require.main === module) {
  const relay = new DelayRelay(JSON.parse(process.argv[2] ?? '[]') as RelayRoute[]);
  relay.start().then(
    () => console.log(`relaying ${relay['routes'].length} routes`),
    (error: unknown) => {
      console.error(`relay could not start: ${String(error)}`);
      process.exit(1);
    },
  );
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void relay.stop().then(() => process.exit(0)));
}
