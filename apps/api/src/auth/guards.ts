import { createParamDecorator, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../application/appError';
import { TokenService } from './tokenService';
import { StaffDirectory } from '../accounts/staffDirectory';
import { ROLES_KEY, type StaffRequest, type StaffRole } from './staff';

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

/**
 * The caller is staff: the bootstrap admin token or a user's own token, with a role the
 * route allows (`@Roles(...)` on the route or its controller; admins always pass, and
 * without `@Roles` only admins do). The staff member is then on the request (`CurrentStaff`).
 */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly directory: StaffDirectory,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & StaffRequest>();
    const token = bearer(request);
    if (!token) throw new AppError('unauthorized', 'Send Authorization: Bearer <staff token> (the admin token or a user token)');
    const staff = await this.directory.verify(token);
    if (!staff) throw new AppError('unauthorized', 'Token rejected: it is not a staff token, or it has been revoked');
    const allowed = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]) ?? [];
    if (staff.role !== 'admin' && !allowed.includes(staff.role)) {
      const roles = ['admin', ...allowed].join(', ');
      throw new AppError('forbidden', `This needs the role ${roles}; this token is ${staff.role}`, { role: staff.role, allowed: ['admin', ...allowed] });
    }
    request.staff = staff;
    return true;
  }
}

/** Staff calls: the name the routes have always used (admin only unless the route names more roles). */
export { StaffGuard as AdminGuard };

/** The customer id proven by CustomerGuard. */
export const CurrentCustomer = createParamDecorator((_: unknown, context: ExecutionContext): string => {
  const id = context.switchToHttp().getRequest<AuthedRequest>().customerId;
  if (!id) throw new AppError('unauthorized', 'Not authenticated');
  return id;
});
