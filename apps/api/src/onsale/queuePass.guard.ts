import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { HotOnSales } from './hotOnSales';
import { QueuePasses } from './queuePasses';

type HoldRequest = FastifyRequest<{ Params: { showId?: string } }> & { customerId?: string };

/**
 * A hold on a hot on-sale needs the customer's own queue pass for that show (`Queue-Pass`
 * header); refused with 403 before anything is written. Runs after CustomerGuard. For a
 * show that is not hot it is one Map lookup, synchronous once the hot list is in memory.
 */
@Injectable()
export class QueuePassGuard implements CanActivate {
  constructor(
    private readonly hot: HotOnSales,
    private readonly passes: QueuePasses,
  ) {}

  canActivate(context: ExecutionContext): boolean | Promise<boolean> {
    const request = context.switchToHttp().getRequest<HoldRequest>();
    const showId = request.params.showId;
    if (typeof showId !== 'string' || !request.customerId) return true;
    const known = this.hot.peek(showId);
    if (known === null) return true;
    if (known !== undefined) return this.check(request, showId);
    return this.hot.settings(showId).then((settings) => (settings ? this.check(request, showId) : true));
  }

  private check(request: HoldRequest, showId: string): boolean {
    const header = request.headers['queue-pass'];
    this.passes.check(typeof header === 'string' ? header : undefined, request.customerId!, showId, Date.now());
    return true;
  }
}
