import { DomainError } from '../errors';
import { toIsoTimestamp } from '../timestamps';
import type { Hold } from './holdRecord';
import type { InventoryState } from './inventoryState';

/** Lookup shared by every command addressed to an existing hold; ownership is checked before any status is revealed. */
export function findOwnedHold(state: InventoryState, holdId: string, customerId: string): Hold {
  const hold = state.holds.get(holdId);
  if (!hold) throw new DomainError('hold_not_found', `No hold ${holdId} in shard ${state.layout.shardId}`, { holdId });
  if (hold.customerId !== customerId) throw new DomainError('not_hold_owner', `Hold ${holdId} belongs to another customer`, { holdId });
  return hold;
}

export function holdExpiredError(hold: Hold): DomainError<'hold_expired'> {
  const expiresAt = toIsoTimestamp(hold.expiresAt);
  return new DomainError('hold_expired', `Hold ${hold.holdId} expired at ${expiresAt}`, { holdId: hold.holdId, expiresAt });
}
