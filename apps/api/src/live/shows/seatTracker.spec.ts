import Database from 'better-sqlite3';
import fc from 'fast-check';
import type { RecordedEvent } from '@app/event-store';
import { SeatAvailabilityProjection } from '@app/read-models';
import { op, toEvents } from '@app/read-models/testing/inventoryLog';
import { showOfInventoryEvent } from './showEvents';
import { SeatTracker } from './seatTracker';

let position = 0n;
function recorded(type: string, data: Record<string, unknown>): RecordedEvent {
  position += 10n;
  return { id: `e${position}`, streamId: 'inventory-show-1-s0', type, data, metadata: { showId: 'show-1', shardId: 's0' }, streamRevision: position, position, created: new Date() };
}
const held = (holdId: string, seatIds?: string[]) => recorded('SeatsHeld', { holdId, showId: 'show-1', shardId: 's0', customerId: 'c', ...(seatIds ? { seatIds } : { ticketNumbers: [1, 2] }) });
const released = (holdId: string) => recorded('HoldReleased', { holdId, customerId: 'c', reason: 'customer' });
const expired = (holdId: string) => recorded('HoldExpired', { holdId, customerId: 'c' });
const sold = (holdId: string, seatIds: string[]) => recorded('TicketsSold', { holdId, orderId: 'o', customerId: 'c', tickets: seatIds.map((seatId) => ({ ticketId: seatId, seatId, tier: 'vip', price: 1, currency: 'EUR' })) });

describe('SeatTracker', () => {
  it('turns a hold, its release and an expiry into seat changes, naming the seats the release event does not', () => {
    const tracker = new SeatTracker();
    expect(tracker.apply(held('h1', ['A-1-1', 'A-1-2']))).toEqual([
      { seatId: 'A-1-1', status: 'held' },
      { seatId: 'A-1-2', status: 'held' },
    ]);
    expect(tracker.apply(released('h1'))).toEqual([
      { seatId: 'A-1-1', status: 'available' },
      { seatId: 'A-1-2', status: 'available' },
    ]);
    tracker.apply(held('h2', ['A-2-1']));
    expect(tracker.apply(expired('h2'))).toEqual([{ seatId: 'A-2-1', status: 'available' }]);
  });

  it("frees all of a multi-shard hold's seats at its first end, as the read model does, and nothing at the next", () => {
    const tracker = new SeatTracker();
    tracker.apply(held('h1', ['A-1-1']));
    tracker.apply(held('h1', ['B-1-1']));
    const first = expired('h1');
    expect(tracker.apply(first).map((c) => c.seatId)).toEqual(['A-1-1', 'B-1-1']);
    expect(tracker.apply(expired('h1'))).toEqual([]);
    expect(tracker.lookup('h1')).toEqual({ status: 'ended', seatIds: ['A-1-1', 'B-1-1'], endedAt: first.position });
  });

  it("marks a sale's ticket seats sold and forgets the hold once every seat is sold", () => {
    const tracker = new SeatTracker();
    tracker.apply(held('h1', ['A-1-1', 'B-1-1']));
    expect(tracker.apply(sold('h1', ['A-1-1']))).toEqual([{ seatId: 'A-1-1', status: 'sold' }]);
    expect(tracker.lookup('h1')).toEqual({ status: 'active', seatIds: ['B-1-1'] });
    tracker.apply(sold('h1', ['B-1-1']));
    expect(tracker.lookup('h1')).toMatchObject({ status: 'ended', seatIds: [] });
    expect(tracker.activeHolds).toBe(0);
  });

  it('has nothing to say about general admission, or about a hold it never saw', () => {
    const tracker = new SeatTracker();
    expect(tracker.apply(held('ga'))).toEqual([]);
    expect(tracker.apply(released('ga'))).toEqual([]);
    expect(tracker.apply(released('unknown'))).toEqual([]);
    expect(tracker.knows('ga')).toBe(false);
  });

  it('knows holds seeded from the read model, and remembers a bounded number of ended ones', () => {
    const tracker = new SeatTracker(2);
    tracker.seed('old', ['C-1-1']);
    expect(tracker.apply(released('old'))).toEqual([{ seatId: 'C-1-1', status: 'available' }]);
    for (const holdId of ['x', 'y']) {
      tracker.seed(holdId, ['C-2-1']);
      tracker.apply(released(holdId));
    }
    expect(tracker.knows('old')).toBe(false);
    expect(tracker.knows('x')).toBe(true);
  });
});

/**
 * The live feed and the seat map are one fold (`seatChanges`) over two kinds of storage.
 * After every event of any log, the seats the feed has said are held or sold are exactly
 * the `seat_status` rows, as the bulk load's are (`bulkLoad.spec.ts`).
 */
describe('SeatTracker against the seat_status read model', () => {
  it('says, event by event, what the read model holds', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const db = new Database(':memory:');
        const projection = new SeatAvailabilityProjection();
        projection.setup(db);
        const wanted = new Set(projection.eventTypes);
        const tracker = new SeatTracker();
        const fed = new Map<string, string>();
        for (const event of toEvents(ops)) {
          if (wanted.has(event.type)) projection.apply(db, event);
          // As the hub feeds it: inventory events, grouped by their show.
          const showId = showOfInventoryEvent(event);
          if (showId === undefined) continue;
          for (const { seatId, status } of tracker.apply(event)) {
            if (status === 'available') fed.delete(`${showId}/${seatId}`);
            else fed.set(`${showId}/${seatId}`, status);
          }
          const rows = db.prepare<[], { key: string; status: string }>(`SELECT show_id || '/' || seat_id AS key, status FROM seat_status`).all();
          expect(new Map([...fed].sort())).toEqual(new Map(rows.map((r): [string, string] => [r.key, r.status]).sort()));
        }
      }),
      { numRuns: 300 },
    );
  });
});
