import { MAX_HOLD_SECONDS } from '../catalog/validateShow';
import { invalidRequest } from '../errors';
import { toIsoTimestamp } from '../timestamps';
import { requireEpochMs, requireText } from '../inputGuards';
import type { Hold } from './holdRecord';
import { MAX_UNITS_PER_HOLD, type HoldSeats, type TierPrice } from './inventoryCommands';
import type { HoldExpired, InventoryEvent, SeatsHeld } from './inventoryEvents';
import { ticketNumberOf, type InventoryState, type SeatedLayout, type ShardLayout } from './inventoryState';
import { pickBestSeats } from './pickBestSeats';
import { pickGeneralTickets } from './pickGeneralTickets';
import { pickRequestedSeats } from './pickRequestedSeats';
import { staleHoldersOf } from './staleUnits';

type Selection = { kind: 'seats'; seatIds: string[] } | { kind: 'quantity'; quantity: number; tier: number };

/**
 * Holds all requested units or none. A unit still held by a hold past its expiry is
 * available; taking it emits that hold's HoldExpired first, in the same append, so the
 * stream says in order what happened and evolve never has to take a unit from a live
 * hold. (The alternative, letting evolve of SeatsHeld silently end the old hold, would
 * hide an expiry from every projection.)
 */
export function decideHoldSeats(data: HoldSeats['data'], state: InventoryState): InventoryEvent[] {
  requireText(data.holdId, 'holdId');
  requireText(data.customerId, 'customerId');
  requireEpochMs(data.now, 'now');
  if (!Number.isInteger(data.holdSeconds) || data.holdSeconds < 1 || data.holdSeconds > MAX_HOLD_SECONDS) {
    throw invalidRequest('holdSeconds', `must be an integer from 1 to ${MAX_HOLD_SECONDS}`, { value: data.holdSeconds });
  }
  const { layout } = state;
  const selection = readSelection(data, layout);

  const existing = state.holds.get(data.holdId);
  if (existing) {
    // A retry after a lost response must not hold twice; a reused id for something else is a client bug.
    if (existing.customerId === data.customerId && isSameSelection(existing, selection, layout)) return [];
    throw invalidRequest('holdId', `hold ${data.holdId} already exists for a different request`, { value: data.holdId });
  }

  const units =
    selection.kind === 'seats'
      ? // readSelection refuses seat ids on a general-admission shard.
        pickRequestedSeats(state, layout as SeatedLayout, selection.seatIds, data.now)
      : layout.kind === 'seated'
        ? pickBestSeats(state, layout, selection.quantity, selection.tier, data.now)
        : pickGeneralTickets(state, layout, selection.quantity, data.now);

  const events: InventoryEvent[] = staleHoldersOf(state, units).map(
    (hold): HoldExpired => ({
      type: 'HoldExpired',
      data: { holdId: hold.holdId, customerId: hold.customerId, expiredAt: toIsoTimestamp(data.now) },
    }),
  );
  const heldAt = toIsoTimestamp(data.now);
  const expiresAt = toIsoTimestamp(data.now + data.holdSeconds * 1000);
  const { holdId, customerId } = data;
  const { showId, shardId } = layout;
  const tierCounts = layout.kind === 'seated' ? countTiers(units, layout) : { [layout.tierNames[0]]: units.length };
  const prices = heldPrices(tierCounts, data.prices);
  const held: SeatsHeld =
    layout.kind === 'seated'
      ? {
          type: 'SeatsHeld',
          data: { holdId, showId, shardId, customerId, seatIds: units.map((unit) => layout.seatIds[unit]), tierCounts, ...prices, heldAt, expiresAt },
        }
      : {
          type: 'SeatsHeld',
          data: {
            holdId,
            showId,
            shardId,
            customerId,
            ticketNumbers: units.map((unit) => ticketNumberOf(state, unit)),
            tier: layout.tierNames[0],
            tierCounts,
            ...prices,
            heldAt,
            expiresAt,
          },
        };
  events.push(held);
  return events;
}

/** The price of each tier the hold takes, as the show prices it now; nothing when the command brought no prices. */
function heldPrices(tierCounts: Record<string, number>, prices: HoldSeats['data']['prices']): { prices?: Record<string, TierPrice> } {
  if (!prices) return {};
  const held: Record<string, TierPrice> = {};
  for (const tier of Object.keys(tierCounts)) {
    const price = prices[tier];
    if (price) held[tier] = { price: price.price, currency: price.currency };
  }
  return { prices: held };
}

/** How many of the held units fall in each tier: read models count "left per tier" from it without the seat map. */
function countTiers(units: readonly number[], layout: ShardLayout): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const unit of units) {
    const tier = layout.tierNames[layout.unitTier[unit]];
    counts[tier] = (counts[tier] ?? 0) + 1;
  }
  return counts;
}

function readSelection(data: HoldSeats['data'], layout: ShardLayout): Selection {
  if (data.seatIds !== undefined) {
    if (data.quantity !== undefined) throw invalidRequest('quantity', 'give either seatIds or quantity, not both');
    if (layout.kind === 'general') throw invalidRequest('seatIds', 'general admission has no seats; ask for a quantity');
    const { seatIds } = data;
    if (!Array.isArray(seatIds) || seatIds.length < 1 || seatIds.length > MAX_UNITS_PER_HOLD) {
      throw invalidRequest('seatIds', `must list 1 to ${MAX_UNITS_PER_HOLD} seat ids`);
    }
    if (seatIds.some((seatId) => typeof seatId !== 'string')) throw invalidRequest('seatIds', 'seat ids must be strings');
    if (new Set(seatIds).size !== seatIds.length) {
      const duplicates = [...new Set(seatIds.filter((seatId, i) => seatIds.indexOf(seatId) !== i))];
      throw invalidRequest('seatIds', `duplicate seat ids: ${duplicates.join(', ')}`, { duplicates });
    }
    return { kind: 'seats', seatIds };
  }
  const { quantity, tier, section } = data;
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_UNITS_PER_HOLD) {
    throw invalidRequest('quantity', `must be an integer from 1 to ${MAX_UNITS_PER_HOLD}`, { value: quantity });
  }
  if (section !== undefined && (layout.kind !== 'seated' || section !== layout.sectionId)) {
    throw invalidRequest('section', `shard ${layout.shardId} does not sell section ${String(section)}`, { value: section });
  }
  if (tier === undefined) return { kind: 'quantity', quantity, tier: -1 };
  const tierIndex = typeof tier === 'string' ? layout.tierIndex.get(tier) : undefined;
  if (tierIndex === undefined) {
    throw invalidRequest('tier', `shard ${layout.shardId} sells no tier ${String(tier)}`, { value: tier, tiers: layout.tierNames });
  }
  return { kind: 'quantity', quantity, tier: tierIndex };
}

/** Whether an existing hold is what this request would have produced. */
function isSameSelection(hold: Hold, selection: Selection, layout: ShardLayout): boolean {
  if (selection.kind === 'seats') {
    if (layout.kind !== 'seated' || hold.units.length !== selection.seatIds.length) return false;
    const held = new Set(hold.units);
    return selection.seatIds.every((seatId) => held.has(layout.seatIndex.get(seatId) ?? -1));
  }
  return (
    hold.units.length === selection.quantity && (selection.tier < 0 || hold.units.every((unit) => layout.unitTier[unit] === selection.tier))
  );
}
