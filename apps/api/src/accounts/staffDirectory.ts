import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { accountStream, accountsDecider, PLATFORM_ORGANISATION, type AccountCommand, type AccountEvent, type Actor, type OrganisationState } from '@app/domain';
import type { EventStore } from '@app/event-store';
import { TokenService } from '../auth/tokenService';
import { BOOTSTRAP_ADMIN, type Staff } from '../auth/staff';
import { StreamWriter, type Decided } from '../infrastructure/streamWriter';
import { EVENT_STORE } from '../infrastructure/tokens';

/**
 * How long a process trusts its copy of an organisation's accounts before it checks the
 * stream's head again: a token revoked through another process stops working here within
 * this time; one revoked through this process stops at once.
 */
export const ACCOUNTS_FRESH_MS = 1_000;

const TOKEN_PATTERN = /^stf\.([a-z0-9][a-z0-9-]{0,62})\.([A-Za-z0-9_-]{8,40})\.([A-Za-z0-9_-]{32,64})$/;

/** A user's token as shown once, at issue; the log keeps only its secret's hash. */
export interface IssuedToken {
  tokenId: string;
  token: string;
}

/**
 * Staff accounts: organisations, their users and the users' tokens, one stream per
 * organisation kept hot in memory. `verify` turns a bearer token into the staff member it
 * belongs to: the bootstrap ADMIN_TOKEN, or `stf.<organisation>.<tokenId>.<secret>` whose
 * secret hashes to the one recorded when it was issued, of a live user, not revoked.
 */
@Injectable()
export class StaffDirectory {
  private readonly writers = new Map<string, StreamWriter<AccountCommand, AccountEvent, OrganisationState>>();
  private readonly checkedAt = new Map<string, number>();

  constructor(
    private readonly tokens: TokenService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async verify(token: string): Promise<Staff | undefined> {
    if (this.tokens.isAdmin(token)) return BOOTSTRAP_ADMIN;
    const match = TOKEN_PATTERN.exec(token);
    if (!match) return undefined;
    const [, organisationId, tokenId, secret] = match;
    const now = Date.now();
    const fresh = now - (this.checkedAt.get(organisationId) ?? 0) >= ACCOUNTS_FRESH_MS;
    const writer = this.writer(organisationId);
    const found = await writer.read((state) => {
      // A made-up organisation keeps no writer here: tokens cannot be used to fill memory.
      if (!state.organisation) this.writers.delete(organisationId);
      const user = state.users.get(state.tokenOwners.get(tokenId) ?? '');
      const record = user?.tokens.get(tokenId);
      if (!user || !record || record.revokedAt !== undefined || user.disabledAt !== undefined) return undefined;
      if (!sameHash(sha256(secret), record.secretSha256)) return undefined;
      return { userId: user.userId, role: user.role, name: user.name, organisationId: organisationId === PLATFORM_ORGANISATION ? undefined : organisationId, showIds: [...user.showIds] } satisfies Staff;
    }, { fresh });
    if (fresh) this.checkedAt.set(organisationId, now);
    return found;
  }

  /** Decides and appends an accounts command on its organisation's stream. */
  execute(command: AccountCommand): Promise<Decided<AccountEvent>> {
    return this.writer(command.data.organisationId).execute(command);
  }

  /** A new token for a user: the secret is made here and returned once; only its hash is written. */
  async issueToken(organisationId: string, userId: string, label: string, actor: Actor): Promise<IssuedToken & { issuedAt: string }> {
    const tokenId = randomBytes(9).toString('base64url');
    const secret = randomBytes(24).toString('base64url');
    const { events } = await this.execute({ type: 'IssueUserToken', data: { organisationId, userId, tokenId, secretSha256: sha256(secret), label, actor, now: Date.now() } });
    const issued = events.find((e) => e.type === 'UserTokenIssued');
    if (!issued || issued.type !== 'UserTokenIssued') throw new Error(`token ${tokenId} was decided but not issued`);
    return { tokenId, token: `stf.${organisationId}.${tokenId}.${secret}`, issuedAt: issued.data.issuedAt };
  }

  /** The organisation's state as of every write anywhere (checks the stream's head first). */
  read<T>(organisationId: string, look: (state: OrganisationState) => T): Promise<T> {
    return this.writer(organisationId).read(look, { fresh: true });
  }

  private writer(organisationId: string): StreamWriter<AccountCommand, AccountEvent, OrganisationState> {
    let writer = this.writers.get(organisationId);
    if (!writer) {
      writer = new StreamWriter({ store: this.store, streamId: accountStream(organisationId), decider: accountsDecider(organisationId), metadata: { organisationId } });
      this.writers.set(organisationId, writer);
    }
    return writer;
  }
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
