import { toIsoTimestamp } from '../timestamps';
import type { HoldStatus } from './holdRecord';
import type { TierPrice } from './inventoryCommands';
import { ticketNumberOf, type InventoryState } from './inventoryState';

/**
 * Read helpers over a shard's state for the command side (responses, the expiry worker).
 * Like decide, they treat a hold past its expiry as expired before its event is written.
 */

export interface HoldView {
  holdId: string;
  showId: string;
  shardId: string;
  customerId: string;
  status: HoldStatus;
  quantity: number;
  seatIds?: string[];
  ticketNumbers?: number[];
  /** Tier of each unit, in the hold's order. */
  tiers: string[];
  heldAt: string;
  expiresAt: string;
  orderId?: string;
  /** The unit price of each held tier when the hold was made; absent for holds from before prices were recorded. */
  prices?: Record<string, TierPrice>;
}

/** `now` (epoch ms), when given, reports an active hold past its expiry as 'expired'. */
export function holdView(state: InventoryState, holdId: string, now?: number): HoldView | undefined {
  const hold = state.holds.get(holdId);
  if (!hold) return undefined;
  const { layout } = state;
  const status: HoldStatus = hold.status === 'active' && now !== undefined && now >= hold.expiresAt ? 'expired' : hold.status;
  return {
    holdId: hold.holdId,
    showId: layout.showId,
    shardId: layout.shardId,
    customerId: hold.customerId,
    status,
    quantity: hold.units.length,
    ...(layout.kind === 'seated'
      ? { seatIds: hold.units.map((unit) => layout.seatIds[unit]) }
      : { ticketNumbers: hold.units.map((unit) => ticketNumberOf(state, unit)) }),
    tiers: hold.units.map((unit) => layout.tierNames[layout.unitTier[unit]]),
    heldAt: hold.heldAt,
    expiresAt: toIsoTimestamp(hold.expiresAt),
    ...(hold.orderId !== undefined ? { orderId: hold.orderId } : {}),
    ...(hold.prices ? { prices: hold.prices } : {}),
  };
}

export interface UnitCounts {
  available: number;
  held: number;
  sold: number;
  total: number;
}

export interface ShardCounts extends UnitCounts {
  byTier: Record<string, UnitCounts>;
}

/** O(tiers + holds past expiry): counters are exact, only unwritten expiries are added up. */
export function shardCounts(state: InventoryState, now: number): ShardCounts {
  const { layout } = state;
  const staleByTier = new Int32Array(layout.tierNames.length);
  let stale = 0;
  for (const hold of state.expiries.due(now)) {
    for (const unit of hold.units) staleByTier[layout.unitTier[unit]]++;
    stale += hold.units.length;
  }
  const byTier: Record<string, UnitCounts> = {};
  layout.tierNames.forEach((tier, t) => {
    const available = state.tierFree[t] + staleByTier[t];
    const held = state.tierHeld[t] - staleByTier[t];
    byTier[tier] = { available, held, sold: state.tierSold[t], total: available + held + state.tierSold[t] };
  });
  return { available: state.free + stale, held: state.held - stale, sold: state.sold, total: state.size, byTier };
}

export interface ActiveHold {
  holdId: string;
  customerId: string;
  expiresAt: string;
  /** The same instant as epoch ms, for scheduling. */
  expiresAtMs: number;
}

/** Holds not yet released, expired or sold (including ones past due), earliest expiry first: the expiry worker's agenda. */
export function activeHolds(state: InventoryState): ActiveHold[] {
  return state.expiries.active().map((hold) => ({
    holdId: hold.holdId,
    customerId: hold.customerId,
    expiresAt: toIsoTimestamp(hold.expiresAt),
    expiresAtMs: hold.expiresAt,
  }));
}
