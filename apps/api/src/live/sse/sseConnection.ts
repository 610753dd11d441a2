import type { ServerResponse } from 'node:http';
import type { LiveLimits } from '../liveLimits';
import { SSE_HEARTBEAT, sseMessage } from './sseMessage';

export type ReloadReason = 'too_slow' | 'too_far_behind';

/**
 * One open event stream on a raw Node response (the Fastify reply is hijacked).
 *
 * Writes go straight to the socket while it drains. Once `write` says the socket is
 * full, messages wait in a queue of our own, bounded by count and bytes; a client that
 * overflows it, or whose socket has not drained for `maxStallMs`, gets `reload` and is
 * closed. Sending therefore never blocks and never grows without bound, which is what
 * keeps a slow client from slowing the projection that feeds it.
 */
export class SseConnection {
  private queue: string[] = [];
  private queueHead = 0;
  private queuedBytes = 0;
  private stalledSince: number | undefined;
  private readonly heartbeat: NodeJS.Timeout;
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly closeHandlers: Array<() => void> = [];
  private drainWaiters: Array<() => void> = [];
  private ended = false;
  private released = false;

  constructor(
    private readonly response: ServerResponse,
    private readonly limits: LiveLimits,
  ) {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache, no-transform',
      Connection: 'keep-alive',
      // nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    response.write(`retry: ${limits.retryMs}\n\n`);
    response.on('drain', () => this.flush());
    response.on('close', () => this.release());
    response.on('error', () => this.release());
    this.heartbeat = setInterval(() => this.beat(), limits.heartbeatMs);
    this.heartbeat.unref();
    // The client may have left while the request was being answered: 'close' came already.
    if (response.destroyed || response.socket?.destroyed) this.release();
  }

  /** True once the stream is ending or gone: nothing more is sent. */
  get closed(): boolean {
    return this.ended || this.released;
  }

  /** Runs once, when the stream is closed for whatever reason (client left, reload, shutdown). */
  onClose(handler: () => void): void {
    if (this.released || this.ended) handler();
    else this.closeHandlers.push(handler);
  }

  send(text: string): void {
    if (this.closed || text === '') return;
    if (this.queueHead === this.queue.length && !this.response.writableNeedDrain) {
      if (!this.response.write(text)) this.stalledSince ??= Date.now();
      return;
    }
    this.queue.push(text);
    this.queuedBytes += text.length;
    if (this.queue.length - this.queueHead > this.limits.maxQueuedMessages || this.queuedBytes > this.limits.maxQueuedBytes) this.reload('too_slow');
  }

  /** Resolves when the socket can take more without queueing (or the stream closed): lets a replay go at the client's pace. */
  writable(): Promise<void> {
    if (this.closed || (this.queueHead === this.queue.length && !this.response.writableNeedDrain)) return Promise.resolve();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /** Tells the client to start over (re-read the seat map, reconnect without Last-Event-ID), then closes. */
  reload(reason: ReloadReason): void {
    if (this.closed) return;
    // Past the queue on purpose: what is queued is dropped, the client reloads anyway.
    this.dropQueue();
    this.response.write(sseMessage('reload', { reason }));
    this.end();
  }

  /** Ends the stream; an EventSource reconnects with Last-Event-ID and resumes. */
  end(): void {
    if (this.closed) return;
    this.ended = true;
    this.response.end();
    // A client that never reads would keep the socket (and what is buffered for it) forever.
    this.graceTimer = setTimeout(() => this.response.destroy(), this.limits.closeGraceMs);
    this.graceTimer.unref();
    this.notifyClosed();
  }

  private flush(): void {
    while (this.queueHead < this.queue.length) {
      const text = this.queue[this.queueHead++];
      this.queuedBytes -= text.length;
      if (!this.response.write(text)) break;
    }
    if (this.queueHead === this.queue.length) {
      this.queue = [];
      this.queueHead = 0;
      if (!this.response.writableNeedDrain) this.stalledSince = undefined;
    } else if (this.queueHead > 1_024) {
      this.queue = this.queue.slice(this.queueHead);
      this.queueHead = 0;
    }
    if (this.stalledSince === undefined) this.wakeDrainWaiters();
  }

  private beat(): void {
    if (this.closed) return;
    if (this.stalledSince !== undefined) {
      if (Date.now() - this.stalledSince > this.limits.maxStallMs) this.reload('too_slow');
      return;
    }
    this.response.write(SSE_HEARTBEAT);
  }

  private dropQueue(): void {
    this.queue = [];
    this.queueHead = 0;
    this.queuedBytes = 0;
  }

  private release(): void {
    if (this.released) return;
    this.released = true;
    clearTimeout(this.graceTimer);
    this.notifyClosed();
  }

  private notifyClosed(): void {
    clearInterval(this.heartbeat);
    this.dropQueue();
    this.wakeDrainWaiters();
    const handlers = this.closeHandlers.splice(0);
    for (const handler of handlers) handler();
  }

  private wakeDrainWaiters(): void {
    const waiters = this.drainWaiters;
    this.drainWaiters = [];
    for (const wake of waiters) wake();
  }
}
