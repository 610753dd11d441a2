import { DomainError, invalidRequest } from '../errors';
import { toIsoTimestamp } from '../timestamps';
import { requireEpochMs, requireText } from '../inputGuards';
import { findOwnedHold, holdExpiredError } from './holdLookup';
import type { ReleaseHold } from './inventoryCommands';
import type { InventoryEvent, ReleaseReason } from './inventoryEvents';
import type { InventoryState } from './inventoryState';

const REASONS: readonly ReleaseReason[] = ['customer', 'undo', 'payment_failed', 'admin'];

/** Releasing twice is a retry, not an error; releasing what expired or sold is. */
export function decideReleaseHold(data: ReleaseHold['data'], state: InventoryState): InventoryEvent[] {
  requireText(data.holdId, 'holdId');
  requireText(data.customerId, 'customerId');
  requireEpochMs(data.now, 'now');
  if (!REASONS.includes(data.reason)) throw invalidRequest('reason', `must be one of ${REASONS.join(', ')}`, { value: data.reason });
  const hold = findOwnedHold(state, data.holdId, data.customerId);
  switch (hold.status) {
    case 'released':
      return [];
    case 'sold':
      throw new DomainError('hold_already_purchased', `Hold ${hold.holdId} was already purchased`, { holdId: hold.holdId, orderId: hold.orderId });
    case 'expired':
      throw holdExpiredError(hold);
    case 'active':
      // Past its expiry the hold is expired, whether or not the worker has written so yet.
      if (data.now >= hold.expiresAt) throw holdExpiredError(hold);
      return [
        {
          type: 'HoldReleased',
          data: { holdId: hold.holdId, customerId: hold.customerId, releasedAt: toIsoTimestamp(data.now), reason: data.reason },
        },
      ];
  }
}
