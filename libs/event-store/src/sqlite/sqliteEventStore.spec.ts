import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../contract/eventStore.contract';
import { SqliteEventStore } from './sqliteEventStore';

describeEventStoreContract('embedded SQLite (:memory:)', async () => SqliteEventStore.inMemory());

describe('SqliteEventStore on a file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps acknowledged appends across a reopen', async () => {
    const file = join(dir, 'events.db');
    const first = new SqliteEventStore({ file });
    await first.appendToStream('show-1', [{ type: 'Opened', data: { n: 1 } }], { expectedRevision: 'no_stream' });
    await first.close();
    const second = new SqliteEventStore({ file });
    const events = await second.readStream('show-1');
    expect(events.map((e) => e.data)).toEqual([{ n: 1 }]);
    await second.close();
  });

  it('writes appends that arrive together in one transaction', async () => {
    const store = new SqliteEventStore({ file: join(dir, 'events.db') });
    const appends = Array.from({ length: 1_000 }, (_, i) =>
      store.appendToStream(`s-${i % 50}-${randomUUID()}`, [{ type: 'T', data: { i } }], { expectedRevision: 'no_stream' }),
    );
    await Promise.all(appends);
    expect(store.stats().appends).toBe(1_000);
    expect(store.stats().transactions).toBeLessThanOrEqual(2);
    await store.close();
  });

  it('fails only the conflicting append of a batch', async () => {
    const store = SqliteEventStore.inMemory();
    await store.appendToStream('a', [{ type: 'T', data: {} }], { expectedRevision: 'no_stream' });
    const results = await Promise.allSettled([
      store.appendToStream('b', [{ type: 'T', data: {} }], { expectedRevision: 'no_stream' }),
      store.appendToStream('a', [{ type: 'T', data: {} }], { expectedRevision: 5n }),
      store.appendToStream('c', [{ type: 'T', data: {} }], { expectedRevision: 'no_stream' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(store.stats().transactions).toBe(2);
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['a', 'b', 'c']);
    await store.close();
  });

  it('isolates an append that SQLite refuses: only it fails, its batch commits, nothing of it is half-written', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file });
    await store.appendToStream('setup', [{ type: 'T', data: {} }], { expectedRevision: 'no_stream' });
    const saboteur = new Database(file);
    saboteur.exec("CREATE TRIGGER refuse_poison BEFORE INSERT ON events WHEN NEW.type = 'Poison' BEGIN SELECT RAISE(ABORT, 'poison'); END");
    saboteur.close();
    const results = await Promise.allSettled([
      store.appendToStream('good-1', [{ type: 'T', data: {} }], { expectedRevision: 'no_stream' }),
      store.appendToStream('bad', [{ type: 'Fine', data: {} }, { type: 'Poison', data: {} }], { expectedRevision: 'no_stream' }),
      store.appendToStream('good-2', [{ type: 'T', data: {} }, { type: 'T', data: {} }], { expectedRevision: 'no_stream' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await store.readStream('bad')).toEqual([]);
    expect(await store.readStream('good-2')).toHaveLength(2);
    expect(results[2]).toMatchObject({ value: { nextExpectedRevision: 1n } });
    const all = await store.readAll();
    expect(all.map((e) => e.streamId)).toEqual(['setup', 'good-1', 'good-2', 'good-2']);
    expect((results[2] as PromiseFulfilledResult<{ position: bigint }>).value.position).toBe(all[3].position);
    await store.close();
  });

  it('refuses data that cannot be serialized, alone', async () => {
    const store = SqliteEventStore.inMemory();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    const results = await Promise.allSettled([
      store.appendToStream('x', [{ type: 'T', data: circular }], { expectedRevision: 'no_stream' }),
      store.appendToStream('y', [{ type: 'T', data: { ok: true } }], { expectedRevision: 'no_stream' }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect((results[0] as PromiseRejectedResult).reason.name).toBe('InvalidAppendError');
    await store.close();
  });

  it('lets a second store on the same file see the first one’s writes through a live subscription', async () => {
    const file = join(dir, 'events.db');
    const writer = new SqliteEventStore({ file });
    const reader = new SqliteEventStore({ file, foreignWritePollMs: 20 });
    const subscription = reader.subscribeToAll();
    const received = (async () => {
      for await (const e of subscription) return e.type;
      return undefined;
    })();
    await subscription.caughtUp;
    await writer.appendToStream('x', [{ type: 'FromAnotherProcess', data: {} }], { expectedRevision: 'no_stream' });
    await expect(received).resolves.toBe('FromAnotherProcess');
    await reader.close();
    await writer.close();
  });
});
