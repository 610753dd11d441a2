import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_SECONDS, T0, iso, range, regularPlan, seatedPlan, ticketsHeld, ticketsSold } from '../testing/inventoryFixtures';
import { TRANSFER_SPACING_MS, type HoldSeats, type InventoryCommand } from './inventoryCommands';
import type { CapacityTransferredIn, CapacityTransferredOut, TicketRange } from './inventoryEvents';
import { evolveInventory } from './evolveInventory';
import { shardCounts } from './inventoryViews';
import type { GeneralShardPlan } from '../catalog/planShards';

// s0 sells regular tickets 1-60; s2, another group's regular shard, tickets 101-120.
const source = givenWhenThen(inventoryDecider(regularPlan));
const targetPlan: GeneralShardPlan = { showId: regularPlan.showId, shardId: 's2', kind: 'general', tier: 'regular', firstTicket: 101, count: 20 };
const target = givenWhenThen(inventoryDecider(targetPlan));

const out = (transferId: string, count: number, now = T0, toShard = 's2'): InventoryCommand => ({ type: 'TransferCapacityOut', data: { transferId, toShard, count, now } });
const into = (transferId: string, tickets: TicketRange[], now = T0, tier = 'regular'): InventoryCommand => ({
  type: 'TransferCapacityIn',
  data: { transferId, fromShard: 's0', tier, tickets, now },
});
const wentOut = (transferId: string, tickets: TicketRange[], at = T0, toShard = 's2'): CapacityTransferredOut => ({
  type: 'CapacityTransferredOut',
  data: { transferId, showId: regularPlan.showId, shardId: 's0', toShard, tier: 'regular', tickets, count: tickets.reduce((n, r) => n + r.count, 0), at: iso(at) },
});
const cameIn = (transferId: string, tickets: TicketRange[], at = T0): CapacityTransferredIn => ({
  type: 'CapacityTransferredIn',
  data: { transferId, showId: regularPlan.showId, shardId: 's2', fromShard: 's0', tier: 'regular', tickets, count: tickets.reduce((n, r) => n + r.count, 0), at: iso(at) },
});
const take = (holdId: string, quantity: number, now = T0): HoldSeats => ({ type: 'HoldSeats', data: { holdId, customerId: 'alice', now, holdSeconds: HOLD_SECONDS, quantity } });

describe('TransferCapacityOut: never-held tickets leave a general-admission shard', () => {
  it('gives up the top of the never-held range', () => {
    source.given([ticketsHeld('h1', 'bob', [1, 2, 3])]).when(out('t1', 10)).then([wentOut('t1', [{ first: 51, count: 10 }])]);
  });

  it('is idempotent on the transfer id, and refuses the id reused for another transfer', () => {
    source.given([wentOut('t1', [{ first: 51, count: 10 }])]).when(out('t1', 10, T0 + 5_000)).then([]);
    source.given([wentOut('t1', [{ first: 51, count: 10 }])]).when(out('t1', 5, T0 + 5_000)).thenThrows('invalid_request', (d) => d.field === 'transferId');
  });

  it('never gives up a ticket that was ever held, even one held and released', () => {
    source
      .given([ticketsHeld('h1', 'bob', range(1, 55))])
      .when(out('t1', 6))
      .thenThrows('transfer_refused', (d) => d.reason === 'not_enough_fresh_tickets' && d.fresh === 5);
  });

  it('spaces transfers out of one shard, which keeps the remaining-count bound honest', () => {
    const after = [wentOut('t1', [{ first: 51, count: 10 }])];
    source.given(after).when(out('t2', 10, T0 + TRANSFER_SPACING_MS - 1)).thenThrows('transfer_refused', (d) => d.reason === 'too_soon');
    source.given(after).when(out('t2', 10, T0 + TRANSFER_SPACING_MS)).then([wentOut('t2', [{ first: 41, count: 10 }], T0 + TRANSFER_SPACING_MS)]);
  });

  it('refuses seated shards, itself as the target, and sizes outside 1-100', () => {
    givenWhenThen(inventoryDecider(seatedPlan)).given([]).when(out('t1', 1)).thenThrows('invalid_request', (d) => d.field === 'shardId');
    source.given([]).when(out('t1', 1, T0, 's0')).thenThrows('invalid_request', (d) => d.field === 'toShard');
    source.given([]).when(out('t1', 0)).thenThrows('invalid_request', (d) => d.field === 'count');
    source.given([]).when(out('t1', 101)).thenThrows('invalid_request', (d) => d.field === 'count');
  });

  it('sells nothing of what left: the shard sells out below the range', () => {
    source
      .given([wentOut('t1', [{ first: 51, count: 10 }]), ticketsHeld('h1', 'bob', range(1, 48))])
      .when(take('h2', 3))
      .thenThrows('seats_unavailable', (d) => 'available' in d && d.available === 2);
    const state = source.given([wentOut('t1', [{ first: 51, count: 10 }])]).when(take('h2', 1)).state();
    expect(shardCounts(state, T0)).toMatchObject({ available: 50, total: 50 });
  });
});

describe('TransferCapacityIn: the tickets arrive in another shard', () => {
  it('takes the range in once per transfer id', () => {
    target.given([]).when(into('t1', [{ first: 51, count: 10 }])).then([cameIn('t1', [{ first: 51, count: 10 }])]);
    target.given([cameIn('t1', [{ first: 51, count: 10 }])]).when(into('t1', [{ first: 51, count: 10 }], T0 + 5_000)).then([]);
  });

  it('sells its own numbers first, then the ones that came, in order', () => {
    target
      .given([cameIn('t1', [{ first: 51, count: 10 }]), ticketsHeld('h0', 'bob', range(101, 118), T0, targetPlan)])
      .when(take('h1', 5))
      .then([ticketsHeld('h1', 'alice', [119, 120, 51, 52, 53], T0, targetPlan)]);
  });

  it('grows past its own size, and sells and counts every ticket that came', () => {
    const history = [cameIn('t1', [{ first: 1, count: 30 }]), cameIn('t2', [{ first: 31, count: 30 }], T0 + TRANSFER_SPACING_MS)];
    const state = target.given(history).when(take('h', 1)).state();
    expect(shardCounts(state, T0)).toMatchObject({ available: 80, total: 80 });
    const held = target.given([...history, ticketsHeld('h0', 'bob', range(101, 120), T0, targetPlan)]).when(take('h1', 60, T0 + 2 * TRANSFER_SPACING_MS)).events();
    expect((held[0].data as { ticketNumbers: number[] }).ticketNumbers).toEqual(range(1, 60));
  });

  it('refuses another tier, a range it already sells, and a second transfer too soon', () => {
    target.given([]).when(into('t1', [{ first: 51, count: 10 }], T0, 'vip')).thenThrows('transfer_refused', (d) => d.reason === 'other_tier');
    target.given([]).when(into('t1', [{ first: 115, count: 10 }])).thenThrows('invalid_request', (d) => d.field === 'tickets');
    target.given([cameIn('t1', [{ first: 51, count: 10 }])]).when(into('t2', [{ first: 41, count: 10 }], T0 + 10)).thenThrows('transfer_refused', (d) => d.reason === 'too_soon');
  });
});

describe('a capacity transfer end to end', () => {
  it('moves tickets from one shard to another: sold once, on the target, with their own numbers', () => {
    const decider = inventoryDecider(regularPlan);
    let s0 = decider.initialState();
    for (const event of decider.decide(out('t1', 10), s0)) s0 = evolveInventory(s0, event);
    const sent = s0.transfersOut.get('t1')!;
    const targetDecider = inventoryDecider(targetPlan);
    let s2 = targetDecider.initialState();
    for (const event of targetDecider.decide(into('t1', sent.tickets), s2)) s2 = evolveInventory(s2, event);
    const hold = targetDecider.decide(take('h1', 25), s2);
    for (const event of hold) s2 = evolveInventory(s2, event);
    const sold = targetDecider.decide({ type: 'SellHold', data: { holdId: 'h1', orderId: 'o1', customerId: 'alice', now: T0 + 1, prices: { regular: { price: 100, currency: 'EUR' } }, ticketIds: range(1, 25).map(String) } }, s2);
    expect(sold).toEqual([ticketsSold('h1', 'o1', 'alice', T0 + 1, expect.any(Array))]);
    expect((sold[0].data as { tickets: Array<{ ticketNumber: number }> }).tickets.map((t) => t.ticketNumber)).toEqual([...range(101, 120), ...range(51, 55)]);
    expect(shardCounts(s0, T0).total + shardCounts(s2, T0).total).toBe(60 + 20);
  });
});
