import Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import { SalesAuditProjection } from './salesAuditProjection';
import { MAX_BUCKETS, SalesOverTimeQuery } from './salesQueries';

function sale(position: number, soldAt: string, tickets: number): RecordedEvent {
  return {
    id: `e${position}`,
    streamId: 'inventory-show-s0',
    type: 'TicketsSold',
    data: {
      holdId: `h${position}`,
      orderId: `o${position}`,
      customerId: `c${position}`,
      soldAt,
      tickets: Array.from({ length: tickets }, (_, i) => ({ ticketId: `t${position}-${i}`, ticketNumber: position * 10 + i, tier: 'regular', price: 100, currency: 'EUR' })),
    },
    metadata: { showId: 'show', shardId: 's0' },
    streamRevision: BigInt(position),
    position: BigInt(position),
    created: new Date(soldAt),
  };
}

describe('sales over time', () => {
  it('counts tickets in buckets wide enough for the whole selling time, each starting on a multiple of its width', () => {
    const db = new Database(':memory:');
    const projection = new SalesAuditProjection();
    projection.setup(db);
    // Three minutes of selling: 1-second buckets would be 180, so the width is 5 s (36 buckets).
    const start = Date.parse('2027-01-01T10:00:00.000Z');
    for (let s = 0; s <= 180; s++) projection.apply(db, sale(s + 1, new Date(start + s * 1000).toISOString(), 2));
    const result = new SalesOverTimeQuery(db).run('show');
    expect(result.bucketSeconds).toBe(5);
    expect(result.buckets.length).toBeLessThanOrEqual(MAX_BUCKETS);
    expect(result.buckets).toHaveLength(37);
    expect(result.buckets[0]).toEqual({ at: '2027-01-01T10:00:00.000Z', sold: 10 });
    expect(result.buckets[1]).toEqual({ at: '2027-01-01T10:00:05.000Z', sold: 10 });
    expect(result.buckets.at(-1)).toEqual({ at: '2027-01-01T10:03:00.000Z', sold: 2 });
    expect(result.sold).toBe(362);
  });
});
