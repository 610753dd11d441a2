import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_MS, HOLD_SECONDS, T0, holdExpired, range, regularPlan, seats, seatedPlan, seatsHeld, ticketsHeld } from '../testing/inventoryFixtures';
import type { HoldSeats } from './inventoryCommands';
import { shardCounts } from './inventoryViews';

/**
 * A hold past its expiry whose HoldExpired is not written yet (the expiry worker is
 * late) must not block a sale: its units count as available, and the HoldSeats that
 * takes them writes that hold's HoldExpired first, in the same append.
 */
const seated = givenWhenThen(inventoryDecider(seatedPlan));
const general = givenWhenThen(inventoryDecider(regularPlan));
const EXPIRY = T0 + HOLD_MS;

const holdSeats = (holdId: string, seatIds: string[], now: number): HoldSeats => ({
  type: 'HoldSeats',
  data: { holdId, customerId: 'alice', seatIds, now, holdSeconds: HOLD_SECONDS },
});
const holdQuantity = (holdId: string, quantity: number, now: number, tier?: string): HoldSeats => ({
  type: 'HoldSeats',
  data: { holdId, customerId: 'alice', quantity, now, holdSeconds: HOLD_SECONDS, ...(tier ? { tier } : {}) },
});

describe('taking over seats of a hold past its expiry', () => {
  it('expires the stale hold before holding its seat', () => {
    seated
      .given([seatsHeld('h0', 'bob', seats(1, 1, 2))])
      .when(holdSeats('h1', seats(1, 2), EXPIRY))
      .then([holdExpired('h0', 'bob', EXPIRY), seatsHeld('h1', 'alice', seats(1, 2), EXPIRY)]);
  });

  it('leaves a hold alone until its expiry instant', () => {
    seated
      .given([seatsHeld('h0', 'bob', seats(1, 1, 2))])
      .when(holdSeats('h1', seats(1, 2), EXPIRY - 1))
      .thenThrows('seats_unavailable', (details) => 'unavailable' in details && details.unavailable.join() === 'A-1-2');
  });

  it('frees the rest of the stale hold once its HoldExpired is applied', () => {
    const state = seated
      .given([seatsHeld('h0', 'bob', seats(1, 1, 2)), holdExpired('h0', 'bob', EXPIRY), seatsHeld('h1', 'alice', seats(1, 2), EXPIRY)])
      .when(holdSeats('h2', seats(1, 1), EXPIRY + 1))
      .state();
    expect(shardCounts(state, EXPIRY + 1).byTier.vip).toEqual({ available: 9, held: 1, sold: 0, total: 10 });
    seated
      .given([seatsHeld('h0', 'bob', seats(1, 1, 2)), holdExpired('h0', 'bob', EXPIRY), seatsHeld('h1', 'alice', seats(1, 2), EXPIRY)])
      .when(holdSeats('h2', seats(1, 1), EXPIRY + 1))
      .then([seatsHeld('h2', 'alice', seats(1, 1), EXPIRY + 1)]);
  });

  it('expires each stale hold it takes seats from, in order of first use', () => {
    seated
      .given([seatsHeld('h0', 'bob', seats(1, 1)), seatsHeld('h2', 'carol', seats(1, 2), T0 + 5)])
      .when(holdSeats('h1', seats(1, 2, 1), EXPIRY + 5))
      .then([holdExpired('h2', 'carol', EXPIRY + 5), holdExpired('h0', 'bob', EXPIRY + 5), seatsHeld('h1', 'alice', seats(1, 2, 1), EXPIRY + 5)]);
  });

  it('lets best available use stale seats', () => {
    seated
      .given([seatsHeld('h0', 'bob', seats(1, ...range(1, 10)))])
      .when(holdQuantity('h1', 2, EXPIRY, 'vip'))
      .then([holdExpired('h0', 'bob', EXPIRY), seatsHeld('h1', 'alice', seats(1, 5, 6), EXPIRY)]);
  });

  it('expires only the stale holds best available actually takes seats from', () => {
    seated
      .given([seatsHeld('h0', 'bob', seats(1, 1, 2, 3, 4)), seatsHeld('h2', 'carol', seats(1, 5, 6, 7, 8, 9, 10))])
      .when(holdQuantity('h1', 2, EXPIRY, 'vip'))
      .then([holdExpired('h2', 'carol', EXPIRY), seatsHeld('h1', 'alice', seats(1, 5, 6), EXPIRY)]);
  });

  it('counts stale seats in the available figure of a refusal', () => {
    seated
      .given([seatsHeld('h0', 'bob', seats(4, 1, 2)), seatsHeld('h2', 'carol', seats(4, 3, 4), T0 + 1)])
      .when(holdQuantity('h1', 5, EXPIRY, 'economy'))
      .thenThrows('seats_unavailable', (details) => 'available' in details && details.available === 4);
  });

  describe('on a general-admission shard', () => {
    it('prefers never-held and returned numbers: stale holds are reclaimed only when those run short', () => {
      general.given([ticketsHeld('h0', 'bob', [1, 2, 3])]).when(holdQuantity('h1', 2, EXPIRY)).then([ticketsHeld('h1', 'alice', [4, 5], EXPIRY)]);
    });

    it('reclaims stale holds, earliest expiry first, and takes the lowest numbers', () => {
      general
        .given([ticketsHeld('h0', 'bob', range(1, 50)), ticketsHeld('h2', 'carol', range(51, 58), T0 + 1000)])
        .when(holdQuantity('h1', 5, EXPIRY + 1000))
        .then([holdExpired('h0', 'bob', EXPIRY + 1000), ticketsHeld('h1', 'alice', range(1, 5), EXPIRY + 1000)]);
    });

    it('reclaims as many stale holds as the request needs', () => {
      general
        .given([ticketsHeld('h0', 'bob', [1, 2]), ticketsHeld('h2', 'carol', [3, 4], T0 + 1), ticketsHeld('h3', 'dave', range(5, 60), T0 + 2)])
        .when(holdQuantity('h1', 3, EXPIRY + 1))
        .then([holdExpired('h0', 'bob', EXPIRY + 1), holdExpired('h2', 'carol', EXPIRY + 1), ticketsHeld('h1', 'alice', [1, 2, 3], EXPIRY + 1)]);
    });

    it('counts stale tickets as available once they are due, not before', () => {
      general
        .given([ticketsHeld('h0', 'bob', range(1, 60))])
        .when(holdQuantity('h1', 61, EXPIRY))
        .thenThrows('seats_unavailable', (details) => 'available' in details && details.available === 60);
      general
        .given([ticketsHeld('h0', 'bob', range(1, 60))])
        .when(holdQuantity('h1', 1, EXPIRY - 1))
        .thenThrows('seats_unavailable', (details) => 'available' in details && details.available === 0);
    });
  });
});
