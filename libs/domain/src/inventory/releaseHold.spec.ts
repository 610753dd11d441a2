import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_MS, T0, holdExpired, holdReleased, seats, seatedPlan, seatsHeld, ticketsSold } from '../testing/inventoryFixtures';
import type { ReleaseHold } from './inventoryCommands';

const spec = givenWhenThen(inventoryDecider(seatedPlan));
const held = seatsHeld('h1', 'alice', seats(1, 1, 2));

const release = (customerId: string, now: number, reason: ReleaseHold['data']['reason'] = 'customer'): ReleaseHold => ({
  type: 'ReleaseHold',
  data: { holdId: 'h1', customerId, now, reason },
});

describe('ReleaseHold', () => {
  it('releases an active hold, saying why', () => {
    spec.given([held]).when(release('alice', T0 + 1000, 'undo')).then([holdReleased('h1', 'alice', T0 + 1000, 'undo')]);
  });

  it('is a no-op when the hold was already released (a retried request)', () => {
    spec.given([held, holdReleased('h1', 'alice', T0 + 1)]).when(release('alice', T0 + 2)).then([]);
  });

  it('rejects an unknown hold', () => {
    spec.given([]).when(release('alice', T0)).thenThrows('hold_not_found', (details) => details.holdId === 'h1');
  });

  it("rejects another customer's hold, without revealing its status", () => {
    spec.given([held, holdReleased('h1', 'alice', T0 + 1)]).when(release('mallory', T0 + 2)).thenThrows('not_hold_owner');
  });

  it('rejects a hold whose expiry was written', () => {
    spec
      .given([held, holdExpired('h1', 'alice', T0 + HOLD_MS)])
      .when(release('alice', T0 + HOLD_MS + 1))
      .thenThrows('hold_expired', (details) => details.expiresAt === '2026-06-01T18:10:00.000Z');
  });

  it('rejects a hold past its expiry even before the expiry is written', () => {
    spec.given([held]).when(release('alice', T0 + HOLD_MS)).thenThrows('hold_expired');
  });

  it('rejects a purchased hold', () => {
    spec
      .given([held, ticketsSold('h1', 'o1', 'alice', T0 + 5, [])])
      .when(release('alice', T0 + 6))
      .thenThrows('hold_already_purchased', (details) => details.orderId === 'o1');
  });

  it('rejects an unknown reason', () => {
    spec
      .given([held])
      .when(release('alice', T0 + 1, 'bored' as never))
      .thenThrows('invalid_request', (details) => details.field === 'reason');
  });
});
