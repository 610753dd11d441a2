import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { DelayRelay } from './delayRelay';

/** An echo server that also reports when it saw the end of its client's data. */
function echoServer(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer({ allowHalfOpen: true }, (socket) => {
      socket.on('data', (chunk) => socket.write(chunk));
      socket.on('end', () => socket.end());
    });
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as { port: number }).port }));
  });
}

function exchange(port: number, chunks: Buffer[]): Promise<{ echoed: Buffer; firstByteAfterMs: number }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = createConnection({ port, host: '127.0.0.1' });
    const received: Buffer[] = [];
    let sentAt = 0;
    let firstAt = 0;
    socket.on('connect', () => {
      sentAt = performance.now();
      for (const chunk of chunks) socket.write(chunk);
      socket.end();
    });
    socket.on('data', (chunk) => {
      if (firstAt === 0) firstAt = performance.now();
      received.push(chunk);
    });
    socket.on('end', () => resolve({ echoed: Buffer.concat(received), firstByteAfterMs: firstAt - sentAt }));
    socket.on('error', reject);
  });
}

describe('the lab delay relay', () => {
  it('carries every byte both ways, in order, with the end of the stream, each way no sooner than its delay', async () => {
    const echo = await echoServer();
    const relay = new DelayRelay([{ listenHost: '127.0.0.1', listenPort: 0, targetHost: '127.0.0.1', targetPort: echo.port, delayMs: 40 }]);
    await relay.start();
    const chunks = Array.from({ length: 200 }, (_, i) => Buffer.alloc(5_000 + i, i % 251));
    const { echoed, firstByteAfterMs } = await exchange(relay.portOf(0), chunks);
    expect(echoed.equals(Buffer.concat(chunks))).toBe(true);
    // There and back: two one-way delays at least (timers never fire early by more than a tick).
    expect(firstByteAfterMs).toBeGreaterThanOrEqual(79);
    await relay.stop();
    echo.server.close();
  });

  it('breaks the client side when the far side cannot be reached', async () => {
    const relay = new DelayRelay([{ listenHost: '127.0.0.1', listenPort: 0, targetHost: '127.0.0.1', targetPort: 1, delayMs: 5 }]);
    await relay.start();
    const closed = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ port: relay.portOf(0), host: '127.0.0.1' });
      socket.on('close', () => resolve(true));
      socket.on('error', () => undefined);
    });
    expect(closed).toBe(true);
    await relay.stop();
  });
});
