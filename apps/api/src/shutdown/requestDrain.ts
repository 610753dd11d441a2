import { Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

/** Writes change the log; reads and live streams can simply be cut when the process stops. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Counts the writes in flight, and once draining starts answers every new request with
 * 503 `shutting_down` (and `Connection: close`), so a stopping process finishes what it
 * acknowledged to no one yet and takes nothing new.
 */
@Injectable()
export class RequestDrain {
  private inFlight = 0;
  private draining = false;
  private finished = 0;
  private idleWaiters: Array<() => void> = [];

  attach(fastify: FastifyInstance): void {
    fastify.addHook('onRequest', (request, reply, done) => {
      if (this.draining) {
        void reply
          .status(503)
          .header('connection', 'close')
          .header('retry-after', '1')
          .header('content-type', 'application/json; charset=utf-8')
          .send({ error: 'shutting_down', message: 'This server is stopping; retry (another instance or this one after its restart)' });
        return;
      }
      if (WRITE_METHODS.has(request.method)) {
        this.inFlight++;
        // 'close' fires once whether the response was sent or the client went away.
        reply.raw.once('close', () => this.writeDone());
      }
      done();
    });
  }

  get writesInFlight(): number {
    return this.inFlight;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  /** Refuses new requests from now on; resolves with how many writes were waited for once none is in flight. */
  async drain(): Promise<number> {
    this.draining = true;
    const waitedFor = this.inFlight;
    if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    return waitedFor;
  }

  private writeDone(): void {
    this.inFlight--;
    this.finished++;
    if (this.inFlight === 0) {
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}
