import Database from 'better-sqlite3';
import { openSchema } from './sqliteSchema';
import { SqliteBatchWriter, type AppendRequest } from './sqliteBatchWriter';

const append = (streamId: string, expected: AppendRequest['expected'], id: string): AppendRequest => ({
  streamId,
  expected,
  events: [{ id, type: 'T', data: '{}', metadata: null }],
});

describe('SqliteBatchWriter: the cache of stream revisions', () => {
  it('decides appends to streams it dropped from its cache against what the file holds', () => {
    const db = new Database(':memory:');
    openSchema(db, 'FULL');
    const writer = new SqliteBatchWriter(db, 3);
    const first = writer.write(['a', 'b', 'c', 'd', 'e'].map((stream) => append(stream, 'no_stream', `${stream}-0`)));
    expect(first.ok && first.outcomes.every((o) => o.ok)).toBe(true);
    // 'a' and 'b' have left the cache (it keeps three); 'e' is in it.
    const second = writer.write([
      append('a', 0, 'a-1'),
      append('b', 'no_stream', 'b-again'),
      append('e', 0, 'e-1'),
      append('a', 1, 'a-2'),
      append('f', 'no_stream', 'f-0'),
    ]);
    expect(second.ok && second.outcomes).toEqual([
      { ok: true, revision: 1, position: 6 },
      { ok: false, kind: 'wrong_expected_version', stream: 'b', actual: 0 },
      { ok: true, revision: 1, position: 7 },
      { ok: true, revision: 2, position: 8 },
      { ok: true, revision: 0, position: 9 },
    ]);
    const third = writer.write([append('b', 0, 'b-1'), append('c', 0, 'c-1'), append('d', 5, 'd-5')]);
    expect(third.ok && third.outcomes.map((o) => o.ok)).toEqual([true, true, false]);
    const revisions = db.prepare('SELECT s.name, MAX(e.revision) AS revision FROM events e JOIN streams s ON s.id = e.stream GROUP BY s.name ORDER BY s.name').all();
    expect(revisions).toEqual([
      { name: 'a', revision: 2 },
      { name: 'b', revision: 1 },
      { name: 'c', revision: 1 },
      { name: 'd', revision: 0 },
      { name: 'e', revision: 1 },
      { name: 'f', revision: 0 },
    ]);
    db.close();
  });
});
