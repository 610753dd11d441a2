import type { Response } from 'supertest';
import type { TestApp } from './testApp';

/** 10 seats: row 1 of 6 regular, row 2 of 4 vip with an aisle where 3-4 would be. */
export const smallSeatMap = {
  sections: [
    {
      id: 'STALLS',
      name: 'Stalls',
      x: 0,
      y: 0,
      width: 100,
      height: 40,
      rows: [
        { row: '1', seats: 6, tier: 'regular' },
        { row: '2', seats: [{ from: 1, to: 2 }, { from: 5, to: 6 }], tier: 'vip' },
      ],
    },
  ],
};

export const seatedTiers = [
  { tier: 'regular', price: 2_500, currency: 'EUR' },
  { tier: 'vip', price: 4_000, currency: 'EUR' },
];

/** POST as admin and expect a status; returns the response for its body. */
export async function adminPost(t: TestApp, path: string, body: object, status = 201): Promise<Response> {
  const response = await t.http.post(path).set('Authorization', `Bearer ${t.adminToken}`).send(body);
  if (response.status !== status) throw new Error(`POST ${path}: expected ${status}, got ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

/**
 * Two cities, a seated hall and open-air grounds in each, one performer and an event:
 * enough to schedule seated and general shows in either city.
 */
export async function createBasics(t: TestApp): Promise<void> {
  await adminPost(t, '/v1/admin/cities', { id: 'utrecht', name: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam' });
  await adminPost(t, '/v1/admin/cities', { id: 'ghent', name: 'Ghent', country: 'BE', timeZone: 'Europe/Brussels' });
  for (const city of ['utrecht', 'ghent']) {
    await adminPost(t, '/v1/admin/venues', { id: `${city}-hall`, cityId: city, name: `${city} Hall`, kind: 'theatre', seatMap: smallSeatMap });
    await adminPost(t, '/v1/admin/venues', { id: `${city}-park`, cityId: city, name: `${city} Park`, kind: 'festival' });
  }
  await adminPost(t, '/v1/admin/performers', { id: 'la-sonora', name: 'La Sonora Dinámica' });
  await adminPost(t, '/v1/admin/events', {
    id: 'sonora-tour',
    name: 'Sonora Summer Tour',
    description: 'Cumbia all night',
    category: 'concert',
    performerId: 'la-sonora',
  });
}

export function seatedShow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { eventId: 'sonora-tour', venueId: 'utrecht-hall', startsAt: '2027-05-01T19:30:00Z', kind: 'seated', tiers: seatedTiers, ...overrides };
}

export function generalShow(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    eventId: 'sonora-tour',
    venueId: 'utrecht-park',
    startsAt: '2027-06-01T16:00:00+02:00',
    kind: 'general',
    tiers: [{ tier: 'standing', price: 3_000, currency: 'EUR' }],
    capacity: 5_000,
    ...overrides,
  };
}
