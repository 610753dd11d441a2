import { DomainError, type DomainErrorDetails } from '../errors';
import type { Show, Venue } from './catalogEntities';
import { validateShow } from './validateShow';

const hall: Venue = {
  id: 'v1',
  cityId: 'c1',
  name: 'Hall',
  kind: 'cinema',
  seatMap: { sections: [{ id: 'H', name: 'Hall', x: 0, y: 0, width: 1, height: 1, rows: [{ row: 'A', seats: 5, tier: 'regular' }, { row: 'B', seats: 5, tier: 'vip' }] }] },
};
const field: Venue = { id: 'v2', cityId: 'c1', name: 'Field', kind: 'festival' };

const seated: Show = {
  id: 's1',
  eventId: 'e1',
  venueId: 'v1',
  startsAt: '2026-05-01T20:00:00+02:00',
  kind: 'seated',
  tiers: [
    { tier: 'regular', price: 1200, currency: 'EUR' },
    { tier: 'vip', price: 2000, currency: 'EUR' },
  ],
};
const general: Show = {
  id: 's2',
  eventId: 'e1',
  venueId: 'v2',
  startsAt: '2026-07-01T12:00:00Z',
  kind: 'general',
  tiers: [{ tier: 'regular', price: 5000, currency: 'EUR' }],
  capacity: 1000,
};

function problem(show: Show, venue: Venue): DomainErrorDetails['invalid_request'] {
  try {
    validateShow(show, venue);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'invalid_request') return error.details as DomainErrorDetails['invalid_request'];
    throw error;
  }
  throw new Error('expected the show to be rejected');
}

describe('validateShow', () => {
  it('accepts a seated show whose every seat tier is priced, and a general-admission show', () => {
    expect(() => validateShow(seated, hall)).not.toThrow();
    expect(() => validateShow(general, field)).not.toThrow();
    expect(() => validateShow({ ...seated, serviceFeePerTicket: 0, vatBasisPoints: 0 }, hall)).not.toThrow();
    expect(() => validateShow({ ...seated, serviceFeePerTicket: 150, vatBasisPoints: 2_100 }, hall)).not.toThrow();
    expect(() => validateShow({ ...general, tiers: [...general.tiers, { tier: 'vip', price: 9000, currency: 'EUR' }], generalTiers: [{ tier: 'regular', capacity: 900 }, { tier: 'vip', capacity: 100 }] }, field)).not.toThrow();
  });

  it.each<[string, Partial<Show>, string]>([
    ['a seat tier without a price', { tiers: [{ tier: 'regular', price: 1200, currency: 'EUR' }] }, 'tiers'],
    ['a start without a zone', { startsAt: '2026-05-01T20:00:00' }, 'startsAt'],
    ['a start that is no date', { startsAt: 'tomorrow' }, 'startsAt'],
    ['a price in euros instead of cents', { tiers: [{ tier: 'regular', price: 12.5, currency: 'EUR' }, { tier: 'vip', price: 20, currency: 'EUR' }] }, 'tiers[0].price'],
    ['a lowercase currency', { tiers: [{ tier: 'regular', price: 1200, currency: 'eur' }, { tier: 'vip', price: 20, currency: 'EUR' }] }, 'tiers[0].currency'],
    ['a duplicate tier', { tiers: [{ tier: 'vip', price: 1, currency: 'EUR' }, { tier: 'vip', price: 2, currency: 'EUR' }] }, 'tiers[1].tier'],
    ['no tiers', { tiers: [] }, 'tiers'],
    ['a zero hold time', { holdSeconds: 0 }, 'holdSeconds'],
    ['a limit of 0 tickets', { maxTicketsPerCustomer: 0 }, 'maxTicketsPerCustomer'],
    ['a negative service fee', { serviceFeePerTicket: -1 }, 'serviceFeePerTicket'],
    ['a service fee in euros instead of cents', { serviceFeePerTicket: 1.5 }, 'serviceFeePerTicket'],
    ['a VAT rate in percent with decimals', { vatBasisPoints: 5.5 }, 'vatBasisPoints'],
    ['a VAT rate above 50 %', { vatBasisPoints: 5_001 }, 'vatBasisPoints'],
    ['a capacity on a seated show', { capacity: 10 }, 'capacity'],
    ['another venue', { venueId: 'v9' }, 'venueId'],
    ['an unknown kind', { kind: 'standing' as never }, 'kind'],
  ])('rejects a seated show with %s', (_, patch, fieldName) => {
    expect(problem({ ...seated, ...patch }, hall).field).toBe(fieldName);
  });

  it('rejects a seated show in a venue without a seat map', () => {
    expect(problem({ ...seated, venueId: 'v2' }, field).field).toBe('venueId');
  });

  it.each<[string, Partial<Show>, string]>([
    ['no capacity', { capacity: undefined }, 'capacity'],
    ['a capacity above 10,000,000', { capacity: 10_000_001 }, 'capacity'],
    ['0 shards', { shardCount: 0 }, 'shardCount'],
    ['more than 1024 shards', { shardCount: 1025 }, 'shardCount'],
    ['several tiers but no split', { tiers: [{ tier: 'a', price: 1, currency: 'EUR' }, { tier: 'b', price: 1, currency: 'EUR' }] }, 'generalTiers'],
    ['a split that does not add up', { generalTiers: [{ tier: 'regular', capacity: 999 }] }, 'generalTiers'],
    ['a split into an unpriced tier', { generalTiers: [{ tier: 'vip', capacity: 1000 }] }, 'generalTiers[0].tier'],
  ])('rejects a general-admission show with %s', (_, patch, fieldName) => {
    expect(problem({ ...general, ...patch }, field).field).toBe(fieldName);
  });
});
