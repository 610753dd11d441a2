import { DomainError } from '../errors';
import type { GeneralLayout, InventoryState } from './inventoryState';

/**
 * The lowest free ticket numbers of a general-admission shard, in O(quantity log quantity):
 * returned numbers (a heap, all below the cursor) first, then fresh ones from the cursor.
 * Only when those run short are holds past their expiry reclaimed, earliest first, so an
 * on-sale with a lagging expiry worker still sells every ticket.
 */
export function pickGeneralTickets(state: InventoryState, layout: GeneralLayout, quantity: number, now: number): number[] {
  const fresh = state.size - state.cursor;
  if (state.returned.length + fresh >= quantity) {
    const picks = state.returned.smallest(quantity);
    for (let unit = state.cursor; picks.length < quantity; unit++) picks.push(unit);
    return picks;
  }
  // Fewer than `quantity` free units, so the lists below stay small.
  const candidates = state.returned.toArray();
  for (let unit = state.cursor; unit < state.size; unit++) candidates.push(unit);
  for (const hold of state.expiries.due(now)) {
    if (candidates.length >= quantity) break;
    candidates.push(...hold.units);
  }
  if (candidates.length < quantity) {
    throw new DomainError('seats_unavailable', `Only ${candidates.length} tickets left in shard ${layout.shardId}, ${quantity} requested`, {
      requested: quantity,
      available: candidates.length,
    });
  }
  return candidates.sort((a, b) => a - b).slice(0, quantity);
}
