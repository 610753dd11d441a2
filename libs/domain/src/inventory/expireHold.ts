import { toIsoTimestamp } from '../timestamps';
import { requireEpochMs, requireText } from '../inputGuards';
import type { ExpireHold } from './inventoryCommands';
import type { InventoryEvent } from './inventoryEvents';
import type { InventoryState } from './inventoryState';

/**
 * Never an error: the expiry worker may run early, late or twice, and may race a sale
 * or a release; whatever it finds that is not an active, due hold is simply done.
 */
export function decideExpireHold(data: ExpireHold['data'], state: InventoryState): InventoryEvent[] {
  requireText(data.holdId, 'holdId');
  requireEpochMs(data.now, 'now');
  const hold = state.holds.get(data.holdId);
  if (!hold || hold.status !== 'active' || data.now < hold.expiresAt) return [];
  return [{ type: 'HoldExpired', data: { holdId: hold.holdId, customerId: hold.customerId, expiredAt: toIsoTimestamp(data.now) } }];
}
