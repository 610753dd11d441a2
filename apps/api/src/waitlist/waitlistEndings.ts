import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import {
  DomainError,
  invalidRequest,
  toIsoTimestamp,
  waitlistPosition,
  type AllowanceReleaseReason,
  type WaitlistEndReason,
  type WaitlistEntryStatus,
} from '@app/domain';
import { ReadDatabase, WaitlistQueries } from '@app/read-models';
import { AppError } from '../application/appError';
import { APP_CONFIG } from '../infrastructure/tokens';
import { HoldLookup } from '../inventory/holds/holdLookup';
import { HoldViews } from '../inventory/holds/holdViews';
import { ShardRegistry } from '../inventory/shardRegistry';
import { ProjectionsService } from '../projections/projections.service';
import { WaitlistLines } from './waitlistLines';

export interface WaitlistRequest {
  quantity: number;
  tier?: string;
  section?: string;
}

export interface WaitlistJoinedView {
  entryId: string;
  position: number;
}

export interface WaitlistEntryView {
  entryId: string;
  showId: string;
  status: WaitlistEntryStatus;
  /** 1 for the longest-waiting entry; null once the entry is out of the line. */
  position: number | null;
  quantity: number;
  tier?: string;
  section?: string;
  joinedAt: string;
  waitsUntil: string;
  /** The hold offered to the entry (status 'offered'): see `GET /v1/holds/:holdId`. */
  holdId?: string;
}

/**
 * Joining and leaving a show's waiting line, and ending entries. The customer's
 * allowance is reserved under the entry id for as long as the entry may wait, so the
 * per-customer limit counts waiting quantities, and the hold an offer makes (under the
 * same id) is covered by that reservation.
 */
@Injectable()
export class WaitlistService {
  private readonly logger = new Logger('Waitlist');
  private readonly queries: WaitlistQueries;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lines: WaitlistLines,
    private readonly registry: ShardRegistry,
    private readonly holds: HoldLookup,
    private readonly holdViews: HoldViews,
    private readonly projections: ProjectionsService,
    readDb: ReadDatabase,
  ) {
    this.queries = new WaitlistQueries(readDb.reader);
  }

  async join(customerId: string, showId: string, request: WaitlistRequest): Promise<WaitlistJoinedView> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    const show = inventory.definition.show;
    const { quantity, tier, section } = request;
    if (section !== undefined && show.kind === 'general') throw invalidRequest('section', 'this show is general admission: it has no sections');
    if (quantity > show.maxTicketsPerCustomer) {
      throw new DomainError('limit_exceeded', `At most ${show.maxTicketsPerCustomer} tickets per customer for this show`, {
        limit: show.maxTicketsPerCustomer,
        current: 0,
        requested: quantity,
      });
    }
    // The line is for seats that may still come free: held now, not sold.
    const counts = await this.holdViews.counts(showId, { tier, section });
    if (counts.available >= quantity) {
      throw new AppError('seats_available', `${counts.available} available right now: hold them instead`, { available: counts.available });
    }
    if (counts.available + counts.held < quantity) {
      throw new AppError('sold_out', 'Sold out: not enough tickets are held that could still come free', { available: counts.available, held: counts.held });
    }
    const line = this.lines.line(showId);
    const now = Date.now();
    // Answer "already waiting" before the allowance could answer "limit exceeded" for the same reason.
    const current = await line.read((state) => {
      const entry = state.entries.get(state.waitingByCustomer.get(customerId) ?? '');
      return entry && now < entry.waitsUntil ? entry.entryId : undefined;
    });
    if (current) throw new DomainError('already_waiting', `You are already waiting for this show (entry ${current})`, { entryId: current });

    const entryId = randomUUID();
    const waitsUntil = now + this.config.waitlistMaxWaitSeconds * 1000;
    const allowance = this.registry.allowance(showId, customerId);
    await allowance.execute({ type: 'ReserveAllowance', data: { holdId: entryId, quantity, limit: show.maxTicketsPerCustomer, now, expiresAt: waitsUntil } });
    try {
      await line.execute({
        type: 'JoinWaitlist',
        data: { entryId, customerId, quantity, maxQuantity: show.maxTicketsPerCustomer, ...(tier ? { tier } : {}), ...(section ? { section } : {}), now, waitsUntil },
      });
    } catch (error) {
      await this.returnAllowance(showId, customerId, entryId, 'failed').catch((e: unknown) =>
        this.logger.warn(`allowance of refused waiting-line entry ${entryId} not returned yet: ${String(e)}`),
      );
      throw error;
    }
    const position = await line.read((state) => waitlistPosition(state, entryId, Date.now()));
    return { entryId, position: position ?? 1 };
  }

  async view(customerId: string, entryId: string): Promise<WaitlistEntryView> {
    await this.projections.catchUp();
    const row = this.queries.get(entryId);
    // Someone else's entry answers exactly like a missing one.
    if (!row || row.customer_id !== customerId) throw notFound(entryId);
    const nowIso = toIsoTimestamp(Date.now());
    const status = row.status === 'waiting' && row.waits_until <= nowIso ? 'expired' : row.status;
    return {
      entryId,
      showId: row.show_id,
      status,
      position: status === 'waiting' ? 1 + this.queries.countAhead(row.show_id, row.seq, nowIso) : null,
      quantity: row.quantity,
      ...(row.tier !== null ? { tier: row.tier } : {}),
      ...(row.section !== null ? { section: row.section } : {}),
      joinedAt: row.joined_at,
      waitsUntil: row.waits_until,
      ...(row.hold_id !== null ? { holdId: row.hold_id } : {}),
    };
  }

  async leave(customerId: string, entryId: string): Promise<void> {
    await this.projections.catchUp();
    const row = this.queries.get(entryId);
    if (!row || row.customer_id !== customerId) throw notFound(entryId);
    await this.lines.line(row.show_id).execute({ type: 'LeaveWaitlist', data: { entryId, customerId, now: Date.now() } });
    // Also after a repeated leave: the first one may have died before giving the allowance back.
    await this.returnAllowance(row.show_id, customerId, entryId, 'released');
  }

  /**
   * Ends a waiting entry: 'expired' (a no-op unless it is due) or 'sold_out'. The
   * allowance comes back whenever the entry is over without a hold, also when an
   * earlier attempt wrote the end but could not give the allowance back.
   */
  async end(showId: string, entryId: string, customerId: string, reason: WaitlistEndReason): Promise<void> {
    const now = Date.now();
    const line = this.lines.line(showId);
    await line.execute(reason === 'expired' ? { type: 'ExpireWaitlistEntry', data: { entryId, now } } : { type: 'EndWaitlistSoldOut', data: { entryId, now } });
    const status = await line.read((state) => state.entries.get(entryId)?.status);
    if (status === 'expired' || status === 'sold_out' || status === 'left') await this.returnAllowance(showId, customerId, entryId, RELEASE_REASON[status]);
  }

  /**
   * Gives back the allowance reserved under the entry id: a no-op when already done, and
   * never once the entry's offer took seats (that hold owns the reservation now; its
   * release or expiry returns it, and a sale keeps it).
   */
  async returnAllowance(showId: string, customerId: string, entryId: string, reason: AllowanceReleaseReason): Promise<void> {
    if (this.holds.tookSeats(entryId)) return;
    await this.registry.allowance(showId, customerId).execute({ type: 'ReleaseAllowance', data: { holdId: entryId, now: Date.now(), reason } });
  }
}

const RELEASE_REASON: Record<'expired' | 'sold_out' | 'left', AllowanceReleaseReason> = { expired: 'expired', sold_out: 'failed', left: 'released' };

function notFound(entryId: string): DomainError<'waitlist_entry_not_found'> {
  return new DomainError('waitlist_entry_not_found', `Waiting-line entry ${entryId} not found`, { entryId });
}
