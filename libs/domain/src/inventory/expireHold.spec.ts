import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_MS, T0, holdExpired, holdReleased, seats, seatedPlan, seatsHeld, ticketsSold } from '../testing/inventoryFixtures';
import type { ExpireHold } from './inventoryCommands';

/** The expiry worker may be early, late or duplicated; none of that is ever an error. */
const spec = givenWhenThen(inventoryDecider(seatedPlan));
const held = seatsHeld('h1', 'alice', seats(2, 1, 2));
const expire = (now: number, holdId = 'h1'): ExpireHold => ({ type: 'ExpireHold', data: { holdId, now } });

describe('ExpireHold', () => {
  it('expires an active hold at its expiry instant', () => {
    spec.given([held]).when(expire(T0 + HOLD_MS)).then([holdExpired('h1', 'alice', T0 + HOLD_MS)]);
  });

  it('expires an active hold long after its expiry (a late worker)', () => {
    spec.given([held]).when(expire(T0 + 10 * HOLD_MS)).then([holdExpired('h1', 'alice', T0 + 10 * HOLD_MS)]);
  });

  it('does nothing before the expiry (an early worker)', () => {
    spec.given([held]).when(expire(T0 + HOLD_MS - 1)).then([]);
  });

  it('does nothing for an expiry already written (a duplicated worker)', () => {
    spec.given([held, holdExpired('h1', 'alice', T0 + HOLD_MS)]).when(expire(T0 + HOLD_MS + 5)).then([]);
  });

  it('does nothing for a released hold', () => {
    spec.given([held, holdReleased('h1', 'alice', T0 + 5)]).when(expire(T0 + HOLD_MS)).then([]);
  });

  it('does nothing for a purchased hold', () => {
    spec.given([held, ticketsSold('h1', 'o1', 'alice', T0 + 5, [])]).when(expire(T0 + HOLD_MS)).then([]);
  });

  it('does nothing for an unknown hold', () => {
    spec.given([held]).when(expire(T0 + HOLD_MS, 'h-unknown')).then([]);
  });

  it('still rejects a malformed command', () => {
    spec.given([held]).when(expire(Number.NaN)).thenThrows('invalid_request', (details) => details.field === 'now');
  });
});
