import { randomUUID } from 'node:crypto';
import type { TestApp } from './testApp';

export interface ShowOptions {
  holdSeconds?: number;
  maxTicketsPerCustomer?: number;
  serviceFeePerTicket?: number;
  vatBasisPoints?: number;
}

async function admin(t: TestApp, path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const response = await t.http.post(path).set('Authorization', `Bearer ${t.adminToken}`).send(body);
  if (response.status !== 201) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body as Record<string, unknown>;
}

async function eventIn(t: TestApp, venueKind: string, seatMap?: unknown, organisationId?: string): Promise<{ eventId: string; venueId: string }> {
  const suffix = randomUUID().slice(0, 8);
  const city = await admin(t, '/v1/admin/cities', { id: `city-${suffix}`, name: `City ${suffix}`, country: 'NL', timeZone: 'Europe/Amsterdam' });
  const venue = await admin(t, '/v1/admin/venues', { id: `venue-${suffix}`, cityId: city.id, name: `Venue ${suffix}`, kind: venueKind, ...(seatMap ? { seatMap } : {}) });
  const performer = await admin(t, '/v1/admin/performers', { id: `performer-${suffix}`, name: `Band ${suffix}` });
  const event = await admin(t, '/v1/admin/events', { id: `event-${suffix}`, name: `Concert ${suffix}`, description: 'Live', category: 'concert', performerId: performer.id, ...(organisationId ? { organisationId } : {}) });
  return { eventId: event.id as string, venueId: venue.id as string };
}

/**
 * A small hall: sections A (rows 1-5, vip then regular) and B (rows 1-5 economy), 10 seats a row.
 * `organisationId`: an existing organisation whose event it is (default: the platform's).
 */
export async function createSeatedShow(t: TestApp, options: ShowOptions = {}, organisationId?: string): Promise<string> {
  const row = (r: number, tier: string) => ({ row: String(r), seats: 10, tier });
  const seatMap = {
    sections: [
      { id: 'A', name: 'Stalls', x: 0, y: 0, width: 100, height: 50, rows: [row(1, 'vip'), row(2, 'vip'), row(3, 'regular'), row(4, 'regular'), row(5, 'regular')] },
      { id: 'B', name: 'Balcony', x: 0, y: 60, width: 100, height: 50, rows: [1, 2, 3, 4, 5].map((r) => row(r, 'economy')) },
    ],
  };
  const { eventId, venueId } = await eventIn(t, 'theatre', seatMap, organisationId);
  const show = await admin(t, '/v1/admin/shows', {
    eventId,
    venueId,
    startsAt: '2027-06-01T20:00:00.000Z',
    kind: 'seated',
    tiers: [
      { tier: 'vip', price: 9000, currency: 'EUR' },
      { tier: 'regular', price: 5000, currency: 'EUR' },
      { tier: 'economy', price: 2500, currency: 'EUR' },
    ],
    ...options,
  });
  return show.id as string;
}

export async function createGeneralShow(t: TestApp, capacity: number, shardCount: number, options: ShowOptions = {}): Promise<string> {
  const { eventId, venueId } = await eventIn(t, 'festival');
  const show = await admin(t, '/v1/admin/shows', {
    eventId,
    venueId,
    startsAt: '2027-07-01T12:00:00.000Z',
    kind: 'general',
    capacity,
    shardCount,
    tiers: [{ tier: 'regular', price: 12000, currency: 'EUR' }],
    ...options,
  });
  return show.id as string;
}

/** Polls until `check` holds: for behaviour driven by timers (hold expiry), with a deadline instead of a fixed sleep. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met before the deadline');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
