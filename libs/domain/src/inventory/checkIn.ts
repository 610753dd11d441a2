import { DomainError, invalidRequest } from '../errors';
import { requireEpochMs, requireText } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import { MAX_GATE_NAME, type AdmitTicket, type RefundTickets } from './inventoryCommands';
import type { InventoryEvent, TicketAdmitted, TicketsRefunded, TicketsSold } from './inventoryEvents';
import type { InventoryState, TicketRecord } from './inventoryState';

/**
 * Check-in and refunds of sold tickets, on the shard that sold them. Both are decided on the
 * shard's stream like holds, so two gates scanning one ticket at the same moment are two
 * commands on one stream: the first admits, the second (decided after it in the same batch,
 * or again after a conflict on the expected revision) finds the ticket admitted.
 */
export function decideAdmitTicket(data: AdmitTicket['data'], state: InventoryState): InventoryEvent[] {
  requireText(data.ticketId, 'ticketId');
  requireEpochMs(data.now, 'now');
  if (typeof data.gate !== 'string' || data.gate.trim().length === 0 || data.gate.length > MAX_GATE_NAME) {
    throw invalidRequest('gate', `must name the gate in 1 to ${MAX_GATE_NAME} characters`, { value: data.gate });
  }
  const ticket = state.tickets.get(data.ticketId);
  if (!ticket) throw new DomainError('ticket_not_found', `Ticket ${data.ticketId} was not sold on this shard`, { ticketId: data.ticketId });
  if (ticket.refundedAt !== undefined) {
    throw new DomainError('ticket_refunded', `Ticket ${ticket.ticketId} was refunded`, { ticketId: ticket.ticketId, orderId: ticket.orderId, refundedAt: ticket.refundedAt });
  }
  if (ticket.admittedAt !== undefined) {
    throw new DomainError('ticket_already_admitted', `Ticket ${ticket.ticketId} was admitted at ${ticket.admittedAt} (${ticket.gate})`, {
      ticketId: ticket.ticketId,
      admittedAt: ticket.admittedAt,
      gate: ticket.gate ?? '',
    });
  }
  const { layout } = state;
  return [
    {
      type: 'TicketAdmitted',
      data: { ticketId: ticket.ticketId, orderId: ticket.orderId, showId: layout.showId, shardId: layout.shardId, gate: data.gate, admittedAt: toIsoTimestamp(data.now) },
    },
  ];
}

/** All of the order's tickets here or none: a ticket already used at a gate is not refunded. */
export function decideRefundTickets(data: RefundTickets['data'], state: InventoryState): InventoryEvent[] {
  requireText(data.orderId, 'orderId');
  requireEpochMs(data.now, 'now');
  const tickets = state.orders.get(data.orderId);
  if (!tickets) throw new DomainError('order_not_found', `Order ${data.orderId} bought nothing on this shard`, { orderId: data.orderId });
  if (tickets.every((t) => t.refundedAt !== undefined)) return [];
  const used = tickets.filter((t) => t.admittedAt !== undefined).map((t) => t.ticketId);
  if (used.length > 0) {
    throw new DomainError('order_checked_in', `Order ${data.orderId} has tickets already used at a gate: ${used.join(', ')}`, { orderId: data.orderId, ticketIds: used });
  }
  const { layout } = state;
  return [
    {
      type: 'TicketsRefunded',
      data: {
        orderId: data.orderId,
        customerId: tickets[0].customerId,
        showId: layout.showId,
        shardId: layout.shardId,
        ticketIds: tickets.map((t) => t.ticketId),
        refundedAt: toIsoTimestamp(data.now),
      },
    },
  ];
}

/** Called by evolve for every TicketsSold: the gates look tickets up by id. */
export function recordTickets(state: InventoryState, data: TicketsSold['data']): void {
  const records: TicketRecord[] = data.tickets.map((t) => ({
    ticketId: t.ticketId,
    orderId: data.orderId,
    customerId: data.customerId,
    ...(data.chargeId ? { chargeId: data.chargeId } : {}),
  }));
  for (const record of records) state.tickets.set(record.ticketId, record);
  const earlier = state.orders.get(data.orderId);
  state.orders.set(data.orderId, earlier ? [...earlier, ...records] : records);
}

export function applyTicketAdmitted(state: InventoryState, data: TicketAdmitted['data']): void {
  const ticket = state.tickets.get(data.ticketId);
  // Replaying what decide wrote never finds an unknown or admitted ticket; a duplicate is left alone.
  if (!ticket || ticket.admittedAt !== undefined) return;
  ticket.admittedAt = data.admittedAt;
  ticket.gate = data.gate;
  state.admitted++;
}

export function applyTicketsRefunded(state: InventoryState, data: TicketsRefunded['data']): void {
  for (const ticketId of data.ticketIds) {
    const ticket = state.tickets.get(ticketId);
    if (!ticket || ticket.refundedAt !== undefined) continue;
    ticket.refundedAt = data.refundedAt;
    state.refunded++;
  }
}

/** A show's gate figures on one shard: tickets sold (refunded ones included), admitted and refunded. */
export interface CheckInCounts {
  sold: number;
  admitted: number;
  refunded: number;
}

export function checkInCounts(state: InventoryState): CheckInCounts {
  return { sold: state.sold, admitted: state.admitted, refunded: state.refunded };
}
