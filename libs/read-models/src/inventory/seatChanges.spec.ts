import Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import { HeldSeats } from './heldSeats';
import { seatChanges } from './seatChanges';
import { SeatAvailabilityProjection } from './seatAvailabilityProjection';

let position = 0n;
function recorded(shardId: string, type: string, data: Record<string, unknown>): RecordedEvent {
  position++;
  return { id: `e${position}`, streamId: `inventory-show-${shardId}`, type, data, metadata: { showId: 'show', shardId }, streamRevision: position, position, created: new Date(0) };
}
const held = (holdId: string, shardId: string, seatIds: string[]) => recorded(shardId, 'SeatsHeld', { holdId, showId: 'show', shardId, customerId: 'c', seatIds, tierCounts: {} });
const expired = (holdId: string, shardId: string) => recorded(shardId, 'HoldExpired', { holdId, customerId: 'c', expiredAt: '2027-01-01T00:00:00.000Z' });
const released = (holdId: string, shardId: string) => recorded(shardId, 'HoldReleased', { holdId, customerId: 'c', reason: 'customer' });
const sold = (holdId: string, shardId: string, seatIds: string[]) =>
  recorded(shardId, 'TicketsSold', { holdId, orderId: 'o', customerId: 'c', tickets: seatIds.map((seatId) => ({ ticketId: seatId, seatId, tier: 'vip', price: 1, currency: 'EUR' })) });

/** Runs the fold over a log in memory, as the bulk load and the live feed do: the seats not available, by id. */
function fold(events: RecordedEvent[]): Record<string, string> {
  const state = new HeldSeats();
  const seats: Record<string, string> = {};
  for (const event of events) {
    for (const change of seatChanges(event, (holdId) => state.of(holdId))) {
      state.apply(change);
      if (change.status === 'available') delete seats[change.seatId];
      else seats[change.seatId] = `${change.status} by ${change.holdId}`;
    }
  }
  return seats;
}

/** The same log through the projection's `apply`, row by row. */
function rows(events: RecordedEvent[]): Record<string, string> {
  const db = new Database(':memory:');
  const projection = new SeatAvailabilityProjection();
  projection.setup(db);
  for (const event of events) projection.apply(db, event);
  const all = db.prepare<[], { seat_id: string; status: string; hold_id: string }>('SELECT seat_id, status, hold_id FROM seat_status').all();
  return Object.fromEntries(all.map((r) => [r.seat_id, `${r.status} by ${r.hold_id}`]));
}

describe('the seat status of a seated show', () => {
  it.each([
    ['a hold takes its seats; its first release frees all it still has, in every shard', [held('h1', 's0', ['A-1']), held('h1', 's1', ['B-1']), released('h1', 's0')], {}],
    ['a sale marks its tickets’ seats sold; a release after it frees nothing sold', [held('h1', 's0', ['A-1', 'A-2']), sold('h1', 's0', ['A-1', 'A-2']), released('h1', 's0')], { 'A-1': 'sold by h1', 'A-2': 'sold by h1' }],
    [
      'a purchase cut short between shards: the sold shard stays sold, the other comes free at its expiry',
      [held('h1', 's0', ['A-1']), held('h1', 's1', ['B-1']), sold('h1', 's0', ['A-1']), expired('h1', 's1')],
      { 'A-1': 'sold by h1' },
    ],
    ['a seat taken over from a stale hold stays with the new hold when the stale one ends', [held('h0', 's0', ['A-1', 'A-2']), held('h1', 's0', ['A-2']), expired('h0', 's0')], { 'A-2': 'held by h1' }],
  ])('%s', (_rule, events, expected) => {
    expect(fold(events)).toEqual(expected);
    expect(rows(events)).toEqual(expected);
  });

  it('names no seat for general admission', () => {
    const ga = recorded('s0', 'SeatsHeld', { holdId: 'g', showId: 'show', shardId: 's0', customerId: 'c', ticketNumbers: [1, 2], tierCounts: {} });
    expect(seatChanges(ga, () => [])).toEqual([]);
  });
});
