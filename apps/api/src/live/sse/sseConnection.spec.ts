import { EventEmitter } from 'node:events';
import type { ServerResponse } from 'node:http';
import { LiveLimits } from '../liveLimits';
import { SseConnection } from './sseConnection';

/** A response whose socket drains only when the test says so. */
class FakeResponse extends EventEmitter {
  writableNeedDrain = false;
  full = false;
  readonly written: string[] = [];
  ended = false;
  destroyed = false;

  writeHead(): void {}

  write(chunk: string): boolean {
    this.written.push(chunk);
    if (this.full) this.writableNeedDrain = true;
    return !this.full;
  }

  end(): void {
    this.ended = true;
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('close');
  }

  drain(): void {
    this.full = false;
    this.writableNeedDrain = false;
    this.emit('drain');
  }
}

function open(limits: Partial<LiveLimits> = {}): { response: FakeResponse; connection: SseConnection; closed: () => boolean } {
  const response = new FakeResponse();
  const connection = new SseConnection(response as unknown as ServerResponse, Object.assign(new LiveLimits(), limits));
  let closed = false;
  connection.onClose(() => (closed = true));
  response.written.length = 0;
  return { response, connection, closed: () => closed };
}

describe('SseConnection', () => {
  afterEach(() => jest.useRealTimers());

  it('writes straight through while the socket drains, queues once it is full, and sends the queue in order on drain', () => {
    const { response, connection } = open();
    connection.send('a');
    response.full = true;
    connection.send('b');
    connection.send('c');
    connection.send('d');
    expect(response.written).toEqual(['a', 'b']);
    response.drain();
    expect(response.written).toEqual(['a', 'b', 'c', 'd']);
  });

  it('tells a client that overflows its queue to reload, drops the queue and closes', () => {
    const { response, connection, closed } = open({ maxQueuedMessages: 2 });
    response.full = true;
    for (const text of ['1', '2', '3', '4']) connection.send(text);
    expect(response.written).toEqual(['1', 'event: reload\ndata: {"reason":"too_slow"}\n\n']);
    expect(response.ended).toBe(true);
    expect(closed()).toBe(true);
    connection.send('5');
    response.drain();
    expect(response.written).toHaveLength(2);
  });

  it('counts bytes too', () => {
    const { response, connection } = open({ maxQueuedBytes: 10 });
    response.full = true;
    connection.send('first');
    connection.send('0123456789');
    connection.send('x');
    expect(response.written[response.written.length - 1]).toContain('event: reload');
  });

  it('sends heartbeats, reloads a socket that has not drained for too long, and destroys it if the last bytes cannot leave', () => {
    jest.useFakeTimers();
    const { response, connection, closed } = open({ heartbeatMs: 100, maxStallMs: 250, closeGraceMs: 1_000 });
    jest.advanceTimersByTime(100);
    expect(response.written).toEqual([': keep-alive\n\n']);
    response.full = true;
    connection.send('stuck');
    // Stalled since 100: still within the limit at the heartbeats of 200 and 300, past it at 400.
    jest.advanceTimersByTime(200);
    expect(closed()).toBe(false);
    jest.advanceTimersByTime(100);
    expect(closed()).toBe(true);
    expect(response.written[response.written.length - 1]).toContain('event: reload');
    expect(response.destroyed).toBe(false);
    jest.advanceTimersByTime(1_000);
    expect(response.destroyed).toBe(true);
  });

  it('notices the client leaving, and lets a waiting replay go on', async () => {
    const { response, connection, closed } = open();
    response.full = true;
    connection.send('a');
    const writable = connection.writable();
    response.emit('close');
    await writable;
    expect(closed()).toBe(true);
    expect(connection.closed).toBe(true);
  });
});
