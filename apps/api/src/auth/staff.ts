import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { AppError } from '../application/appError';

/**
 * Who runs the platform. `admin` may do everything; the others act only inside their
 * organisation: an `event_manager` builds and sells its venues, events and shows, an
 * `auditor` reads audits and analytics, a `gate` user checks tickets in at the shows it
 * was given.
 */
export type StaffRole = 'admin' | 'event_manager' | 'auditor' | 'gate';

export const STAFF_ROLES: readonly StaffRole[] = ['admin', 'event_manager', 'auditor', 'gate'];

/** The staff member a request was made by, proven by its bearer token. */
export interface Staff {
  /** `admin` for the bootstrap ADMIN_TOKEN. */
  userId: string;
  role: StaffRole;
  name: string;
  /** Undefined for platform admins, who belong to none and see every organisation. */
  organisationId: string | undefined;
  /** Gate users: the shows they may check tickets in at. */
  showIds: readonly string[];
}

/** The bootstrap admin: whoever holds ADMIN_TOKEN. */
export const BOOTSTRAP_ADMIN: Staff = { userId: 'admin', role: 'admin', name: 'Bootstrap admin', organisationId: undefined, showIds: [] };

export const ROLES_KEY = 'staffRoles';

/**
 * The roles, besides `admin`, that may call a route or controller guarded by `StaffGuard`
 * (`AdminGuard`); without it only admins may.
 */
export const Roles = (...roles: StaffRole[]) => SetMetadata(ROLES_KEY, roles);

export type StaffRequest = { staff?: Staff };

/** The staff member proven by StaffGuard. */
export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): Staff => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new AppError('unauthorized', 'Not authenticated');
  return staff;
});

/** The `by` every staff-made event records (in its metadata, and in the data of account events). */
export function madeBy(staff: Staff): { by: string } {
  return { by: staff.userId };
}
