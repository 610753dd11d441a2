import { givenWhenThen } from '../testing';
import type { Show } from './catalogEntities';
import type { PriceChanged, ShowScheduled } from './catalogEvents';
import { currentShow, MAX_TIER_PRICE, showPricesDecider, type ChangePrice } from './showPrices';

const spec = givenWhenThen(showPricesDecider);
const T0 = Date.parse('2027-03-01T10:00:00.000Z');

const show: Show = {
  id: 'show-1',
  eventId: 'event-1',
  venueId: 'venue-1',
  startsAt: '2027-07-01T19:30:00.000Z',
  kind: 'seated',
  tiers: [
    { tier: 'vip', price: 9_000, currency: 'EUR' },
    { tier: 'regular', price: 5_000, currency: 'EUR' },
  ],
};
const scheduled: ShowScheduled = { type: 'ShowScheduled', data: show };
const change = (tier: string, price: number, currency?: string, now = T0): ChangePrice => ({
  type: 'ChangePrice',
  data: { tier, price, ...(currency !== undefined ? { currency } : {}), now },
});
const changed = (tier: string, previousPrice: number, price: number, at = T0): PriceChanged => ({
  type: 'PriceChanged',
  data: { showId: 'show-1', tier, price, currency: 'EUR', previousPrice, changedAt: new Date(at).toISOString() },
});

describe('show prices', () => {
  it('changes a tier price, recording the price it replaces', () => {
    spec.given([scheduled]).when(change('vip', 12_000)).then([changed('vip', 9_000, 12_000)]);
  });

  it('takes the currency when it is the tier’s own', () => {
    spec.given([scheduled]).when(change('regular', 4_500, 'EUR')).then([changed('regular', 5_000, 4_500)]);
  });

  it('decides against the latest price, not the one the show was scheduled with', () => {
    spec.given([scheduled, changed('vip', 9_000, 12_000)]).when(change('vip', 9_000)).then([changed('vip', 12_000, 9_000)]);
  });

  it('may make a tier free', () => {
    spec.given([scheduled]).when(change('regular', 0)).then([changed('regular', 5_000, 0)]);
  });

  it('refuses a tier the show does not have, listing the ones it has', () => {
    spec
      .given([scheduled])
      .when(change('balcony', 100))
      .thenThrows('invalid_request', (d) => d.field === 'tier' && (d.tiers as string[]).join() === 'vip,regular');
  });

  it.each([
    ['negative', -1],
    ['not an integer', 10.5],
    ['too large', MAX_TIER_PRICE + 1],
    ['not a number', Number.NaN],
  ])('refuses a price that is %s', (_, price) => {
    spec.given([scheduled]).when(change('vip', price)).thenThrows('invalid_request', (d) => d.field === 'price');
  });

  it('takes the largest price allowed', () => {
    spec.given([scheduled]).when(change('vip', MAX_TIER_PRICE)).then([changed('vip', 9_000, MAX_TIER_PRICE)]);
  });

  it('refuses another currency: a show is priced in one', () => {
    spec.given([scheduled]).when(change('vip', 10_000, 'USD')).thenThrows('invalid_request', (d) => d.field === 'currency' && d.expected === 'EUR');
  });

  it('refuses to set the price the tier already has', () => {
    spec.given([scheduled, changed('vip', 9_000, 12_000)]).when(change('vip', 12_000)).thenThrows('price_unchanged', (d) => d.tier === 'vip' && d.price === 12_000);
  });

  it('refuses a command without a valid time', () => {
    spec.given([scheduled]).when(change('vip', 1, undefined, Number.NaN)).thenThrows('invalid_request', (d) => d.field === 'now');
  });

  it('the current show is the scheduled one with every change applied in order', () => {
    const now = currentShow(show, [changed('vip', 9_000, 12_000).data, changed('vip', 12_000, 11_000).data, changed('regular', 5_000, 4_000).data]);
    expect(now.tiers).toEqual([
      { tier: 'vip', price: 11_000, currency: 'EUR' },
      { tier: 'regular', price: 4_000, currency: 'EUR' },
    ]);
    expect(show.tiers[0].price).toBe(9_000);
    expect(currentShow(show, [])).toBe(show);
  });
});
