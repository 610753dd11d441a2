import { PLATFORM_ORGANISATION, type AccountEvent, type AccountRole } from './accountEvents';

export interface TokenRecord {
  tokenId: string;
  secretSha256: string;
  label: string;
  issuedAt: string;
  issuedBy: string;
  revokedAt?: string;
}

export interface UserRecord {
  userId: string;
  name: string;
  role: AccountRole;
  showIds: string[];
  createdAt: string;
  createdBy: string;
  disabledAt?: string;
  tokens: Map<string, TokenRecord>;
}

export interface OrganisationState {
  /** Undefined until created (the platform organisation always exists). */
  organisation: { organisationId: string; name: string; createdAt: string } | undefined;
  users: Map<string, UserRecord>;
  /** tokenId → userId, for verifying a token in one lookup. */
  tokenOwners: Map<string, string>;
}

export function initialOrganisationState(organisationId?: string): OrganisationState {
  const platform = organisationId === PLATFORM_ORGANISATION ? { organisationId, name: 'Platform', createdAt: '1970-01-01T00:00:00.000Z' } : undefined;
  return { organisation: platform, users: new Map(), tokenOwners: new Map() };
}

/** Applies one event; mutates and returns `state` (replayed only from the organisation's own stream). */
export function evolveOrganisation(state: OrganisationState, event: AccountEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationCreated':
      state.organisation = { organisationId: event.data.organisationId, name: event.data.name, createdAt: event.data.createdAt };
      return state;
    case 'UserCreated':
      state.users.set(event.data.userId, {
        userId: event.data.userId,
        name: event.data.name,
        role: event.data.role,
        showIds: [...event.data.showIds],
        createdAt: event.data.createdAt,
        createdBy: event.data.by,
        tokens: new Map(),
      });
      return state;
    case 'UserTokenIssued': {
      const user = state.users.get(event.data.userId);
      if (!user) return state;
      const { tokenId, secretSha256, label, issuedAt, by } = event.data;
      user.tokens.set(tokenId, { tokenId, secretSha256, label, issuedAt, issuedBy: by });
      state.tokenOwners.set(tokenId, user.userId);
      return state;
    }
    case 'UserTokenRevoked': {
      const token = state.users.get(event.data.userId)?.tokens.get(event.data.tokenId);
      if (token && token.revokedAt === undefined) token.revokedAt = event.data.revokedAt;
      return state;
    }
    case 'UserDisabled': {
      const user = state.users.get(event.data.userId);
      if (user && user.disabledAt === undefined) user.disabledAt = event.data.disabledAt;
      return state;
    }
  }
}
