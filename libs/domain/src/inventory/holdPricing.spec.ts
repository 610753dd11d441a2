import { inventoryDecider } from './inventoryDecider';
import { holdView } from './inventoryViews';
import { chargesFor, priceHold, vatIncluded } from './holdPricing';
import type { InventoryEvent } from './inventoryEvents';
import type { ShardPlan } from '../catalog/planShards';
import { PRICES, T0, regularPlan, seats, seatedPlan, seatsHeld, smallFestivalShow, smallHallShow, ticketsHeld, vipPlan } from '../testing/inventoryFixtures';

const viewAfter = (plan: ShardPlan, events: InventoryEvent[], holdId: string) => {
  const decider = inventoryDecider(plan);
  return holdView(events.reduce(decider.evolve, decider.initialState()), holdId, T0)!;
};

describe('priceHold', () => {
  it('given seats of several tiers held, prices each seat at its tier', () => {
    // Row 1 is vip, row 2 regular, row 4 economy.
    const hold = viewAfter(seatedPlan, [seatsHeld('h1', 'alice', [...seats(1, 1, 2), ...seats(2, 5), ...seats(4, 1)])], 'h1');
    expect(priceHold(smallHallShow.tiers, [hold])).toMatchObject({
      prices: PRICES,
      unitPrices: [9_000, 9_000, 5_000, 2_500],
      total: 2 * 9_000 + 5_000 + 2_500,
      currency: 'EUR',
    });
  });

  it('given a hold cut over two shards, adds up every part', () => {
    const regular = viewAfter(regularPlan, [ticketsHeld('h1', 'alice', [1, 2, 3])], 'h1');
    const vip = viewAfter(vipPlan, [ticketsHeld('h1', 'alice', [61], T0, vipPlan)], 'h1');
    expect(priceHold(smallFestivalShow.tiers, [regular, vip]).total).toBe(3 * 10_000 + 30_000);
  });

  it('counts a tier the show does not price as 0', () => {
    expect(priceHold([{ tier: 'vip', price: 9_000, currency: 'EUR' }], [{ tiers: ['vip', 'regular'] }]).total).toBe(9_000);
  });

  it("takes the currency of the show's first tier, EUR for a show without tiers", () => {
    expect(priceHold([{ tier: 'a', price: 1, currency: 'SEK' }, { tier: 'b', price: 2, currency: 'EUR' }], []).currency).toBe('SEK');
    expect(priceHold([], [{ tiers: ['a'] }])).toMatchObject({ prices: {}, total: 0, currency: 'EUR' });
  });

  it('prices a part at the prices it recorded when it was made, and only an old part at the show\'s', () => {
    const tiers = [{ tier: 'vip', price: 12_000, currency: 'EUR' }];
    const recorded = { tiers: ['vip', 'vip'], prices: { vip: { price: 9_000, currency: 'EUR' } } };
    const old = { tiers: ['vip'] };
    expect(priceHold(tiers, [recorded, old]).total).toBe(2 * 9_000 + 12_000);
  });
});

describe('service fees and VAT', () => {
  it('adds the per-ticket fee once per ticket to the total, and says how much of it is VAT', () => {
    const hold = viewAfter(seatedPlan, [seatsHeld('h1', 'alice', [...seats(1, 1, 2), ...seats(2, 5)])], 'h1');
    expect(priceHold(smallHallShow.tiers, [hold], { serviceFeePerTicket: 150, vatBasisPoints: 900 }).charges).toEqual({
      ticketsTotal: 2 * 9_000 + 5_000,
      serviceFeePerTicket: 150,
      serviceFees: 3 * 150,
      vatBasisPoints: 900,
      // 23,450 × 9 / 109 = 1,936.24…
      vat: 1_936,
      total: 23_450,
      currency: 'EUR',
    });
  });

  it('with no fee and no VAT the total is the tickets and nothing is VAT', () => {
    expect(chargesFor(2_500, 2, 'EUR', { serviceFeePerTicket: 0, vatBasisPoints: 0 })).toEqual({
      ticketsTotal: 2_500,
      serviceFeePerTicket: 0,
      serviceFees: 0,
      vatBasisPoints: 0,
      vat: 0,
      total: 2_500,
      currency: 'EUR',
    });
  });

  it.each([
    // gross, basis points, VAT: gross × r / (1 + r) to the nearest cent
    [10_900, 900, 900], // exact: 100.00 + 9 %
    [12_100, 2_100, 2_100], // exact at 21 %
    [1_000, 900, 83], // 82.568… rounds up
    [1_000, 2_100, 174], // 173.553… rounds up
    [100, 2_100, 17], // 17.355… rounds down
    [2_110, 550, 110], // 110.0 at 5.5 %
    [1_635, 900, 135], // 135.0 exactly: 1,635 × 9 / 109
    [545, 900, 45], // 45.0 exactly
    [1, 2_100, 0], // 0.17… rounds down to nothing
    [0, 2_100, 0],
    [Number.MAX_SAFE_INTEGER, 5_000, 3_002_399_751_580_330], // BigInt: no float error at the largest amount
  ])('rounds the VAT in %i at %i basis points to %i (nearest cent, halves up)', (gross, basisPoints, vat) => {
    expect(vatIncluded(gross, basisPoints)).toBe(vat);
  });

  it('rounds a VAT of exactly half a cent up', () => {
    // At 20 % the VAT is a sixth of the gross: 3 cents hold 0.5, 9 hold 1.5, 15 hold 2.5.
    expect([3, 9, 15].map((gross) => vatIncluded(gross, 2_000))).toEqual([1, 2, 3]);
  });
});
