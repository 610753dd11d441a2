import { DomainError, invalidRequest } from '../errors';
import { requireEpochMs } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import { ACCOUNT_ROLES, PLATFORM_ORGANISATION, type AccountEvent, type AccountRole } from './accountEvents';
import type { OrganisationState, UserRecord } from './accountState';

/** Who asks: the bootstrap admin (`userId` 'admin'), or a user with a role in an organisation. */
export interface Actor {
  userId: string;
  role: AccountRole;
  /** Undefined for the bootstrap admin. */
  organisationId: string | undefined;
}

export type AccountCommand =
  | { type: 'CreateOrganisation'; data: { organisationId: string; name: string; actor: Actor; now: number } }
  | { type: 'CreateUser'; data: { organisationId: string; userId: string; name: string; role: AccountRole; showIds: string[]; actor: Actor; now: number } }
  | { type: 'IssueUserToken'; data: { organisationId: string; userId: string; tokenId: string; secretSha256: string; label: string; actor: Actor; now: number } }
  | { type: 'RevokeUserToken'; data: { organisationId: string; userId: string; tokenId: string; actor: Actor; now: number } }
  | { type: 'DisableUser'; data: { organisationId: string; userId: string; actor: Actor; now: number } };

export const ORGANISATION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;
export const MAX_NAME_LENGTH = 120;
/** Live tokens one user may have at once: one per device is plenty; old ones are revoked. */
export const MAX_LIVE_TOKENS_PER_USER = 20;
/** Shows one gate user may be given. */
export const MAX_GATE_SHOWS = 50;

export function decideAccounts(command: AccountCommand, state: OrganisationState): AccountEvent[] {
  const { actor, now, organisationId } = command.data;
  requireEpochMs(now, 'now');
  const at = toIsoTimestamp(now);
  switch (command.type) {
    case 'CreateOrganisation': {
      const { name } = command.data;
      if (actor.role !== 'admin') throw notPermitted('create organisations', actor);
      if (!ORGANISATION_ID_PATTERN.test(organisationId) || organisationId === PLATFORM_ORGANISATION) {
        throw invalidRequest('id', `must be 1-63 lower-case letters, digits and dashes, starting with a letter or digit, and not '${PLATFORM_ORGANISATION}'`, { value: organisationId });
      }
      const cleanName = requireName(name, 'name');
      if (state.organisation) {
        if (state.organisation.name === cleanName) return [];
        throw new DomainError('already_exists', `Organisation ${organisationId} already exists`, { kind: 'organisation', id: organisationId });
      }
      return [{ type: 'OrganisationCreated', data: { organisationId, name: cleanName, createdAt: at, by: actor.userId } }];
    }
    case 'CreateUser': {
      const { userId, role, showIds } = command.data;
      requireOrganisation(state, organisationId);
      if (!ACCOUNT_ROLES.includes(role)) throw invalidRequest('role', `must be one of ${ACCOUNT_ROLES.join(', ')}`, { value: role });
      if ((role === 'admin') !== (organisationId === PLATFORM_ORGANISATION)) {
        throw invalidRequest('role', role === 'admin' ? `admins belong to the '${PLATFORM_ORGANISATION}' organisation` : `the '${PLATFORM_ORGANISATION}' organisation holds admins only`, { value: role });
      }
      if (!managesStaffOf(actor, organisationId, role)) throw notPermitted(`create ${role} users in ${organisationId}`, actor);
      const name = requireName(command.data.name, 'name');
      if (!Array.isArray(showIds) || showIds.some((id) => typeof id !== 'string' || id.length === 0)) throw invalidRequest('showIds', 'must be a list of show ids', { value: showIds });
      if (role === 'gate' && showIds.length === 0) throw invalidRequest('showIds', 'a gate user needs at least one show to check tickets in at');
      if (role !== 'gate' && showIds.length > 0) throw invalidRequest('showIds', 'only gate users are given shows');
      if (showIds.length > MAX_GATE_SHOWS) throw invalidRequest('showIds', `at most ${MAX_GATE_SHOWS} shows`, { count: showIds.length });
      if (new Set(showIds).size !== showIds.length) throw invalidRequest('showIds', 'lists a show twice');
      const existing = state.users.get(userId);
      if (existing) {
        throw new DomainError('already_exists', `User ${userId} already exists in ${organisationId}`, { kind: 'user', id: userId });
      }
      return [{ type: 'UserCreated', data: { organisationId, userId, name, role, showIds: [...showIds], createdAt: at, by: actor.userId } }];
    }
    case 'IssueUserToken': {
      const { tokenId, secretSha256 } = command.data;
      const user = requireUser(state, organisationId, command.data.userId);
      if (!mayHandleTokensOf(actor, organisationId, user)) throw notPermitted(`issue tokens to ${user.userId}`, actor);
      if (user.disabledAt) throw invalidRequest('userId', `user ${user.userId} is disabled`, { value: user.userId });
      const label = command.data.label.trim();
      if (label.length > MAX_NAME_LENGTH) throw invalidRequest('label', `must be at most ${MAX_NAME_LENGTH} characters`, { length: label.length });
      if (!/^[0-9a-f]{64}$/.test(secretSha256)) throw invalidRequest('secretSha256', 'must be a hex SHA-256');
      const previous = user.tokens.get(tokenId);
      if (previous) {
        if (previous.secretSha256 === secretSha256) return [];
        throw invalidRequest('tokenId', `token ${tokenId} already exists`, { value: tokenId });
      }
      const live = [...user.tokens.values()].filter((t) => t.revokedAt === undefined).length;
      if (live >= MAX_LIVE_TOKENS_PER_USER) {
        throw new DomainError('limit_exceeded', `A user may have at most ${MAX_LIVE_TOKENS_PER_USER} live tokens; revoke one first`, { limit: MAX_LIVE_TOKENS_PER_USER, current: live, requested: 1 });
      }
      return [{ type: 'UserTokenIssued', data: { organisationId, userId: user.userId, tokenId, secretSha256, label, issuedAt: at, by: actor.userId } }];
    }
    case 'RevokeUserToken': {
      const user = requireUser(state, organisationId, command.data.userId);
      if (!mayHandleTokensOf(actor, organisationId, user)) throw notPermitted(`revoke tokens of ${user.userId}`, actor);
      const token = user.tokens.get(command.data.tokenId);
      if (!token) throw new DomainError('not_found', `Token ${command.data.tokenId} of user ${user.userId} does not exist`, { kind: 'token', id: command.data.tokenId });
      if (token.revokedAt !== undefined) return [];
      return [{ type: 'UserTokenRevoked', data: { organisationId, userId: user.userId, tokenId: token.tokenId, revokedAt: at, by: actor.userId } }];
    }
    case 'DisableUser': {
      const user = requireUser(state, organisationId, command.data.userId);
      if (!managesStaffOf(actor, organisationId, user.role) || actor.userId === user.userId) throw notPermitted(`disable ${user.userId}`, actor);
      if (user.disabledAt !== undefined) return [];
      return [{ type: 'UserDisabled', data: { organisationId, userId: user.userId, disabledAt: at, by: actor.userId } }];
    }
  }
}

/** Admins manage everyone; an event manager manages the check-in staff (gate users) of its own organisation. */
function managesStaffOf(actor: Actor, organisationId: string, role: AccountRole): boolean {
  return actor.role === 'admin' || (actor.role === 'event_manager' && actor.organisationId === organisationId && role === 'gate');
}

/** Whoever manages a user, and the user itself (to rotate its own tokens). */
function mayHandleTokensOf(actor: Actor, organisationId: string, user: UserRecord): boolean {
  return managesStaffOf(actor, organisationId, user.role) || (actor.userId === user.userId && actor.organisationId === organisationId);
}

function requireOrganisation(state: OrganisationState, organisationId: string): void {
  if (!state.organisation) throw new DomainError('not_found', `Organisation ${organisationId} does not exist`, { kind: 'organisation', id: organisationId });
}

function requireUser(state: OrganisationState, organisationId: string, userId: string): UserRecord {
  requireOrganisation(state, organisationId);
  const user = state.users.get(userId);
  if (!user) throw new DomainError('not_found', `User ${userId} does not exist in ${organisationId}`, { kind: 'user', id: userId });
  return user;
}

function requireName(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) throw invalidRequest(field, 'must be a non-empty string', { value });
  const name = value.trim();
  if (name.length > MAX_NAME_LENGTH) throw invalidRequest(field, `must be at most ${MAX_NAME_LENGTH} characters`, { length: name.length });
  return name;
}

function notPermitted(action: string, actor: Actor): DomainError<'not_permitted'> {
  return new DomainError('not_permitted', `A ${actor.role} may not ${action}`, { action, role: actor.role });
}
