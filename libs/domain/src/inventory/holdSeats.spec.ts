import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import {
  HOLD_MS,
  HOLD_SECONDS,
  PRICES,
  T0,
  holdExpired,
  holdReleased,
  iso,
  regularPlan,
  seats,
  seatedPlan,
  seatsHeld,
  ticketsSold,
  vipPlan,
} from '../testing/inventoryFixtures';
import type { HoldSeats } from './inventoryCommands';

const spec = givenWhenThen(inventoryDecider(seatedPlan));

const hold = (holdId: string, customerId: string, seatIds: string[], now = T0): HoldSeats => ({
  type: 'HoldSeats',
  data: { holdId, customerId, seatIds, now, holdSeconds: HOLD_SECONDS },
});

describe('HoldSeats records the price of what it holds', () => {
  it('keeps the price of each tier it takes, and only of those', () => {
    const [event] = spec
      .given([])
      .when({ ...hold('h1', 'alice', ['A-1-1', 'A-2-5']), data: { ...hold('h1', 'alice', ['A-1-1', 'A-2-5']).data, prices: PRICES } })
      .events();
    expect(event).toEqual({
      ...seatsHeld('h1', 'alice', ['A-1-1', 'A-2-5']),
      data: { ...seatsHeld('h1', 'alice', ['A-1-1', 'A-2-5']).data, prices: { vip: PRICES.vip, regular: PRICES.regular } },
    });
  });

  it('records no prices when the command brings none (as holds did before prices could change)', () => {
    spec.given([]).when(hold('h1', 'alice', ['A-1-1'])).then([seatsHeld('h1', 'alice', ['A-1-1'])]);
  });
});

describe('HoldSeats with explicit seats', () => {
  it('holds free seats for holdSeconds, in the order requested', () => {
    spec
      .given([])
      .when(hold('h1', 'alice', ['A-2-5', 'A-2-4']))
      .then([seatsHeld('h1', 'alice', ['A-2-5', 'A-2-4'])]);
  });

  it('stamps heldAt and expiresAt as ISO-8601 UTC with milliseconds', () => {
    const [event] = spec.given([]).when(hold('h1', 'alice', ['A-1-1'], T0 + 123)).events();
    expect(event.data).toMatchObject({ heldAt: '2026-06-01T18:00:00.123Z', expiresAt: '2026-06-01T18:10:00.123Z' });
  });

  it('rejects unknown seats, naming every one, before looking at availability', () => {
    spec
      .given([seatsHeld('h0', 'bob', ['A-1-1'])])
      .when(hold('h1', 'alice', ['A-1-1', 'A-3-5', 'Z-1-1']))
      .thenThrows('invalid_seat', (details) => details.seatIds.join() === 'A-3-5,Z-1-1');
  });

  it('holds all requested seats or none: lists every unavailable one', () => {
    spec
      .given([seatsHeld('h0', 'bob', ['A-1-1', 'A-1-2'])])
      .when(hold('h1', 'alice', ['A-1-2', 'A-1-3', 'A-1-1']))
      .thenThrows('seats_unavailable', (details) => 'unavailable' in details && details.unavailable.join() === 'A-1-2,A-1-1');
  });

  it('treats sold seats as unavailable', () => {
    spec
      .given([
        seatsHeld('h0', 'bob', ['A-4-1']),
        ticketsSold('h0', 'o0', 'bob', T0 + 1000, [{ ticketId: 't0', seatId: 'A-4-1', tier: 'economy', price: 2500, currency: 'EUR' }]),
      ])
      .when(hold('h1', 'alice', ['A-4-1'], T0 + HOLD_MS + 1))
      .thenThrows('seats_unavailable', (details) => 'unavailable' in details && details.unavailable.join() === 'A-4-1');
  });

  it('makes released and expired seats available again', () => {
    spec
      .given([seatsHeld('h0', 'bob', ['A-1-1']), holdReleased('h0', 'bob', T0 + 5), seatsHeld('h2', 'carol', ['A-1-2']), holdExpired('h2', 'carol', T0 + HOLD_MS)])
      .when(hold('h1', 'alice', ['A-1-1', 'A-1-2'], T0 + HOLD_MS + 10))
      .then([seatsHeld('h1', 'alice', ['A-1-1', 'A-1-2'], T0 + HOLD_MS + 10)]);
  });

  it('rejects duplicate seat ids in one request', () => {
    spec
      .given([])
      .when(hold('h1', 'alice', ['A-1-1', 'A-1-2', 'A-1-1']))
      .thenThrows('invalid_request', (details) => details.field === 'seatIds' && String(details.duplicates) === 'A-1-1');
  });

  it.each([
    ['an empty list', []],
    ['more than 100 seats', Array.from({ length: 101 }, (_, i) => `A-1-${i + 1}`)],
  ])('rejects %s', (_, seatIds) => {
    spec.given([]).when(hold('h1', 'alice', seatIds)).thenThrows('invalid_request', (details) => details.field === 'seatIds');
  });

  it('rejects seat ids together with a quantity', () => {
    spec
      .given([])
      .when({ type: 'HoldSeats', data: { holdId: 'h1', customerId: 'alice', now: T0, holdSeconds: 600, seatIds: ['A-1-1'], quantity: 1 } as never })
      .thenThrows('invalid_request', (details) => details.field === 'quantity');
  });

  it('rejects seat ids on a general-admission shard', () => {
    givenWhenThen(inventoryDecider(regularPlan))
      .given([])
      .when(hold('h1', 'alice', ['A-1-1']))
      .thenThrows('invalid_request', (details) => details.field === 'seatIds');
  });

  it.each([
    ['holdId', { holdId: '' }],
    ['customerId', { customerId: undefined }],
    ['now', { now: Number.NaN }],
    ['holdSeconds', { holdSeconds: 0 }],
    ['holdSeconds', { holdSeconds: 1.5 }],
  ])('rejects a malformed %s', (field, patch) => {
    spec
      .given([])
      .when({ type: 'HoldSeats', data: { ...hold('h1', 'alice', ['A-1-1']).data, ...patch } as HoldSeats['data'] })
      .thenThrows('invalid_request', (details) => details.field === field);
  });

  describe('a holdId that already exists in the shard', () => {
    const given = [seatsHeld('h1', 'alice', seats(1, 1, 2))];

    it('is an idempotent retry when the same customer asks for the same seats (in any order)', () => {
      spec.given(given).when(hold('h1', 'alice', ['A-1-2', 'A-1-1'])).then([]);
    });

    it('stays a no-op after the hold was released: the retry does not hold again', () => {
      spec.given([...given, holdReleased('h1', 'alice', T0 + 1)]).when(hold('h1', 'alice', seats(1, 1, 2), T0 + 2)).then([]);
    });

    it('is rejected for another customer', () => {
      spec.given(given).when(hold('h1', 'bob', seats(1, 1, 2))).thenThrows('invalid_request', (details) => details.field === 'holdId');
    });

    it('is rejected for different seats', () => {
      spec.given(given).when(hold('h1', 'alice', seats(1, 1, 3))).thenThrows('invalid_request', (details) => details.field === 'holdId');
    });
  });
});

describe('SeatsHeld tierCounts', () => {
  it('counts the units of each tier a seated hold spans', () => {
    // Row 1 is vip; rows 2 and 3 (the one with the aisle) are regular.
    const when = spec.given([]).when(hold('h1', 'alice', ['A-2-5', 'A-1-5', 'A-3-7']));
    when.then([
      {
        type: 'SeatsHeld',
        data: {
          holdId: 'h1',
          showId: 'show-small',
          shardId: 's0',
          customerId: 'alice',
          seatIds: ['A-2-5', 'A-1-5', 'A-3-7'],
          tierCounts: { vip: 1, regular: 2 },
          heldAt: iso(T0),
          expiresAt: iso(T0 + HOLD_MS),
        },
      },
    ]);
    // No entry for a tier the hold has no units in (economy), not even a zero.
    const [event] = when.events();
    expect(event.type === 'SeatsHeld' && event.data.tierCounts).toStrictEqual({ vip: 1, regular: 2 });
  });

  it.each([
    ['regular', regularPlan, 3, [1, 2, 3]],
    ['vip', vipPlan, 2, [61, 62]],
  ])('gives a general-admission hold on the %s shard one entry: { [tier]: quantity }', (tier, plan, quantity, ticketNumbers) => {
    const when = givenWhenThen(inventoryDecider(plan))
      .given([])
      .when({ type: 'HoldSeats', data: { holdId: 'h1', customerId: 'alice', quantity, now: T0, holdSeconds: HOLD_SECONDS } });
    when.then([
      {
        type: 'SeatsHeld',
        data: {
          holdId: 'h1',
          showId: 'show-fest',
          shardId: plan.shardId,
          customerId: 'alice',
          ticketNumbers,
          tier,
          tierCounts: { [tier]: quantity },
          heldAt: iso(T0),
          expiresAt: iso(T0 + HOLD_MS),
        },
      },
    ]);
    const [event] = when.events();
    expect(event.type === 'SeatsHeld' && event.data.tierCounts).toStrictEqual({ [tier]: quantity });
  });
});
