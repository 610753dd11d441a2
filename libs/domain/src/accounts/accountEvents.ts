/**
 * An organisation's accounts: one stream per organisation holds the organisation and all
 * its users and their tokens, so one decision sees everything it needs (a user's id is
 * unique in its organisation; a token belongs to one user) and an organisation's staff
 * list is one read. Every event names who made the change (`by`: a user id, or `admin`
 * for the bootstrap ADMIN_TOKEN).
 */

/** The roles a user can have; `admin` only in the platform's own organisation. */
export type AccountRole = 'admin' | 'event_manager' | 'auditor' | 'gate';

export const ACCOUNT_ROLES: readonly AccountRole[] = ['admin', 'event_manager', 'auditor', 'gate'];

/** The organisation platform admins belong to; it exists without being created. */
export const PLATFORM_ORGANISATION = 'platform';

export type OrganisationCreated = {
  type: 'OrganisationCreated';
  data: { organisationId: string; name: string; createdAt: string; by: string };
};

export type UserCreated = {
  type: 'UserCreated';
  data: {
    organisationId: string;
    userId: string;
    name: string;
    role: AccountRole;
    /** Gate users: the shows they check tickets in at; empty for every other role. */
    showIds: string[];
    createdAt: string;
    by: string;
  };
};

export type UserTokenIssued = {
  type: 'UserTokenIssued';
  /** Only the SHA-256 of the token's secret part is kept: the log never holds a usable token. */
  data: { organisationId: string; userId: string; tokenId: string; secretSha256: string; label: string; issuedAt: string; by: string };
};

export type UserTokenRevoked = {
  type: 'UserTokenRevoked';
  data: { organisationId: string; userId: string; tokenId: string; revokedAt: string; by: string };
};

/** Every token of the user stops working at once (the user is gone); its history stays. */
export type UserDisabled = {
  type: 'UserDisabled';
  data: { organisationId: string; userId: string; disabledAt: string; by: string };
};

export type AccountEvent = OrganisationCreated | UserCreated | UserTokenIssued | UserTokenRevoked | UserDisabled;

export const ACCOUNT_EVENT_TYPES: readonly AccountEvent['type'][] = ['OrganisationCreated', 'UserCreated', 'UserTokenIssued', 'UserTokenRevoked', 'UserDisabled'];

export function accountStream(organisationId: string): string {
  return `account-organisation-${organisationId}`;
}
