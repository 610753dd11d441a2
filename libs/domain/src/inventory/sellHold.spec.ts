import { inventoryDecider } from './inventoryDecider';
import { givenWhenThen } from '../testing';
import { HOLD_MS, HOLD_SECONDS, PRICES, T0, holdExpired, holdReleased, regularPlan, seatedPlan, seatsHeld, ticketsHeld, ticketsSold } from '../testing/inventoryFixtures';
import type { SellHold } from './inventoryCommands';

const spec = givenWhenThen(inventoryDecider(seatedPlan));
// A vip seat and a regular seat in one hold: each ticket carries its own tier and price.
const held = seatsHeld('h1', 'alice', ['A-1-5', 'A-2-5']);

const sell = (overrides: Partial<SellHold['data']> = {}): SellHold => ({
  type: 'SellHold',
  data: { holdId: 'h1', orderId: 'o1', customerId: 'alice', now: T0 + 60_000, prices: PRICES, ticketIds: ['t1', 't2'], ...overrides },
});

const sold = ticketsSold('h1', 'o1', 'alice', T0 + 60_000, [
  { ticketId: 't1', seatId: 'A-1-5', tier: 'vip', price: 9_000, currency: 'EUR' },
  { ticketId: 't2', seatId: 'A-2-5', tier: 'regular', price: 5_000, currency: 'EUR' },
]);

describe('SellHold', () => {
  it('turns every held seat into a ticket at once, priced by tier', () => {
    spec.given([held]).when(sell()).then([sold]);
  });

  it('sells general-admission tickets by number', () => {
    givenWhenThen(inventoryDecider(regularPlan))
      .given([ticketsHeld('h1', 'alice', [7, 8])])
      .when(sell({ prices: { regular: { price: 10_000, currency: 'EUR' } } }))
      .then([
        ticketsSold('h1', 'o1', 'alice', T0 + 60_000, [
          { ticketId: 't1', ticketNumber: 7, tier: 'regular', price: 10_000, currency: 'EUR' },
          { ticketId: 't2', ticketNumber: 8, tier: 'regular', price: 10_000, currency: 'EUR' },
        ]),
      ]);
  });

  it('is a no-op when the same order is retried', () => {
    spec.given([held, sold]).when(sell({ now: T0 + HOLD_MS + 1 })).then([]);
  });

  it('rejects a second order for a purchased hold', () => {
    spec.given([held, sold]).when(sell({ orderId: 'o2' })).thenThrows('hold_already_purchased', (details) => details.orderId === 'o1');
  });

  it('rejects an unknown hold', () => {
    spec.given([]).when(sell()).thenThrows('hold_not_found');
  });

  it("rejects another customer's hold", () => {
    spec.given([held]).when(sell({ customerId: 'mallory' })).thenThrows('not_hold_owner');
  });

  it('rejects a released hold', () => {
    spec.given([held, holdReleased('h1', 'alice', T0 + 1)]).when(sell()).thenThrows('hold_released');
  });

  it('rejects a hold whose expiry was written', () => {
    spec.given([held, holdExpired('h1', 'alice', T0 + HOLD_MS)]).when(sell()).thenThrows('hold_expired');
  });

  it('rejects a hold past its expiry even before the expiry is written: a late worker never extends a hold', () => {
    spec.given([held]).when(sell({ now: T0 + HOLD_MS })).thenThrows('hold_expired');
    spec.given([held]).when(sell({ now: T0 + HOLD_MS - 1 })).then([{ ...sold, data: { ...sold.data, soldAt: '2026-06-01T18:09:59.999Z' } }]);
  });

  it('rejects a hold whose seats were taken over after its expiry', () => {
    spec
      .given([held, holdExpired('h1', 'alice', T0 + HOLD_MS), seatsHeld('h2', 'bob', ['A-1-5'], T0 + HOLD_MS)])
      .when(sell({ now: T0 + HOLD_MS - 1 }))
      .thenThrows('hold_expired');
  });

  it.each([
    ['too few ticket ids', ['t1']],
    ['too many ticket ids', ['t1', 't2', 't3']],
    ['duplicate ticket ids', ['t1', 't1']],
    ['empty ticket ids', ['t1', '']],
  ])('rejects %s', (_, ticketIds) => {
    spec.given([held]).when(sell({ ticketIds })).thenThrows('invalid_request', (details) => details.field === 'ticketIds');
  });

  it('rejects prices that miss a tier of the hold', () => {
    spec
      .given([held])
      .when(sell({ prices: { vip: PRICES.vip } }))
      .thenThrows('invalid_request', (details) => details.field === 'prices' && details.tier === 'regular');
  });

  it('rejects a price that is not integer minor units', () => {
    spec
      .given([held])
      .when(sell({ prices: { ...PRICES, vip: { price: 90.5, currency: 'EUR' } } }))
      .thenThrows('invalid_request', (details) => details.field === 'prices' && details.tier === 'vip');
  });

  it('leaves sold seats unavailable for good', () => {
    spec
      .given([held, sold])
      .when({ type: 'HoldSeats', data: { holdId: 'h2', customerId: 'bob', seatIds: ['A-2-5'], now: T0 + 10 * HOLD_MS, holdSeconds: HOLD_SECONDS } })
      .thenThrows('seats_unavailable');
    spec.given([held, sold]).when({ type: 'ExpireHold', data: { holdId: 'h1', now: T0 + 10 * HOLD_MS } }).then([]);
  });

  it('rejects a missing order id', () => {
    spec.given([held]).when(sell({ orderId: '' })).thenThrows('invalid_request', (details) => details.field === 'orderId');
  });

  describe('at the price the hold was made at', () => {
    // The hold recorded vip at 9,000 and regular at 5,000; the show has since raised both.
    const heldWithPrices = { ...held, data: { ...held.data, prices: { vip: { price: 9_000, currency: 'EUR' }, regular: { price: 5_000, currency: 'EUR' } } } };
    const raised = { vip: { price: 12_000, currency: 'EUR' }, regular: { price: 6_000, currency: 'EUR' } };

    it('sells each ticket at the price its hold recorded, whatever the show costs now', () => {
      spec.given([heldWithPrices]).when(sell({ prices: raised })).then([sold]);
    });

    it('sells a hold from before prices were recorded at the price the caller gives', () => {
      spec
        .given([held])
        .when(sell({ prices: raised }))
        .then([
          ticketsSold('h1', 'o1', 'alice', T0 + 60_000, [
            { ticketId: 't1', seatId: 'A-1-5', tier: 'vip', price: 12_000, currency: 'EUR' },
            { ticketId: 't2', seatId: 'A-2-5', tier: 'regular', price: 6_000, currency: 'EUR' },
          ]),
        ]);
    });
  });
});

describe('SellHold records the charge', () => {
  it('keeps the payment that paid, for a refund', () => {
    spec.given([held]).when(sell({ chargeId: 'ch_1' })).then([{ ...sold, data: { ...sold.data, chargeId: 'ch_1' } }]);
  });
});

describe('SellHold with a service fee and VAT', () => {
  it('records the fee per ticket and the VAT rate beside the tickets, whose prices stay their tiers\'', () => {
    spec
      .given([held])
      .when(sell({ serviceFeePerTicket: 150, vatBasisPoints: 900 }))
      .then([{ ...sold, data: { ...sold.data, serviceFeePerTicket: 150, vatBasisPoints: 900 } }]);
  });

  it('records nothing for a fee of 0 and no VAT', () => {
    spec.given([held]).when(sell({ serviceFeePerTicket: 0, vatBasisPoints: 0 })).then([sold]);
  });

  it.each([
    ['a negative fee', { serviceFeePerTicket: -1 }, 'serviceFeePerTicket'],
    ['a fee in euros', { serviceFeePerTicket: 1.5 }, 'serviceFeePerTicket'],
    ['a VAT rate in percent', { vatBasisPoints: 5.5 }, 'vatBasisPoints'],
  ])('rejects %s', (_, patch, field) => {
    spec.given([held]).when(sell(patch)).thenThrows('invalid_request', (details) => details.field === field);
  });
});
