import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../application/appError';
import { TokenService } from './tokenService';

type AuthedRequest = FastifyRequest & { customerId?: string };

function bearer(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{1,600})$/.exec(header.trim());
  return match?.[1];
}

/** The caller is a customer with a valid signed token; the id is then on the request. */
@Injectable()
export class CustomerGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const token = bearer(request);
    if (!token) throw new AppError('unauthorized', 'Send Authorization: Bearer <token> (get one from POST /v1/customers)');
    const customerId = this.tokens.verifyCustomer(token);
    if (!customerId) throw new AppError('unauthorized', 'The bearer token is not valid');
    request.customerId = customerId;
    return true;
  }
}

/** The caller holds the admin token. */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(private readonly tokens: TokenService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = bearer(request);
    if (!token) throw new AppError('unauthorized', 'Send Authorization: Bearer <admin token>');
    if (!this.tokens.isAdmin(token)) throw new AppError('forbidden', 'This needs the admin token');
    return true;
  }
}

/** The customer id proven by CustomerGuard. */
export const CurrentCustomer = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const id = context.switchToHttp().getRequest<AuthedRequest>().customerId;
  if (!id) throw new AppError('unauthorized', 'Not authenticated');
  return id;
});
