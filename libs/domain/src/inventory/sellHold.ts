import { DomainError, invalidRequest } from '../errors';
import { toIsoTimestamp } from '../timestamps';
import { requireEpochMs, requireText } from '../inputGuards';
import { findOwnedHold, holdExpiredError } from './holdLookup';
import type { Hold } from './holdRecord';
import type { SellHold } from './inventoryCommands';
import type { InventoryEvent, SoldTicket } from './inventoryEvents';
import { ticketNumberOf, type InventoryState } from './inventoryState';

/**
 * Turns every unit of an active hold into a ticket at once: a purchase is all or nothing.
 * Each ticket costs what its tier cost when the hold was made (`SeatsHeld.prices`), so a
 * price change between hold and purchase never changes what the customer was shown.
 * A hold past its expiry cannot be bought even if its HoldExpired is not written yet,
 * so a late expiry worker never extends a hold.
 */
export function decideSellHold(data: SellHold['data'], state: InventoryState): InventoryEvent[] {
  requireText(data.holdId, 'holdId');
  requireText(data.orderId, 'orderId');
  requireText(data.customerId, 'customerId');
  requireEpochMs(data.now, 'now');
  requireWholeAmount(data.serviceFeePerTicket, 'serviceFeePerTicket');
  requireWholeAmount(data.vatBasisPoints, 'vatBasisPoints');
  const hold = findOwnedHold(state, data.holdId, data.customerId);
  switch (hold.status) {
    case 'sold':
      if (hold.orderId === data.orderId) return [];
      throw new DomainError('hold_already_purchased', `Hold ${hold.holdId} was already purchased`, { holdId: hold.holdId, orderId: hold.orderId });
    case 'released':
      throw new DomainError('hold_released', `Hold ${hold.holdId} was released`, { holdId: hold.holdId });
    case 'expired':
      throw holdExpiredError(hold);
    case 'active':
      if (data.now >= hold.expiresAt) throw holdExpiredError(hold);
      return [
        {
          type: 'TicketsSold',
          data: {
            holdId: hold.holdId,
            orderId: data.orderId,
            customerId: hold.customerId,
            soldAt: toIsoTimestamp(data.now),
            tickets: buildTickets(state, hold, data),
            ...(data.chargeId ? { chargeId: data.chargeId } : {}),
            ...(data.serviceFeePerTicket ? { serviceFeePerTicket: data.serviceFeePerTicket } : {}),
            ...(data.vatBasisPoints ? { vatBasisPoints: data.vatBasisPoints } : {}),
          },
        },
      ];
  }
}

function buildTickets(state: InventoryState, hold: Hold, data: SellHold['data']): SoldTicket[] {
  const { ticketIds, prices } = data;
  if (!Array.isArray(ticketIds) || ticketIds.length !== hold.units.length) {
    throw invalidRequest('ticketIds', `need exactly one ticket id per held unit (${hold.units.length})`, {
      expected: hold.units.length,
      value: Array.isArray(ticketIds) ? ticketIds.length : ticketIds,
    });
  }
  if (ticketIds.some((ticketId) => typeof ticketId !== 'string' || ticketId.length === 0)) {
    throw invalidRequest('ticketIds', 'ticket ids must be non-empty strings');
  }
  if (new Set(ticketIds).size !== ticketIds.length) throw invalidRequest('ticketIds', 'ticket ids must be unique');
  const { layout } = state;
  return hold.units.map((unit, i): SoldTicket => {
    const tier = layout.tierNames[layout.unitTier[unit]];
    // The price the hold was made at; a hold from before prices were recorded sells at the one the caller gives.
    const price = hold.prices?.[tier] ?? prices?.[tier];
    if (!price || !Number.isSafeInteger(price.price) || price.price < 0 || typeof price.currency !== 'string' || price.currency === '') {
      throw invalidRequest('prices', `need a price (non-negative integer minor units) and currency for tier ${tier}`, { tier });
    }
    const where = layout.kind === 'seated' ? { seatId: layout.seatIds[unit] } : { ticketNumber: ticketNumberOf(state, unit) };
    return { ticketId: ticketIds[i], ...where, tier, price: price.price, currency: price.currency };
  });
}

/** Absent, or a non-negative safe integer. */
function requireWholeAmount(value: number | undefined, field: string): void {
  if (value !== undefined && (!Number.isSafeInteger(value) || value < 0)) throw invalidRequest(field, 'must be a non-negative integer', { value });
}
