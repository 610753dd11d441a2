import { inventoryDecider } from './inventoryDecider';
import { holdView } from './inventoryViews';
import { priceHold } from './holdPricing';
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
    expect(priceHold(smallHallShow.tiers, [hold])).toEqual({
      prices: PRICES,
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
    expect(priceHold([], [{ tiers: ['a'] }])).toEqual({ prices: {}, total: 0, currency: 'EUR' });
  });

  it('prices a part at the prices it recorded when it was made, and only an old part at the show\'s', () => {
    const tiers = [{ tier: 'vip', price: 12_000, currency: 'EUR' }];
    const recorded = { tiers: ['vip', 'vip'], prices: { vip: { price: 9_000, currency: 'EUR' } } };
    const old = { tiers: ['vip'] };
    expect(priceHold(tiers, [recorded, old]).total).toBe(2 * 9_000 + 12_000);
  });
});
