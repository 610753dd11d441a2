import { inventoryDecider } from './inventoryDecider';
import { HOLD_MS, T0, holdExpired, holdReleased, iso, seats, seatedPlan, seatsHeld, ticketsHeld, ticketsSold, vipPlan } from '../testing/inventoryFixtures';
import type { ShardPlan } from '../catalog/planShards';
import type { InventoryEvent } from './inventoryEvents';
import { activeHolds, holdView, shardCounts } from './inventoryViews';

const stateAfter = (events: InventoryEvent[], plan: ShardPlan = seatedPlan) => {
  const decider = inventoryDecider(plan);
  return events.reduce(decider.evolve, decider.initialState());
};

describe('shardCounts', () => {
  const state = stateAfter([
    seatsHeld('h1', 'alice', seats(1, 1, 2)),
    seatsHeld('h2', 'bob', seats(2, 1, 2, 3), T0 + 1000),
    ticketsSold('h2', 'o2', 'bob', T0 + 2000, []),
    seatsHeld('h3', 'carol', seats(4, 1), T0 + 3000),
    holdReleased('h3', 'carol', T0 + 4000),
  ]);

  it('counts available, held and sold seats overall and per tier', () => {
    expect(shardCounts(state, T0 + 5000)).toEqual({
      available: 31,
      held: 2,
      sold: 3,
      total: 36,
      byTier: {
        vip: { available: 8, held: 2, sold: 0, total: 10 },
        regular: { available: 17, held: 0, sold: 3, total: 20 },
        economy: { available: 6, held: 0, sold: 0, total: 6 },
      },
    });
  });

  it('counts the seats of holds past their expiry as available before their HoldExpired is written', () => {
    expect(shardCounts(state, T0 + HOLD_MS)).toMatchObject({ available: 33, held: 0, sold: 3, byTier: { vip: { available: 10, held: 0 } } });
  });
});

describe('holdView', () => {
  const state = stateAfter([seatsHeld('h1', 'alice', seats(1, 3, 4))]);

  it('shows a hold as the customer sees it', () => {
    expect(holdView(state, 'h1')).toEqual({
      holdId: 'h1',
      showId: 'show-small',
      shardId: 's0',
      customerId: 'alice',
      status: 'active',
      quantity: 2,
      seatIds: ['A-1-3', 'A-1-4'],
      tiers: ['vip', 'vip'],
      heldAt: iso(T0),
      expiresAt: iso(T0 + HOLD_MS),
    });
  });

  it('reports an active hold past its expiry as expired when given the time', () => {
    expect(holdView(state, 'h1', T0 + HOLD_MS - 1)?.status).toBe('active');
    expect(holdView(state, 'h1', T0 + HOLD_MS)?.status).toBe('expired');
  });

  it('shows ticket numbers and the order of a sold general-admission hold', () => {
    const sold = stateAfter([ticketsHeld('h1', 'alice', [61, 62], T0, vipPlan), ticketsSold('h1', 'o1', 'alice', T0 + 1, [])], vipPlan);
    expect(holdView(sold, 'h1', T0 + HOLD_MS)).toMatchObject({ status: 'sold', ticketNumbers: [61, 62], tiers: ['vip', 'vip'], orderId: 'o1' });
  });

  it('returns undefined for an unknown hold', () => {
    expect(holdView(state, 'nope')).toBeUndefined();
  });
});

describe('activeHolds', () => {
  it("lists the holds the expiry worker must visit, earliest expiry first, including ones already due", () => {
    const state = stateAfter([
      seatsHeld('late', 'alice', seats(1, 1), T0 + 2000),
      seatsHeld('early', 'bob', seats(1, 2), T0),
      seatsHeld('released', 'carol', seats(1, 3), T0 + 1000),
      holdReleased('released', 'carol', T0 + 1500),
      seatsHeld('expired', 'dave', seats(1, 4), T0),
      holdExpired('expired', 'dave', T0 + HOLD_MS),
      seatsHeld('sold', 'erin', seats(1, 5), T0),
      ticketsSold('sold', 'o1', 'erin', T0 + 10, []),
    ]);
    expect(activeHolds(state)).toEqual([
      { holdId: 'early', customerId: 'bob', expiresAt: iso(T0 + HOLD_MS), expiresAtMs: T0 + HOLD_MS },
      { holdId: 'late', customerId: 'alice', expiresAt: iso(T0 + 2000 + HOLD_MS), expiresAtMs: T0 + 2000 + HOLD_MS },
    ]);
  });
});
