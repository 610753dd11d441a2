import { HELD, holderOf, type InventoryState } from './inventoryState';
import type { Hold } from './holdRecord';

/** Units held by holds past their expiry whose HoldExpired is not written yet, optionally of one tier (-1: any). */
export function countStaleUnits(state: InventoryState, now: number, tier = -1): number {
  let count = 0;
  for (const hold of state.expiries.due(now)) {
    if (tier < 0) count += hold.units.length;
    else for (const unit of hold.units) if (state.layout.unitTier[unit] === tier) count++;
  }
  return count;
}

/** The past-expiry holds that a pick takes units from, in order of first appearance. */
export function staleHoldersOf(state: InventoryState, units: number[]): Hold[] {
  const holders: Hold[] = [];
  for (const unit of units) {
    if (state.status[unit] !== HELD) continue;
    const holder = holderOf(state, unit)!;
    if (!holders.includes(holder)) holders.push(holder);
  }
  return holders;
}
