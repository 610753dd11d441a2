import { parseIsoTimestamp } from '../timestamps';
import type { Hold, HoldStatus } from './holdRecord';
import { applyTicketAdmitted, applyTicketsRefunded, recordTickets } from './checkIn';
import type { InventoryEvent, SeatsHeld, TicketsSold } from './inventoryEvents';
import { FREE, HELD, SOLD, unitOfTicket, type InventoryState } from './inventoryState';
import { applyTransferIn, applyTransferOut } from './transferCapacity';

/**
 * Applies one event in place and returns the same state (see InventoryState for why).
 * Replaying a stream decide wrote never hits the thrown errors; they guard the one
 * invariant worth stopping for: a unit is never taken twice.
 */
export function evolveInventory(state: InventoryState, event: InventoryEvent): InventoryState {
  switch (event.type) {
    case 'SeatsHeld':
      applySeatsHeld(state, event.data);
      return state;
    case 'HoldReleased':
      endHold(state, event.data.holdId, 'released');
      return state;
    case 'HoldExpired':
      endHold(state, event.data.holdId, 'expired');
      return state;
    case 'TicketsSold':
      applyTicketsSold(state, event.data);
      return state;
    case 'CapacityTransferredOut':
      applyTransferOut(state, event.data);
      return state;
    case 'CapacityTransferredIn':
      applyTransferIn(state, event.data);
      return state;
    case 'TicketAdmitted':
      applyTicketAdmitted(state, event.data);
      return state;
    case 'TicketsRefunded':
      applyTicketsRefunded(state, event.data);
      return state;
    default: {
      // Events of unknown types (written by a newer version) leave the state alone.
      const _never: never = event;
      return state;
    }
  }
}

function applySeatsHeld(state: InventoryState, data: SeatsHeld['data']): void {
  const { layout } = state;
  const units =
    layout.kind === 'seated'
      ? (data.seatIds ?? []).map((seatId) => layout.seatIndex.get(seatId) ?? corrupt(`unknown seat ${seatId} in hold ${data.holdId}`))
      : (data.ticketNumbers ?? []).map((ticketNumber) => unitOfTicket(state, ticketNumber));
  const hold: Hold = {
    holdId: data.holdId,
    customerId: data.customerId,
    units,
    heldAt: data.heldAt,
    expiresAt: parseIsoTimestamp(data.expiresAt),
    status: 'active',
    ...(data.prices ? { prices: data.prices } : {}),
  };
  const slot = state.holdsInOrder.length;
  for (const unit of units) {
    if (!(unit >= 0 && unit < state.size) || state.status[unit] !== FREE) {
      corrupt(`hold ${data.holdId} takes unit ${unit} of shard ${layout.shardId}, which is not free`);
    }
    state.status[unit] = HELD;
    state.holderSlot[unit] = slot;
    state.free--;
    state.held++;
    state.tierFree[layout.unitTier[unit]]--;
    state.tierHeld[layout.unitTier[unit]]++;
    if (layout.kind === 'seated') {
      state.rowFree[layout.unitRow[unit]]--;
      state.rowHeld[layout.unitRow[unit]]++;
    } else {
      takeGeneralUnit(state, unit);
    }
  }
  state.holdsInOrder.push(hold);
  state.holds.set(hold.holdId, hold);
  state.expiries.push(hold);
}

/** Keeps "free = returned heap + everything from the cursor on", whatever order units come in. */
function takeGeneralUnit(state: InventoryState, unit: number): void {
  if (unit < state.cursor) {
    state.returned.remove(unit);
    return;
  }
  for (let skipped = state.cursor; skipped < unit; skipped++) state.returned.push(skipped);
  state.cursor = unit + 1;
}

function endHold(state: InventoryState, holdId: string, status: Exclude<HoldStatus, 'active' | 'sold'>): void {
  const hold = state.holds.get(holdId);
  // Ending an unknown or already-ended hold is a no-op: expiries may race releases.
  if (!hold || hold.status !== 'active') return;
  hold.status = status;
  const { layout } = state;
  for (const unit of hold.units) {
    state.status[unit] = FREE;
    state.holderSlot[unit] = -1;
    state.free++;
    state.held--;
    state.tierFree[layout.unitTier[unit]]++;
    state.tierHeld[layout.unitTier[unit]]--;
    if (layout.kind === 'seated') {
      state.rowFree[layout.unitRow[unit]]++;
      state.rowHeld[layout.unitRow[unit]]--;
    } else {
      state.returned.push(unit);
    }
  }
  state.expiries.prune();
}

function applyTicketsSold(state: InventoryState, data: TicketsSold['data']): void {
  const hold = state.holds.get(data.holdId);
  if (!hold || hold.status !== 'active') corrupt(`tickets sold for hold ${data.holdId}, which is not active`);
  hold.status = 'sold';
  hold.orderId = data.orderId;
  const { layout } = state;
  for (const unit of hold.units) {
    state.status[unit] = SOLD;
    state.held--;
    state.sold++;
    state.tierHeld[layout.unitTier[unit]]--;
    state.tierSold[layout.unitTier[unit]]++;
    if (layout.kind === 'seated') state.rowHeld[layout.unitRow[unit]]--;
  }
  recordTickets(state, data);
  state.expiries.prune();
}

function corrupt(message: string): never {
  throw new Error(`Inventory stream is inconsistent: ${message}`);
}
