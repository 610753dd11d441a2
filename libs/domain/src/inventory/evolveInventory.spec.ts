import { inventoryDecider } from './inventoryDecider';
import { HOLD_MS, T0, holdExpired, holdReleased, regularPlan, seats, seatedPlan, seatsHeld, ticketsHeld, ticketsSold } from '../testing/inventoryFixtures';
import type { InventoryEvent } from './inventoryEvents';
import { FREE, HELD, SOLD } from './inventoryState';
import { shardCounts } from './inventoryViews';

const decider = inventoryDecider(seatedPlan);
const replay = (events: InventoryEvent[], d = decider) => events.reduce(d.evolve, d.initialState());

describe('evolveInventory', () => {
  it('mutates and returns the same state object: the hot path copies nothing', () => {
    const state = decider.initialState();
    expect(decider.evolve(state, seatsHeld('h1', 'alice', seats(1, 1)))).toBe(state);
  });

  it('tracks each unit status in the byte array', () => {
    const state = replay([seatsHeld('h1', 'alice', seats(1, 1)), seatsHeld('h2', 'bob', seats(1, 2)), ticketsSold('h2', 'o', 'bob', T0 + 1, [])]);
    expect(Array.from(state.status.subarray(0, 3))).toEqual([HELD, SOLD, FREE]);
  });

  it('ignores a second end of the same hold (an expiry racing a release)', () => {
    const once = replay([seatsHeld('h1', 'alice', seats(1, 1, 2)), holdReleased('h1', 'alice', T0 + 1)]);
    const twice = replay([seatsHeld('h1', 'alice', seats(1, 1, 2)), holdReleased('h1', 'alice', T0 + 1), holdExpired('h1', 'alice', T0 + HOLD_MS)]);
    expect(shardCounts(twice, T0 + HOLD_MS)).toEqual(shardCounts(once, T0 + HOLD_MS));
    expect(twice.holds.get('h1')?.status).toBe('released');
  });

  it('ignores the end of an unknown hold', () => {
    expect(shardCounts(replay([holdExpired('ghost', 'x', T0)]), T0).available).toBe(36);
  });

  it('refuses a stream that holds a unit twice: that would be a double sale', () => {
    expect(() => replay([seatsHeld('h1', 'alice', seats(1, 1)), seatsHeld('h2', 'bob', seats(1, 1))])).toThrow(/not free/);
  });

  it('refuses a sale of a hold that is not active', () => {
    expect(() => replay([seatsHeld('h1', 'alice', seats(1, 1)), holdReleased('h1', 'alice', T0 + 1), ticketsSold('h1', 'o', 'alice', T0 + 2, [])])).toThrow(
      /not active/,
    );
  });

  it('refuses general-admission numbers outside the shard', () => {
    expect(() => replay([ticketsHeld('h1', 'alice', [61])], inventoryDecider(regularPlan))).toThrow(/not free/);
  });

  it('rebuilds the same counts however often the stream is replayed', () => {
    const events = [seatsHeld('h1', 'alice', seats(2, 1, 2)), ticketsSold('h1', 'o1', 'alice', T0 + 5, []), seatsHeld('h2', 'bob', seats(3, 7))];
    expect(shardCounts(replay(events), T0 + 10)).toEqual(shardCounts(replay(events), T0 + 10));
  });
});
