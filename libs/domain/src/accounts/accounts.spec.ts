import { givenWhenThen } from '../testing/givenWhenThen';
import type { AccountEvent, AccountRole } from './accountEvents';
import { accountsDecider } from './accountsDecider';
import type { Actor } from './decideAccounts';

const NOW = Date.parse('2026-12-03T12:00:00.000Z');
const AT = '2026-12-03T12:00:00.000Z';
const HASH = 'a'.repeat(64);
const admin: Actor = { userId: 'admin', role: 'admin', organisationId: undefined };
const manager: Actor = { userId: 'u-manager', role: 'event_manager', organisationId: 'acme' };
const otherManager: Actor = { userId: 'u-other', role: 'event_manager', organisationId: 'globex' };
const auditor: Actor = { userId: 'u-auditor', role: 'auditor', organisationId: 'acme' };

const acme = givenWhenThen(accountsDecider('acme'));
const created: AccountEvent = { type: 'OrganisationCreated', data: { organisationId: 'acme', name: 'Acme Live', createdAt: AT, by: 'admin' } };
const gate: AccountEvent = { type: 'UserCreated', data: { organisationId: 'acme', userId: 'u-gate', name: 'North gate', role: 'gate', showIds: ['show-1'], createdAt: AT, by: 'u-manager' } };
const managerUser: AccountEvent = { type: 'UserCreated', data: { organisationId: 'acme', userId: 'u-manager', name: 'Mia', role: 'event_manager', showIds: [], createdAt: AT, by: 'admin' } };
const token: AccountEvent = { type: 'UserTokenIssued', data: { organisationId: 'acme', userId: 'u-gate', tokenId: 't1', secretSha256: HASH, label: 'scanner 1', issuedAt: AT, by: 'u-manager' } };

describe('organisations', () => {
  it('an admin creates one, recording who', () => {
    acme.given([]).when({ type: 'CreateOrganisation', data: { organisationId: 'acme', name: ' Acme Live ', actor: admin, now: NOW } }).then([created]);
  });

  it('a retry with the same name decides nothing; another name is a conflict', () => {
    acme.given([created]).when({ type: 'CreateOrganisation', data: { organisationId: 'acme', name: 'Acme Live', actor: admin, now: NOW } }).then([]);
    acme.given([created]).when({ type: 'CreateOrganisation', data: { organisationId: 'acme', name: 'Other', actor: admin, now: NOW } }).thenThrows('already_exists');
  });

  it('only admins create organisations', () => {
    acme.given([]).when({ type: 'CreateOrganisation', data: { organisationId: 'acme', name: 'Acme', actor: manager, now: NOW } }).thenThrows('not_permitted');
  });

  it('refuses a malformed id, the reserved platform id and an empty name, naming the field', () => {
    givenWhenThen(accountsDecider('Bad Id')).given([]).when({ type: 'CreateOrganisation', data: { organisationId: 'Bad Id', name: 'x', actor: admin, now: NOW } }).thenThrows('invalid_request', (d) => d.field === 'id');
    givenWhenThen(accountsDecider('platform')).given([]).when({ type: 'CreateOrganisation', data: { organisationId: 'platform', name: 'x', actor: admin, now: NOW } }).thenThrows('invalid_request', (d) => d.field === 'id');
    acme.given([]).when({ type: 'CreateOrganisation', data: { organisationId: 'acme', name: '  ', actor: admin, now: NOW } }).thenThrows('invalid_request', (d) => d.field === 'name');
  });
});

describe('users', () => {
  const create = (actor: Actor, role: AccountRole, showIds: string[] = []) => ({
    type: 'CreateUser' as const,
    data: { organisationId: 'acme', userId: 'u-new', name: 'New', role, showIds, actor, now: NOW },
  });

  it('an admin creates any role of the organisation', () => {
    for (const role of ['event_manager', 'auditor'] as const) {
      acme.given([created]).when(create(admin, role)).then([{ type: 'UserCreated', data: { organisationId: 'acme', userId: 'u-new', name: 'New', role, showIds: [], createdAt: AT, by: 'admin' } }]);
    }
  });

  it('an event manager creates check-in staff of its own organisation, and nothing else', () => {
    acme.given([created, managerUser]).when(create(manager, 'gate', ['show-1'])).then([
      { type: 'UserCreated', data: { organisationId: 'acme', userId: 'u-new', name: 'New', role: 'gate', showIds: ['show-1'], createdAt: AT, by: 'u-manager' } },
    ]);
    acme.given([created]).when(create(manager, 'auditor')).thenThrows('not_permitted');
    acme.given([created]).when(create(otherManager, 'gate', ['show-1'])).thenThrows('not_permitted');
    acme.given([created]).when(create(auditor, 'gate', ['show-1'])).thenThrows('not_permitted');
  });

  it('a gate user needs shows, and only gate users get them', () => {
    acme.given([created]).when(create(admin, 'gate')).thenThrows('invalid_request', (d) => d.field === 'showIds');
    acme.given([created]).when(create(admin, 'auditor', ['show-1'])).thenThrows('invalid_request', (d) => d.field === 'showIds');
    acme.given([created]).when(create(admin, 'gate', ['show-1', 'show-1'])).thenThrows('invalid_request', (d) => d.field === 'showIds');
  });

  it('admins live in the platform organisation only', () => {
    acme.given([created]).when(create(admin, 'admin')).thenThrows('invalid_request', (d) => d.field === 'role');
    givenWhenThen(accountsDecider('platform'))
      .given([])
      .when({ type: 'CreateUser', data: { organisationId: 'platform', userId: 'u-ops', name: 'Ops', role: 'event_manager', showIds: [], actor: admin, now: NOW } })
      .thenThrows('invalid_request', (d) => d.field === 'role');
    givenWhenThen(accountsDecider('platform'))
      .given([])
      .when({ type: 'CreateUser', data: { organisationId: 'platform', userId: 'u-ops', name: 'Ops', role: 'admin', showIds: [], actor: admin, now: NOW } })
      .then([{ type: 'UserCreated', data: { organisationId: 'platform', userId: 'u-ops', name: 'Ops', role: 'admin', showIds: [], createdAt: AT, by: 'admin' } }]);
  });

  it('needs the organisation to exist, and a user id not taken', () => {
    acme.given([]).when(create(admin, 'auditor')).thenThrows('not_found', (d) => d.kind === 'organisation');
    acme.given([created, { ...managerUser, data: { ...managerUser.data, userId: 'u-new' } } as AccountEvent]).when(create(admin, 'auditor')).thenThrows('already_exists');
  });
});

describe('tokens', () => {
  const issue = (actor: Actor, tokenId = 't2', secretSha256 = 'b'.repeat(64)) => ({
    type: 'IssueUserToken' as const,
    data: { organisationId: 'acme', userId: 'u-gate', tokenId, secretSha256, label: 'scanner 2', actor, now: NOW },
  });
  const revoke = (actor: Actor, tokenId = 't1') => ({ type: 'RevokeUserToken' as const, data: { organisationId: 'acme', userId: 'u-gate', tokenId, actor, now: NOW } });

  it('are issued to gate staff by their event manager and by the user itself, keeping only the secret\'s hash', () => {
    acme.given([created, gate]).when(issue(manager)).then([
      { type: 'UserTokenIssued', data: { organisationId: 'acme', userId: 'u-gate', tokenId: 't2', secretSha256: 'b'.repeat(64), label: 'scanner 2', issuedAt: AT, by: 'u-manager' } },
    ]);
    expect(acme.given([created, gate]).when(issue({ userId: 'u-gate', role: 'gate', organisationId: 'acme' })).events()).toEqual([
      expect.objectContaining({ type: 'UserTokenIssued', data: expect.objectContaining({ by: 'u-gate' }) }),
    ]);
    acme.given([created, gate]).when(issue(otherManager)).thenThrows('not_permitted');
    acme.given([created, gate]).when(issue(auditor)).thenThrows('not_permitted');
  });

  it('a retried issue decides nothing; a reused token id with another secret is refused', () => {
    acme.given([created, gate, token]).when(issue(manager, 't1', HASH)).then([]);
    acme.given([created, gate, token]).when(issue(manager, 't1')).thenThrows('invalid_request', (d) => d.field === 'tokenId');
  });

  it('are revoked once; revoking again decides nothing; an unknown token is not found', () => {
    const revoked = acme.given([created, gate, token]).when(revoke(manager)).events();
    expect(revoked).toEqual([{ type: 'UserTokenRevoked', data: { organisationId: 'acme', userId: 'u-gate', tokenId: 't1', revokedAt: AT, by: 'u-manager' } }]);
    acme.given([created, gate, token, ...revoked]).when(revoke(manager)).then([]);
    acme.given([created, gate, token]).when(revoke(manager, 'nope')).thenThrows('not_found', (d) => d.kind === 'token');
  });

  it('a user has at most 20 live tokens; a revoked one frees its place', () => {
    const many: AccountEvent[] = Array.from({ length: 20 }, (_, i) => ({ ...token, data: { ...token.data, tokenId: `k${i}` } }) as AccountEvent);
    acme.given([created, gate, ...many]).when(issue(manager)).thenThrows('limit_exceeded', (d) => d.limit === 20);
    const oneRevoked: AccountEvent = { type: 'UserTokenRevoked', data: { organisationId: 'acme', userId: 'u-gate', tokenId: 'k3', revokedAt: AT, by: 'admin' } };
    expect(acme.given([created, gate, ...many, oneRevoked]).when(issue(manager)).events()).toHaveLength(1);
  });

  it('a disabled user gets no new tokens', () => {
    const disabled = acme.given([created, gate]).when({ type: 'DisableUser', data: { organisationId: 'acme', userId: 'u-gate', actor: manager, now: NOW } }).events();
    expect(disabled).toEqual([{ type: 'UserDisabled', data: { organisationId: 'acme', userId: 'u-gate', disabledAt: AT, by: 'u-manager' } }]);
    acme.given([created, gate, ...disabled]).when(issue(admin)).thenThrows('invalid_request', (d) => d.field === 'userId');
  });
});
