import { z } from 'zod';
import { Id, Instant } from './common';

const OrganisationId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).meta({ description: "1-63 lowercase letters, digits or '-'; 'platform' holds the platform's admins" });
const label = (max: number) => z.string().min(1).max(max).regex(/\S/);
export const StaffRoleName = z.enum(['admin', 'event_manager', 'auditor', 'gate']).meta({ id: 'StaffRole' });

export const CreateOrganisationRequest = z.strictObject({ id: OrganisationId, name: label(120) }).meta({ id: 'CreateOrganisationRequest' });
export const Organisation = z.strictObject({ id: Id, name: z.string(), createdAt: Instant }).meta({ id: 'Organisation' });

export const CreateUserRequest = z
  .strictObject({
    name: label(120),
    role: StaffRoleName,
    showIds: z.array(Id).max(50).optional().meta({ description: 'Gate users only: the shows they check tickets in at' }),
  })
  .meta({ id: 'CreateUserRequest' });

export const IssueTokenRequest = z.strictObject({ label: z.string().max(120).optional() }).meta({ id: 'IssueTokenRequest' });
export const IssuedToken = z
  .strictObject({ tokenId: Id, token: z.string().meta({ description: 'Shown this once: the log keeps only a hash of its secret' }), issuedAt: Instant })
  .meta({ id: 'IssuedToken' });

export const StaffTokenView = z
  .strictObject({ tokenId: Id, label: z.string(), issuedAt: Instant, issuedBy: Id, revokedAt: Instant.optional() })
  .meta({ id: 'StaffTokenView' });
export const StaffUser = z
  .strictObject({
    userId: Id,
    organisationId: Id,
    name: z.string(),
    role: StaffRoleName,
    showIds: z.array(Id),
    createdAt: Instant,
    createdBy: Id,
    disabledAt: Instant.optional(),
    tokens: z.array(StaffTokenView),
  })
  .meta({ id: 'StaffUser' });
export const OrganisationDetail = z.strictObject({ id: Id, name: z.string(), createdAt: Instant, users: z.array(StaffUser) }).meta({ id: 'OrganisationDetail' });

export const Me = z
  .strictObject({ userId: Id, name: z.string(), role: StaffRoleName, organisationId: Id.optional(), showIds: z.array(Id) })
  .meta({ id: 'Me' });
