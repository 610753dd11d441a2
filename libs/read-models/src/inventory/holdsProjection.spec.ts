import Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import { HoldsProjection } from './holdsProjection';

/** Indexes of the holds table on exactly hold_id, with whether each is unique. */
function holdIdIndexes(db: Database.Database): Array<{ unique: boolean }> {
  const indexes = db.prepare<[], { name: string; unique: number }>(`SELECT name, "unique" FROM pragma_index_list('holds')`).all();
  return indexes
    .filter((index) => db.prepare<[string], string>('SELECT name FROM pragma_index_info(?)').pluck().all(index.name).join(',') === 'hold_id')
    .map((index) => ({ unique: index.unique === 1 }));
}

function seatsHeld(position: number, shardId: string, tickets: number): RecordedEvent {
  return {
    id: `event-${position}`,
    streamId: `inventory-show-${shardId}`,
    streamRevision: 0n,
    position: BigInt(position),
    created: new Date(0),
    type: 'SeatsHeld',
    data: { holdId: 'hold-1', showId: 'show', shardId, customerId: 'customer-1', ticketNumbers: Array.from({ length: tickets }, (_, i) => i + 1), tierCounts: {}, heldAt: '2027-01-01T12:00:00.000Z', expiresAt: '2027-01-01T12:10:00.000Z' },
    metadata: { showId: 'show', shardId },
  };
}

describe('the holds table', () => {
  it('keeps hold_id unique through one index, so a hold across two shards is one row', () => {
    const db = new Database(':memory:');
    const projection = new HoldsProjection();
    projection.setup(db);
    projection.setup(db);
    expect(holdIdIndexes(db)).toEqual([{ unique: true }]);
    projection.apply(db, seatsHeld(1, 's0', 2));
    projection.apply(db, seatsHeld(2, 's1', 3));
    expect(db.prepare('SELECT hold_id, shard_ids, quantity, status FROM holds').all()).toEqual([{ hold_id: 'hold-1', shard_ids: 's0,s1', quantity: 5, status: 'active' }]);
  });

  it('loads a rebuild copy without an index on hold_id and gets it once the load is done', () => {
    const db = new Database(':memory:');
    const projection = new HoldsProjection();
    projection.setup(db, { bulk: true });
    expect(holdIdIndexes(db)).toEqual([]);
    projection.setup(db);
    expect(holdIdIndexes(db)).toEqual([{ unique: true }]);
  });

  it('made with hold_id as its PRIMARY KEY, keeps that key as its only hold_id index and applies events alike', () => {
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE holds (
      hold_id TEXT PRIMARY KEY, show_id TEXT NOT NULL, customer_id TEXT NOT NULL, shard_ids TEXT NOT NULL,
      quantity INTEGER NOT NULL, expires_at TEXT NOT NULL, status TEXT NOT NULL, order_id TEXT)`);
    const projection = new HoldsProjection();
    projection.setup(db);
    expect(holdIdIndexes(db)).toEqual([{ unique: true }]);
    projection.apply(db, seatsHeld(1, 's0', 2));
    projection.apply(db, seatsHeld(2, 's1', 3));
    expect(db.prepare('SELECT shard_ids, quantity FROM holds').all()).toEqual([{ shard_ids: 's0,s1', quantity: 5 }]);
  });
});
