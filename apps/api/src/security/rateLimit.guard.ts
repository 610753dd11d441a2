import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../application/appError';
import { RateLimits } from './rateLimits';

/**
 * Per-customer and per-address limits on the hold and waiting-line calls. Runs after
 * CustomerGuard, so the customer is the one the signed token proves, not a header.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(private readonly limits: RateLimits) {}

  canActivate(context: ExecutionContext): boolean {
    const { byCustomer, byAddress } = this.limits;
    if (!byCustomer || !byAddress) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest & { customerId?: string }>();
    const address = byAddress.take(request.ip);
    if (!address.allowed) throw limited('address', address.retryAfterSeconds);
    if (request.customerId) {
      const customer = byCustomer.take(request.customerId);
      if (!customer.allowed) throw limited('customer', customer.retryAfterSeconds);
    }
    return true;
  }
}

function limited(scope: 'customer' | 'address', retryAfterSeconds: number): AppError {
  const who = scope === 'customer' ? 'this customer' : 'this address';
  return new AppError('rate_limited', `Too many hold or waiting-line calls from ${who}; retry in ${retryAfterSeconds} s`, { scope, retryAfterSeconds }, retryAfterSeconds);
}
