import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { RecordedEvent } from '@app/event-store';
import type { CountedCell } from '@app/domain';
import { ReadDatabase } from '../readDatabase';
import { localHour } from './localHour';
import { ANALYTICS_DIMENSIONS, SalesAnalyticsProjection, customerRegion, orderSizeKey } from './salesAnalyticsProjection';
import { SalesAnalyticsQueries } from './salesAnalyticsQueries';

let position = 0n;
function recorded(type: string, data: Record<string, unknown>, metadata: Record<string, unknown> = {}): RecordedEvent {
  position++;
  return { id: `e${position}`, streamId: 'x', type, data, metadata, streamRevision: position, position, created: new Date(0) };
}

const SHOWS = ['show-a', 'show-b'];
const CUSTOMERS = ['c1.eu-west', 'c2.eu-west', 'c3.us-east', 'c4', 'c5.us-east', 'c6.ap-south'];
const TIERS = ['vip', 'standard'];

function catalog(): RecordedEvent[] {
  return [
    recorded('CityCreated', { id: 'ams', name: 'Amsterdam', country: 'NL', timeZone: 'Europe/Amsterdam' }),
    recorded('CityCreated', { id: 'del', name: 'Delhi', country: 'IN', timeZone: 'Asia/Kolkata' }),
    recorded('VenueCreated', { id: 'hall', cityId: 'ams', name: 'Hall', kind: 'arena' }),
    recorded('VenueCreated', { id: 'park', cityId: 'del', name: 'Park', kind: 'festival' }),
    recorded('ShowScheduled', { id: 'show-a', eventId: 'tour', venueId: 'hall', tiers: [{ tier: 'vip', price: 5_000, currency: 'EUR' }] }),
    recorded('ShowScheduled', { id: 'show-b', eventId: 'tour', venueId: 'park', tiers: [{ tier: 'vip', price: 5_000, currency: 'EUR' }] }),
  ];
}

/** A part of an order: an order split over shards is sold as several parts, of one show and one customer. */
interface Part {
  order: number;
  tiers: number[];
  minute: number;
}
const part = fc.record({ order: fc.integer({ min: 0, max: 11 }), tiers: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 1, maxLength: 4 }), minute: fc.integer({ min: 0, max: 300 }) });

function sale(p: Part, index: number): RecordedEvent {
  const showId = SHOWS[p.order % 2];
  const tickets = p.tiers.map((tier, i) => ({ ticketId: `t${index}-${i}`, tier: TIERS[tier], price: 1_000 * (tier + 1) + i, currency: 'EUR' }));
  const soldAt = new Date(Date.UTC(2026, 9, 24, 22, 0) + p.minute * 60_000).toISOString();
  return recorded('TicketsSold', { holdId: `h${p.order}`, orderId: `o${p.order}`, customerId: CUSTOMERS[p.order % CUSTOMERS.length], soldAt, tickets }, { showId, shardId: 's0' });
}

/** The same figures counted the plain way: every sale of the show at once, distinct sets for buyers and orders. */
function recount(events: RecordedEvent[], showId: string, timeZone: string): Record<string, CountedCell[]> {
  type Sold = { orderId: string; customerId: string; soldAt: string; tickets: Array<{ tier: string; price: number }> };
  const sales = events.filter((e) => e.type === 'TicketsSold' && (e.metadata as { showId: string }).showId === showId).map((e) => e.data as Sold);
  const orderTotals = new Map<string, { tickets: number; revenue: number }>();
  for (const s of sales) {
    const total = orderTotals.get(s.orderId) ?? { tickets: 0, revenue: 0 };
    for (const t of s.tickets) {
      total.tickets += 1;
      total.revenue += t.price;
    }
    orderTotals.set(s.orderId, total);
  }
  const cells = new Map<string, { tickets: number; revenue: number; orders: Set<string>; buyers: Set<string> }>();
  const add = (cell: string, tickets: number, revenue: number, s: Sold) => {
    const c = cells.get(cell) ?? { tickets: 0, revenue: 0, orders: new Set(), buyers: new Set() };
    c.tickets += tickets;
    c.revenue += revenue;
    c.orders.add(s.orderId);
    c.buyers.add(s.customerId);
    cells.set(cell, c);
  };
  for (const s of sales) {
    for (const t of s.tickets) {
      add('total/total', 1, t.price, s);
      add(`tier/${t.tier}`, 1, t.price, s);
      add(`hour/${localHour(s.soldAt, timeZone)}`, 1, t.price, s);
      add(`region/${customerRegion(s.customerId)}`, 1, t.price, s);
    }
  }
  for (const [orderId, total] of orderTotals) {
    const s = sales.find((one) => one.orderId === orderId)!;
    add(`size/${orderSizeKey(total.tickets)}`, total.tickets, total.revenue, s);
  }
  const result: Record<string, CountedCell[]> = {};
  for (const [cell, c] of cells) {
    const [dimension, key] = [cell.slice(0, cell.indexOf('/')), cell.slice(cell.indexOf('/') + 1)];
    (result[dimension] ??= []).push({ key, tickets: c.tickets, revenue: c.revenue, orders: c.orders.size, buyers: c.buyers.size });
  }
  return result;
}

describe('the sales analytics projection', () => {
  let dir: string;
  let readDb: ReadDatabase;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'analytics-'));
    readDb = ReadDatabase.open(dir);
  });
  afterEach(async () => {
    await readDb.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('counts every cell exactly as a recount of all the sales would, orders split over shards and repeat buyers included', () => {
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 40 }), (parts) => {
        const projection = new SalesAnalyticsProjection();
        projection.setup(readDb.writer);
        projection.reset(readDb.writer);
        const events = [...catalog(), ...parts.map(sale)];
        readDb.writer.transaction(() => events.forEach((e) => projection.apply(readDb.writer, e)))();
        const queries = new SalesAnalyticsQueries(readDb);
        for (const [showId, zone] of [['show-a', 'Europe/Amsterdam'], ['show-b', 'Asia/Kolkata']]) {
          const expected = recount(events, showId, zone);
          const counted = queries.counted(showId);
          const sortByKey = (cells: CountedCell[] = []) => [...cells].sort((a, b) => (a.key < b.key ? -1 : 1));
          expect(counted.total).toEqual(expected.total?.[0] ?? { key: 'total', tickets: 0, revenue: 0, orders: 0, buyers: 0 });
          for (const dimension of ANALYTICS_DIMENSIONS) expect(sortByKey(counted.breakdowns[dimension])).toEqual(sortByKey(expected[dimension]));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("knows each show's event and venue time zone from the catalog events", () => {
    const projection = new SalesAnalyticsProjection();
    projection.setup(readDb.writer);
    for (const event of catalog()) projection.apply(readDb.writer, event);
    const queries = new SalesAnalyticsQueries(readDb);
    expect(queries.show('show-b')).toEqual({ showId: 'show-b', eventId: 'tour', timeZone: 'Asia/Kolkata', currency: 'EUR' });
    expect(queries.eventShows('tour').map((s) => s.showId)).toEqual(['show-a', 'show-b']);
    expect(queries.show('nope')).toBeUndefined();
  });

  it('lists hours in time and order sizes by size, not by what they sold', () => {
    const projection = new SalesAnalyticsProjection();
    projection.setup(readDb.writer);
    const parts: Part[] = [
      { order: 0, tiers: Array(11).fill(0), minute: 200 },
      { order: 2, tiers: [0, 0], minute: 100 },
      { order: 4, tiers: [0, 0, 1], minute: 100 },
      { order: 6, tiers: [0], minute: 0 },
    ];
    for (const event of [...catalog(), ...parts.map(sale)]) projection.apply(readDb.writer, event);
    const counted = new SalesAnalyticsQueries(readDb).counted('show-a');
    expect(counted.breakdowns.size.map((c) => c.key)).toEqual(['1', '2', '3', '11+']);
    expect(counted.breakdowns.hour.map((c) => c.key)).toEqual(['2026-10-25T00:00+02:00', '2026-10-25T01:00+02:00', '2026-10-25T02:00+01:00']);
    expect(counted.breakdowns.region.map((c) => c.key)).toEqual(['eu-west', 'us-east']);
  });
});

describe('the region of a customer', () => {
  it('is the suffix of a customer id minted on a topology, and unknown otherwise', () => {
    expect(customerRegion('0193a0b2-7c1e-7000-8000-000000000001.eu-west')).toBe('eu-west');
    expect(customerRegion('0193a0b2-7c1e-7000-8000-000000000001')).toBe('unknown');
    expect(customerRegion('x.Not A Region')).toBe('unknown');
  });
});
