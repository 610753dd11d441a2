import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { op, toEvents } from '../testing/inventoryLog';
import { HoldsProjection } from './holdsProjection';
import { RemainingCountProjection } from './remainingCountProjection';
import { SalesAuditProjection } from './salesAuditProjection';
import { SeatAvailabilityProjection } from './seatAvailabilityProjection';

/**
 * A rebuild folds the log in memory (`bulkLoader`) instead of running `apply` event by
 * event. Both must leave the same rows, for any sequence of events — including ones
 * the deciders would never write (a sale of an unknown hold, a seat taken over from
 * a stale hold, a release after a sale) — and `apply` must carry on from a bulk load
 * exactly as from its own rows.
 */

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
      { kind: 'transferIn', transfer: 1 },
      { kind: 'transferOut', transfer: 1 },
      { kind: 'transferOut', transfer: 2 },
    ]);
    const loaded = rows(byBulkLoad(make(), events, events.length, 2), make());
    expect(Object.values(loaded).some((table) => table.length > 0)).toBe(true);
    expect(loaded).toEqual(rows(byApply(make(), events), make()));
  });
});
