import { DomainError } from '../errors';
import { isAvailableAt, type InventoryState, type SeatedLayout } from './inventoryState';
import { countStaleUnits } from './staleUnits';

/**
 * Best available on a seated shard: `quantity` adjacent seats (consecutive numbers) in
 * one row, front row first, the block nearest the row's centre; failing that, the best
 * single seats (front rows first, centre first). `tier` is a tier index, or -1 for any.
 *
 * Per-row free counters skip rows that cannot fit the party without reading their seats,
 * so a decision costs O(rows + length of the rows actually scanned). Seats of holds past
 * their expiry count as available; rows are then bounded by free + held seats instead.
 */
export function pickBestSeats(state: InventoryState, layout: SeatedLayout, quantity: number, tier: number, now: number): number[] {
  const staleHoldsExist = state.expiries.hasDue(now);
  const free = tier < 0 ? state.free : state.tierFree[tier];
  if (free < quantity) {
    const available = free + (staleHoldsExist ? countStaleUnits(state, now, tier) : 0);
    if (available < quantity) {
      throw new DomainError('seats_unavailable', `Only ${available} seats left, ${quantity} requested`, { requested: quantity, available });
    }
  }
  for (let row = 0; row < layout.rowCount; row++) {
    if (tier >= 0 && layout.rowTier[row] !== tier) continue;
    if (state.rowFree[row] + (staleHoldsExist ? state.rowHeld[row] : 0) < quantity) continue;
    const start = bestBlockInRow(state, layout, row, quantity, now);
    if (start >= 0) return Array.from({ length: quantity }, (_, i) => start + i);
  }
  return bestScatteredSeats(state, layout, quantity, tier, now, staleHoldsExist);
}

/** First unit of the adjacent block nearest the row's centre, or -1. O(row length). */
function bestBlockInRow(state: InventoryState, layout: SeatedLayout, row: number, quantity: number, now: number): number {
  const from = layout.rowStart[row];
  const to = layout.rowStart[row + 1];
  const centre = (from + to - 1) / 2;
  const halfBlock = (quantity - 1) / 2;
  let best = -1;
  let bestDistance = Infinity;
  const consider = (runStart: number, runEnd: number): void => {
    if (runStart < 0 || runEnd - runStart < quantity) return;
    const start = Math.min(Math.max(Math.round(centre - halfBlock), runStart), runEnd - quantity);
    const distance = Math.abs(start + halfBlock - centre);
    if (distance < bestDistance) {
      best = start;
      bestDistance = distance;
    }
  };
  let runStart = -1;
  for (let unit = from; unit < to; unit++) {
    if (!isAvailableAt(state, unit, now)) {
      consider(runStart, unit);
      runStart = -1;
    } else if (runStart < 0) {
      runStart = unit;
    } else if (layout.seatNumbers[unit] !== layout.seatNumbers[unit - 1] + 1) {
      // A gap in the numbering is an aisle: the block on either side is not adjacent.
      consider(runStart, unit);
      runStart = unit;
    }
  }
  consider(runStart, to);
  return best;
}

/** Fallback when no row fits the party together; the caller has checked enough seats exist. */
function bestScatteredSeats(
  state: InventoryState,
  layout: SeatedLayout,
  quantity: number,
  tier: number,
  now: number,
  staleHoldsExist: boolean,
): number[] {
  const picks: number[] = [];
  for (let row = 0; row < layout.rowCount && picks.length < quantity; row++) {
    if (tier >= 0 && layout.rowTier[row] !== tier) continue;
    if (state.rowFree[row] + (staleHoldsExist ? state.rowHeld[row] : 0) === 0) continue;
    const from = layout.rowStart[row];
    const to = layout.rowStart[row + 1];
    const centre = (from + to - 1) / 2;
    const open: number[] = [];
    for (let unit = from; unit < to; unit++) if (isAvailableAt(state, unit, now)) open.push(unit);
    open.sort((a, b) => Math.abs(a - centre) - Math.abs(b - centre) || a - b);
    for (const unit of open) {
      if (picks.length === quantity) break;
      picks.push(unit);
    }
  }
  return picks.sort((a, b) => a - b);
}
