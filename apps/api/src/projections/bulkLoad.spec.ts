import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { RecordedEvent } from '@app/event-store';
import { HoldsProjection } from '../inventory/projections/holdsProjection';
import { RemainingCountProjection } from '../inventory/projections/remainingCountProjection';
import { SalesAuditProjection } from '../inventory/projections/salesAuditProjection';
import { SeatAvailabilityProjection } from '../inventory/projections/seatAvailabilityProjection';
import type { Projection } from './projection';

/**
 * A rebuild folds the log in memory (`bulkLoader`) instead of running `apply` event by
 * event. Both must leave the same rows, for any sequence of events — including ones
 * the deciders would never write (a sale of an unknown hold, a seat taken over from
 * a stale hold, a release after a sale) — and `apply` must carry on from a bulk load
 * exactly as from its own rows.
 */

const SHOWS = ['show-a', 'show-b'];
const SEATS = ['A-1-1', 'A-1-2', 'A-1-3', 'A-2-1', 'A-2-2', 'B-1-1'];
const TIERS = ['vip', 'regular'];

type Op =
  | { kind: 'reserve'; hold: number; quantity: number; withMetadata: boolean }
  | { kind: 'abandon'; hold: number }
  | { kind: 'hold'; hold: number; shard: number; seats: number[]; tiers: number[] }
  | { kind: 'release' | 'expire'; hold: number; shard: number }
  | { kind: 'sell'; hold: number; shard: number; tickets: number };

const hold = fc.integer({ min: 0, max: 7 });
const shard = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('reserve' as const), hold, quantity: fc.integer({ min: 1, max: 6 }), withMetadata: fc.boolean() }),
  fc.record({ kind: fc.constant('abandon' as const), hold }),
  fc.record({
    kind: fc.constant('hold' as const),
    hold,
    shard,
    seats: fc.uniqueArray(fc.integer({ min: 0, max: SEATS.length - 1 }), { maxLength: 3 }),
    tiers: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 0, maxLength: 2 }),
  }),
  fc.record({ kind: fc.constantFrom('release' as const, 'expire' as const), hold, shard }),
  fc.record({ kind: fc.constant('sell' as const), hold, shard, tickets: fc.integer({ min: 1, max: 3 }) }),
);

function toEvents(ops: Op[]): RecordedEvent[] {
  const showOf = (h: number) => SHOWS[h % SHOWS.length];
  return ops.map((o, i) => {
    const at = new Date(Date.UTC(2027, 0, 1, 12, 0, i));
    const holdId = `hold-${o.hold}`;
    const customerId = `customer-${o.hold % 3}`;
    const showId = showOf(o.hold);
    const base = { id: `event-${i}`, streamRevision: BigInt(i), position: BigInt(i + 1), created: at };
    switch (o.kind) {
      case 'reserve':
        return {
          ...base,
          streamId: `allowance-${showId}-${customerId}`,
          type: 'AllowanceReserved',
          data: { holdId, quantity: o.quantity, expiresAt: new Date(at.getTime() + 600_000).toISOString(), at: at.toISOString() },
          metadata: o.withMetadata ? { showId, customerId } : {},
        };
      case 'abandon':
        return { ...base, streamId: `allowance-${showId}-${customerId}`, type: 'AllowanceReleased', data: { holdId, at: at.toISOString(), reason: 'failed' }, metadata: { showId, customerId } };
      case 'hold': {
        const tierCounts = Object.fromEntries(o.tiers.map((n, t) => [TIERS[t], n]));
        return {
          ...base,
          streamId: `inventory-${showId}-${o.shard}`,
          type: 'SeatsHeld',
          data: {
            holdId,
            showId,
            shardId: String(o.shard),
            customerId,
            ...(o.seats.length ? { seatIds: o.seats.map((s) => SEATS[s]) } : { ticketNumbers: [i * 10 + 1, i * 10 + 2] }),
            tierCounts,
            heldAt: at.toISOString(),
            expiresAt: new Date(at.getTime() + 600_000 + i).toISOString(),
          },
          metadata: { showId, shardId: String(o.shard) },
        };
      }
      case 'release':
      case 'expire':
        return {
          ...base,
          streamId: `inventory-${showId}-${o.shard}`,
          type: o.kind === 'release' ? 'HoldReleased' : 'HoldExpired',
          data: o.kind === 'release' ? { holdId, customerId, releasedAt: at.toISOString(), reason: 'customer' } : { holdId, customerId, expiredAt: at.toISOString() },
          // Events written before the shard was in the metadata: the shard comes from the stream's name.
          metadata: i % 2 ? { showId, shardId: String(o.shard) } : { showId },
        };
      case 'sell':
        return {
          ...base,
          streamId: `inventory-${showId}-${o.shard}`,
          type: 'TicketsSold',
          data: {
            holdId,
            orderId: `order-${i}`,
            customerId,
            soldAt: at.toISOString(),
            tickets: Array.from({ length: o.tickets }, (_, t) => ({ ticketId: `ticket-${i}-${t}`, seatId: t % 2 ? SEATS[t] : undefined, ticketNumber: t % 2 ? undefined : t, tier: TIERS[t % 2], price: 5000, currency: 'EUR' })),
          },
          metadata: { showId, shardId: String(o.shard) },
        };
    }
  });
}

function rows(db: Database.Database, projection: Projection): Record<string, unknown[]> {
  return Object.fromEntries(
    (projection.tables ?? []).map((table) => {
      const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${table}')`).all().map((c) => `"${c.name}"`);
      return [table, db.prepare(`SELECT * FROM "${table}" ORDER BY ${columns.join(', ')}`).all()];
    }),
  );
}

function byApply(projection: Projection, events: RecordedEvent[]): Database.Database {
  const db = new Database(':memory:');
  projection.setup(db);
  const wanted = new Set(projection.eventTypes);
  for (const event of events) if (wanted.has(event.type)) projection.apply(db, event);
  return db;
}

/** Bulk-loads the first `split` events (in pages of `page`), then applies the rest, as a rebuild does. */
function byBulkLoad(projection: Projection, events: RecordedEvent[], split: number, page: number): Database.Database {
  const db = new Database(':memory:');
  projection.setup(db, { bulk: true });
  const loader = projection.bulkLoader!(db);
  const wanted = new Set(projection.eventTypes);
  const loaded = events.slice(0, split);
  for (let i = 0; i < loaded.length; i += page) {
    db.transaction(() => {
      for (const event of loaded.slice(i, i + page)) if (wanted.has(event.type)) loader.add(event);
      loader.endPage?.();
    })();
  }
  db.transaction(() => loader.finish())();
  projection.setup(db);
  for (const event of events.slice(split)) if (wanted.has(event.type)) projection.apply(db, event);
  return db;
}

describe.each([
  ['holds', () => new HoldsProjection()],
  ['remaining_count', () => new RemainingCountProjection()],
  ['seat_availability', () => new SeatAvailabilityProjection()],
  ['sales_audit', () => new SalesAuditProjection()],
])('bulk loading %s', (_name, make) => {
  it('leaves the same rows as applying every event, and apply carries on from it alike', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), fc.nat(), fc.integer({ min: 1, max: 7 }), (ops, cut, page) => {
        const events = toEvents(ops);
        const split = events.length === 0 ? 0 : cut % (events.length + 1);
        const expected = rows(byApply(make(), events), make());
        expect(rows(byBulkLoad(make(), events, events.length, page), make())).toEqual(expected);
        expect(rows(byBulkLoad(make(), events, split, page), make())).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('is not vacuous: a log of holds, releases and sales leaves rows', () => {
    const events = toEvents([
      { kind: 'reserve', hold: 1, quantity: 2, withMetadata: true },
      { kind: 'hold', hold: 1, shard: 0, seats: [0, 1], tiers: [2] },
      { kind: 'reserve', hold: 2, quantity: 1, withMetadata: true },
      { kind: 'hold', hold: 2, shard: 1, seats: [], tiers: [1] },
      { kind: 'sell', hold: 1, shard: 0, tickets: 2 },
    ]);
    const loaded = rows(byBulkLoad(make(), events, events.length, 2), make());
    expect(Object.values(loaded).some((table) => table.length > 0)).toBe(true);
    expect(loaded).toEqual(rows(byApply(make(), events), make()));
  });
});
