import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_SECONDS, T0, iso, seatedPlan, seatsHeld, ticketsSold } from '../testing/inventoryFixtures';
import type { AdmitTicket, RefundTickets } from './inventoryCommands';
import type { TicketAdmitted, TicketsRefunded } from './inventoryEvents';
import { checkInCounts } from './checkIn';

const spec = givenWhenThen(inventoryDecider(seatedPlan));

const held = seatsHeld('h1', 'alice', ['A-1-5', 'A-2-5']);
const sold = ticketsSold('h1', 'o1', 'alice', T0 + 60_000, [
  { ticketId: 't1', seatId: 'A-1-5', tier: 'vip', price: 9_000, currency: 'EUR' },
  { ticketId: 't2', seatId: 'A-2-5', tier: 'regular', price: 5_000, currency: 'EUR' },
]);
const DOORS = T0 + 3_600_000;

const admit = (ticketId: string, gate = 'North 1', now = DOORS): AdmitTicket => ({ type: 'AdmitTicket', data: { ticketId, gate, now } });
const admitted = (ticketId: string, gate = 'North 1', at = DOORS): TicketAdmitted => ({
  type: 'TicketAdmitted',
  data: { ticketId, orderId: 'o1', showId: 'show-small', shardId: 's0', gate, admittedAt: iso(at) },
});
const refund = (orderId = 'o1', now = T0 + 120_000): RefundTickets => ({ type: 'RefundTickets', data: { orderId, now } });
const refunded = (at = T0 + 120_000): TicketsRefunded => ({
  type: 'TicketsRefunded',
  data: { orderId: 'o1', customerId: 'alice', showId: 'show-small', shardId: 's0', ticketIds: ['t1', 't2'], refundedAt: iso(at) },
});

describe('AdmitTicket', () => {
  it('admits a sold ticket, naming the gate and the moment', () => {
    spec.given([held, sold]).when(admit('t1')).then([admitted('t1')]);
  });

  it('admits each ticket of an order on its own', () => {
    spec.given([held, sold, admitted('t1')]).when(admit('t2', 'South 2')).then([admitted('t2', 'South 2')]);
  });

  it('refuses a ticket admitted before, saying when and at which gate, whichever gate scans it now', () => {
    spec
      .given([held, sold, admitted('t1', 'North 1')])
      .when(admit('t1', 'South 2', DOORS + 5_000))
      .thenThrows('ticket_already_admitted', (d) => d.ticketId === 't1' && d.gate === 'North 1' && d.admittedAt === iso(DOORS));
  });

  it('refuses a refunded ticket', () => {
    spec.given([held, sold, refunded()]).when(admit('t2')).thenThrows('ticket_refunded', (d) => d.orderId === 'o1' && d.refundedAt === iso(T0 + 120_000));
  });

  it('does not know a ticket this shard never sold, nor a hold that was only held', () => {
    spec.given([held, sold]).when(admit('t9')).thenThrows('ticket_not_found', (d) => d.ticketId === 't9');
    spec.given([held]).when(admit('t1')).thenThrows('ticket_not_found');
  });

  it.each([
    ['an empty gate name', ''],
    ['a blank gate name', '   '],
    ['a gate name over 60 characters', 'g'.repeat(61)],
  ])('refuses %s', (_, gate) => {
    spec.given([held, sold]).when(admit('t1', gate)).thenThrows('invalid_request', (d) => d.field === 'gate');
  });

  it('refuses a missing ticket id', () => {
    spec.given([held, sold]).when(admit('')).thenThrows('invalid_request', (d) => d.field === 'ticketId');
  });
});

describe('RefundTickets', () => {
  it("refunds every ticket the order bought on this shard", () => {
    spec.given([held, sold]).when(refund()).then([refunded()]);
  });

  it('is a no-op when retried', () => {
    spec.given([held, sold, refunded()]).when(refund('o1', T0 + 200_000)).then([]);
  });

  it('refuses an order with a ticket already used at a gate', () => {
    spec.given([held, sold, admitted('t2')]).when(refund()).thenThrows('order_checked_in', (d) => d.ticketIds.join() === 't2');
  });

  it('refuses an order this shard sold nothing to', () => {
    spec.given([held, sold]).when(refund('o2')).thenThrows('order_not_found', (d) => d.orderId === 'o2');
  });

  it('leaves the refunded seats out of sale', () => {
    spec
      .given([held, sold, refunded()])
      .when({ type: 'HoldSeats', data: { holdId: 'h2', customerId: 'bob', seatIds: ['A-1-5'], now: T0 + 200_000, holdSeconds: HOLD_SECONDS } })
      .thenThrows('seats_unavailable');
  });
});

describe('the gate figures of a shard', () => {
  it('count sold, admitted and refunded tickets', () => {
    const other = seatsHeld('h2', 'bob', ['A-4-1']);
    const bobSold = ticketsSold('h2', 'o2', 'bob', T0 + 70_000, [{ ticketId: 't3', seatId: 'A-4-1', tier: 'economy', price: 2_500, currency: 'EUR' }]);
    const bobAdmitted: TicketAdmitted = { type: 'TicketAdmitted', data: { ...admitted('t3').data, orderId: 'o2' } };
    const state = spec.given([held, sold, other, bobSold, refunded(), bobAdmitted]).when(admit('t3')).state();
    expect(checkInCounts(state)).toEqual({ sold: 3, admitted: 1, refunded: 2 });
  });
});
