import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from './sqliteEventStore';
import { WalCheckpointer } from './walCheckpointer';

describe('WalCheckpointer', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'wal-ckpt-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const appendRound = async (store: SqliteEventStore, round: number) => {
    const payload = 'x'.repeat(2_000);
    await Promise.all(
      Array.from({ length: 1_000 }, (_, i) => store.appendToStream(`s-${round}-${i}`, [{ id: randomUUID(), type: 'T', data: { payload } }], { expectedRevision: 'no_stream' })),
    );
  };

  it('copies every WAL frame into the database from its own thread, so the WAL starts over instead of growing', async () => {
    const file = join(dir, 'events.db');
    // The store's own checkpoints (every 10,000 pages, on its connection) never come due here.
    const store = new SqliteEventStore({ file });
    const checkpointer = new WalCheckpointer([file], { busyIntervalMs: 60_000, idleIntervalMs: 60_000 });
    const sizes: number[] = [];
    for (let round = 0; round < 5; round++) {
      await appendRound(store, round);
      const [pass] = await checkpointer.checkpointNow();
      expect(pass).toMatchObject({ file, busy: false });
      expect(pass.logFrames).toBeGreaterThan(0);
      expect(pass.checkpointedFrames).toBe(pass.logFrames);
      sizes.push(statSync(`${file}-wal`).size);
    }
    // Each round writes ~2 MB; had the WAL not been reused it would hold all five rounds.
    const oneRound = sizes[0];
    expect(Math.max(...sizes)).toBeLessThan(oneRound * 2);
    await checkpointer.stop();
    await store.close();

    const reopened = new SqliteEventStore({ file });
    expect(await reopened.readAll()).toHaveLength(5_000);
    await reopened.close();
  });

  it('runs beside a store that asked for it, and stops with the store', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file, backgroundCheckpoints: true });
    for (let round = 0; round < 3; round++) await appendRound(store, round);
    await store.close();
    // SQLite deletes the WAL when the last connection closes: the checkpointer's had closed before the store's.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new SqliteEventStore({ file });
    expect(await reopened.readAll()).toHaveLength(3_000);
    await reopened.close();
  });

  it('stops cleanly, and answers a pass request after it stopped with nothing', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file });
    await appendRound(store, 0);
    const checkpointer = new WalCheckpointer([file]);
    await checkpointer.stop();
    await expect(checkpointer.checkpointNow()).resolves.toEqual([]);
    await store.close();
  });
});
