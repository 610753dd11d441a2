import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReadDatabase } from '../readDatabase';
import { toEvents, type Op } from '../testing/inventoryLog';
import { RemainingCountProjection } from './remainingCountProjection';
import { RemainingCountQueries } from './remainingCountQueries';

/**
 * A region sees the two sides of a capacity transfer in whatever order its copies of the two
 * clusters bring them. Transfer 1 moves 2 tickets of show-b from shard 1 to shard 2.
 */
describe('capacity transfers in the remaining counts', () => {
  let dir: string;
  let db: ReadDatabase;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'remaining-transfers-'));
    db = ReadDatabase.open(dir);
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const seen = (ops: Op[]) => {
    const projection = new RemainingCountProjection();
    projection.setup(db.writer);
    for (const event of toEvents(ops)) projection.apply(db.writer, event);
    const queries = new RemainingCountQueries(db);
    const moved = Object.fromEntries(queries.shardCounts('show-b', new Date()).map((c) => [c.shardId, c.moved]));
    return { moved, inTransit: queries.inTransit().map((t) => [t.transferId, t.count]), transfers: queries.transfers('show-b').map((t) => [t.transferId, Boolean(t.outAt), Boolean(t.inAt)]) };
  };

  it('takes the tickets off the source when the Out is seen, and lists them in transit until the In', () => {
    expect(seen([{ kind: 'transferOut', transfer: 1 }])).toEqual({ moved: { '1': -2 }, inTransit: [['transfer-1', 2]], transfers: [['transfer-1', true, false]] });
  });

  it('moves them once both sides are seen, whichever came first, however often', () => {
    const done = { moved: { '1': -2, '2': 2 }, inTransit: [], transfers: [['transfer-1', true, true]] };
    expect(seen([{ kind: 'transferOut', transfer: 1 }, { kind: 'transferIn', transfer: 1 }])).toEqual(done);
    db.writer.exec('DELETE FROM remaining_counts; DELETE FROM remaining_transfers;');
    expect(seen([{ kind: 'transferIn', transfer: 1 }, { kind: 'transferIn', transfer: 1 }, { kind: 'transferOut', transfer: 1 }, { kind: 'transferOut', transfer: 1 }])).toEqual(done);
  });

  it('an In seen before its Out already takes the tickets off the source (the In proves the Out)', () => {
    expect(seen([{ kind: 'transferIn', transfer: 1 }]).moved).toEqual({ '1': -2, '2': 2 });
  });
});
