import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_MS, HOLD_SECONDS, T0, holdExpired, holdReleased, range, regularPlan, ticketsHeld, vipPlan } from '../testing/inventoryFixtures';
import type { HoldSeats } from './inventoryCommands';
import { shardCounts } from './inventoryViews';

// Shard s0 sells regular tickets 1-60, shard s1 vip tickets 61-100.
const spec = givenWhenThen(inventoryDecider(regularPlan));

const take = (holdId: string, quantity: number, now = T0, extra: { tier?: string; section?: string } = {}): HoldSeats => ({
  type: 'HoldSeats',
  data: { holdId, customerId: 'alice', now, holdSeconds: HOLD_SECONDS, quantity, ...extra },
});

describe('HoldSeats on a general-admission shard', () => {
  it('takes the lowest ticket numbers of a fresh shard, with its tier', () => {
    spec.given([]).when(take('h1', 3)).then([ticketsHeld('h1', 'alice', [1, 2, 3])]);
  });

  it('continues after the numbers already held', () => {
    spec.given([ticketsHeld('h0', 'bob', [1, 2, 3])]).when(take('h1', 2)).then([ticketsHeld('h1', 'alice', [4, 5])]);
  });

  it('numbers a later shard from its own first ticket', () => {
    givenWhenThen(inventoryDecider(vipPlan))
      .given([])
      .when(take('h1', 2))
      .then([ticketsHeld('h1', 'alice', [61, 62], T0, vipPlan)]);
  });

  it('reuses returned numbers first, lowest first, then continues from the cursor', () => {
    spec
      .given([
        ticketsHeld('h0', 'bob', [1, 2, 3]),
        ticketsHeld('h2', 'carol', [4, 5]),
        ticketsHeld('h3', 'dave', [6, 7, 8]),
        holdReleased('h3', 'dave', T0 + 1),
        holdReleased('h0', 'bob', T0 + 2),
      ])
      .when(take('h1', 8, T0 + 3))
      .then([ticketsHeld('h1', 'alice', [1, 2, 3, 6, 7, 8, 9, 10], T0 + 3)]);
  });

  it('reuses the numbers of expired holds', () => {
    spec
      .given([ticketsHeld('h0', 'bob', [1, 2]), ticketsHeld('h2', 'carol', [3]), holdExpired('h0', 'bob', T0 + HOLD_MS)])
      .when(take('h1', 1, T0 + HOLD_MS))
      .then([ticketsHeld('h1', 'alice', [1], T0 + HOLD_MS)]);
  });

  it('keeps the free list correct when an event took numbers out of order', () => {
    // Written by another picking policy, say: evolve must not assume lowest-first.
    spec
      .given([ticketsHeld('h0', 'bob', [5, 2])])
      .when(take('h1', 4))
      .then([ticketsHeld('h1', 'alice', [1, 3, 4, 6])]);
  });

  it('accepts the shard tier and rejects another', () => {
    spec.given([]).when(take('h1', 1, T0, { tier: 'regular' })).then([ticketsHeld('h1', 'alice', [1])]);
    spec.given([]).when(take('h1', 1, T0, { tier: 'vip' })).thenThrows('invalid_request', (details) => details.field === 'tier');
  });

  it('rejects a section: general admission has none', () => {
    spec.given([]).when(take('h1', 1, T0, { section: 'A' })).thenThrows('invalid_request', (details) => details.field === 'section');
  });

  it('reports requested and available counts when too few tickets are left', () => {
    spec
      .given([ticketsHeld('h0', 'bob', range(1, 55))])
      .when(take('h1', 6))
      .thenThrows('seats_unavailable', (details) => 'requested' in details && details.requested === 6 && details.available === 5);
  });

  it('sells the very last tickets', () => {
    spec.given([ticketsHeld('h0', 'bob', range(1, 55))]).when(take('h1', 5)).then([ticketsHeld('h1', 'alice', range(56, 60))]);
  });

  it('keeps per-tier counts in step with holds and releases', () => {
    const state = spec
      .given([ticketsHeld('h0', 'bob', [1, 2, 3]), ticketsHeld('h2', 'carol', [4, 5]), holdReleased('h0', 'bob', T0 + 1)])
      .when(take('h1', 1))
      .state();
    expect(shardCounts(state, T0 + 2)).toEqual({
      available: 58,
      held: 2,
      sold: 0,
      total: 60,
      byTier: { regular: { available: 58, held: 2, sold: 0, total: 60 } },
    });
  });
});
