import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_SECONDS, T0, seats, seatedPlan, seatsHeld } from '../testing/inventoryFixtures';
import type { HoldSeats, QuantitySelection } from './inventoryCommands';

// Row layout of the fixture: 1 vip 1-10 | 2 regular 1-10 | 3 regular 1-4, aisle, 7-12 | 4 economy 1-6.
const spec = givenWhenThen(inventoryDecider(seatedPlan));

const best = (holdId: string, selection: QuantitySelection, now = T0): HoldSeats => ({
  type: 'HoldSeats',
  data: { holdId, customerId: 'alice', now, holdSeconds: HOLD_SECONDS, ...selection },
});

describe('HoldSeats best available on a seated shard', () => {
  it('takes adjacent seats in the front row, nearest its centre', () => {
    spec.given([]).when(best('h1', { quantity: 2 })).then([seatsHeld('h1', 'alice', seats(1, 5, 6))]);
  });

  it('takes a single seat from the middle of the row', () => {
    spec.given([]).when(best('h1', { quantity: 1, tier: 'economy' })).then([seatsHeld('h1', 'alice', seats(4, 4))]);
  });

  it('only looks at rows of the requested tier', () => {
    spec.given([]).when(best('h1', { quantity: 3, tier: 'regular' })).then([seatsHeld('h1', 'alice', seats(2, 5, 6, 7))]);
  });

  it('moves the block off-centre when the centre is taken', () => {
    spec
      .given([seatsHeld('h0', 'bob', seats(1, 4, 5, 6, 7))])
      .when(best('h1', { quantity: 3, tier: 'vip' }))
      .then([seatsHeld('h1', 'alice', seats(1, 1, 2, 3))]);
  });

  it('goes one row back when the front row has no block that long', () => {
    spec
      .given([seatsHeld('h0', 'bob', seats(2, 5))])
      .when(best('h1', { quantity: 6, tier: 'regular' }))
      .then([seatsHeld('h1', 'alice', seats(3, 7, 8, 9, 10, 11, 12))]);
  });

  it('never counts seats on both sides of an aisle as adjacent', () => {
    spec
      .given([seatsHeld('h0', 'bob', seats(2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))])
      .when(best('h1', { quantity: 5, tier: 'regular' }))
      .then([seatsHeld('h1', 'alice', seats(3, 7, 8, 9, 10, 11))]);
  });

  it('prefers the block nearer the row centre among blocks on either side of an aisle', () => {
    spec
      .given([seatsHeld('h0', 'bob', seats(2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))])
      .when(best('h1', { quantity: 4, tier: 'regular' }))
      .then([seatsHeld('h1', 'alice', seats(3, 7, 8, 9, 10))]);
  });

  it('falls back to the best single seats (front rows first, centre first) when no row has a block that long', () => {
    spec
      .given([seatsHeld('h0', 'bob', [...seats(2, 5), ...seats(3, 9)])])
      .when(best('h1', { quantity: 8, tier: 'regular' }))
      .then([seatsHeld('h1', 'alice', seats(2, 1, 2, 3, 4, 6, 7, 8, 9))]);
  });

  it('spills the fallback into the next row of the tier', () => {
    spec
      .given([seatsHeld('h0', 'bob', seats(2, 3, 6, 9))])
      .when(best('h1', { quantity: 9, tier: 'regular' }))
      .then([seatsHeld('h1', 'alice', [...seats(2, 1, 2, 4, 5, 7, 8, 10), ...seats(3, 7, 8)])]);
  });

  it('considers every tier when none is asked for', () => {
    spec
      .given([seatsHeld('h0', 'bob', seats(1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10))])
      .when(best('h1', { quantity: 2 }))
      .then([seatsHeld('h1', 'alice', seats(2, 5, 6))]);
  });

  it('reports requested and available counts when the tier has too few seats left', () => {
    spec
      .given([seatsHeld('h0', 'bob', seats(4, 1, 2, 3))])
      .when(best('h1', { quantity: 4, tier: 'economy' }))
      .thenThrows('seats_unavailable', (details) => 'requested' in details && details.requested === 4 && details.available === 3);
  });

  it('accepts the section the shard sells', () => {
    spec.given([]).when(best('h1', { quantity: 1, tier: 'vip', section: 'A' })).then([seatsHeld('h1', 'alice', seats(1, 6))]);
  });

  it.each([
    ['quantity', { quantity: 0 }],
    ['quantity', { quantity: 101 }],
    ['quantity', { quantity: 2.5 }],
    ['quantity', { quantity: '2' as unknown as number }],
    ['tier', { quantity: 1, tier: 'balcony' }],
    ['section', { quantity: 1, section: 'B' }],
  ])('rejects a bad %s', (field, selection) => {
    spec.given([]).when(best('h1', selection)).thenThrows('invalid_request', (details) => details.field === field);
  });

  it('is idempotent for a retried quantity request', () => {
    spec.given([seatsHeld('h1', 'alice', seats(2, 5, 6))]).when(best('h1', { quantity: 2, tier: 'regular' })).then([]);
  });

  it('rejects a reused holdId whose hold has a different size', () => {
    spec
      .given([seatsHeld('h1', 'alice', seats(2, 5, 6))])
      .when(best('h1', { quantity: 3 }))
      .thenThrows('invalid_request', (details) => details.field === 'holdId');
  });
});
