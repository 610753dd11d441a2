import { Injectable } from '@nestjs/common';
import { DomainError, type AllowanceReleaseReason, type WaitlistEndReason } from '@app/domain';
import { HoldLookup } from '../inventory/holds/holdLookup';
import { ShardRegistry } from '../inventory/shardRegistry';
import { WaitlistLines } from './waitlistLines';

/**
 * How waiting-line entries end, and their allowance given back. The customer's allowance
 * is reserved under the entry id for as long as the entry may wait, so the per-customer
 * limit counts waiting quantities, and the hold an offer makes (under the same id) is
 * covered by that reservation.
 */
@Injectable()
export class WaitlistEndings {
  constructor(
    private readonly lines: WaitlistLines,
    private readonly registry: ShardRegistry,
    private readonly holds: HoldLookup,
  ) {}

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

/** Someone else's entry answers exactly like a missing one. */
export function entryNotFound(entryId: string): DomainError<'waitlist_entry_not_found'> {
  return new DomainError('waitlist_entry_not_found', `Waiting-line entry ${entryId} not found`, { entryId });
}
