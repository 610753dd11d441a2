import { fstatSync, fsync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { describeEventStoreContract } from '../contract/eventStore.contract';
import { SqliteEventStore } from './sqliteEventStore';

const inProcess = { unavailableBecause: 'the embedded store runs in this process, with no server or connection to lose (its own specs fail its disk instead)' };
describeEventStoreContract('embedded SQLite (:memory:)', async () => SqliteEventStore.inMemory(), inProcess);

const contractDir = mkdtempSync(join(tmpdir(), 'es-contract-'));
afterAll(() => rmSync(contractDir, { recursive: true, force: true }));
describeEventStoreContract('embedded SQLite (a file, WAL flushed off the event loop)', async () => new SqliteEventStore({ file: join(contractDir, 'events.db') }), inProcess);

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

describe('SqliteEventStore: subscribers at the head read our latest commits from memory', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-tail-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** Everything after `after`, as a subscription pages it, and as the file holds it (a store that wrote nothing reads the file). */
  function bothReads(store: SqliteEventStore, fileReader: SqliteEventStore, after: bigint | 'start'): [unknown[], unknown[]] {
    const viaSubscription: unknown[] = [];
    for (let page = store.readAllSync(after, 300); page.length > 0; page = store.readAllSync(page[page.length - 1].position, 300)) viaSubscription.push(...page);
    return [viaSubscription, fileReader.readAllSync(after, Number.MAX_SAFE_INTEGER)];
  }

  it('gives exactly what the file holds, across refused appends, an isolated batch and more commits than it keeps', async () => {
    const file = join(dir, 'events.db');
    const store = new SqliteEventStore({ file });
    await store.appendToStream('setup', [{ type: 'T', data: { n: 0 } }], { expectedRevision: 'no_stream' });
    const saboteur = new Database(file);
    saboteur.exec("CREATE TRIGGER refuse_poison BEFORE INSERT ON events WHEN NEW.type = 'Poison' BEGIN SELECT RAISE(ABORT, 'poison'); END");
    saboteur.close();
    for (let round = 0; round < 12; round++) {
      await Promise.allSettled([
        ...Array.from({ length: 500 }, (_, i) =>
          store.appendToStream(`s-${i % 40}`, [{ type: 'T', data: { round, i } }], { expectedRevision: 'any' }),
        ),
        store.appendToStream('setup', [{ type: 'T', data: {} }], { expectedRevision: 99n }),
        store.appendToStream(`bad-${round}`, [{ type: 'Fine', data: {} }, { type: 'Poison', data: {} }], { expectedRevision: 'no_stream' }),
        store.appendToStream(`meta-${round}`, [{ type: 'M', data: { list: [1, 'two', null] }, metadata: { by: 'test' } }], { expectedRevision: 'no_stream' }),
      ]);
    }
    const fileReader = new SqliteEventStore({ file });
    const head = (await fileReader.headPosition()) as bigint;
    expect(head).toBe(1n + 12n * 501n);
    for (const after of ['start', 1n, head - 5_000n, head - 2_000n, head - 501n, head - 1n, head] as const) {
      const [viaSubscription, inFile] = bothReads(store, fileReader, after);
      expect(viaSubscription).toEqual(inFile);
      expect(inFile).toHaveLength(Number(head - (after === 'start' ? 0n : after)));
    }
    await fileReader.close();
    await store.close();
  });

  it('notices that another process wrote between two of our commits, and after our last one', async () => {
    const file = join(dir, 'events.db');
    const ours = new SqliteEventStore({ file, foreignWritePollMs: 20 });
    const theirs = new SqliteEventStore({ file });
    const append = (store: SqliteEventStore, stream: string) => store.appendToStream(stream, [{ type: stream, data: {} }], { expectedRevision: 'any' });
    await append(ours, 'ours-1');
    await append(theirs, 'theirs-1');
    await append(ours, 'ours-2');
    expect(ours.readAllSync('start', 10).map((e) => e.type)).toEqual(['ours-1', 'theirs-1', 'ours-2']);
    expect(ours.readAllSync(1n, 10).map((e) => e.type)).toEqual(['theirs-1', 'ours-2']);
    expect(ours.readAllSync(2n, 10).map((e) => e.type)).toEqual(['ours-2']);

    const subscription = ours.subscribeToAll({ fromPosition: 3n });
    const received = (async () => {
      for await (const e of subscription) return e.type;
      return undefined;
    })();
    await subscription.caughtUp;
    await append(theirs, 'theirs-2');
    await expect(received).resolves.toBe('theirs-2');
    await append(ours, 'ours-3');
    expect(ours.readAllSync(3n, 10).map((e) => e.type)).toEqual(['theirs-2', 'ours-3']);
    await theirs.close();
    await ours.close();
  });
});

describe('SqliteEventStore on a file: acknowledgements wait for the WAL to be flushed', () => {
  let dir: string;
  let file: string;
  /** Flushes the test has not let finish yet; each is released with the real fsync's result or a made-up error. */
  let held: Array<{ fd: number; done: (error: Error | null) => void }>;
  const holdFlushes = (fd: number, done: (error: Error | null) => void) => held.push({ fd, done });
  const release = (error: Error | null = null) => {
    const flush = held.shift();
    if (!flush) throw new Error('no flush is waiting');
    flush.done(error);
  };
  const ticks = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  const watch = <T>(promise: Promise<T>) => {
    const state: { settled: boolean; result?: PromiseSettledResult<T> } = { settled: false };
    promise.then(
      (value) => Object.assign(state, { settled: true, result: { status: 'fulfilled', value } }),
      (reason) => Object.assign(state, { settled: true, result: { status: 'rejected', reason } }),
    );
    return state;
  };
  const event = (type = 'T') => ({ id: randomUUID(), type, data: {} });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'es-flush-'));
    file = join(dir, 'events.db');
    held = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers an append, and shows it to readers of the log, only after the flush that covers it', async () => {
    const store = new SqliteEventStore({ file, flushFile: holdFlushes });
    const subscription = store.subscribeToAll();
    const seen: string[] = [];
    const reading = (async () => {
      for await (const e of subscription) seen.push(e.type);
    })();
    await subscription.caughtUp;

    const append = watch(store.appendToStream('s', [event('Held')], { expectedRevision: 'no_stream' }));
    await ticks();
    expect(held).toHaveLength(1);
    expect(append.settled).toBe(false);
    expect(await store.readAll()).toEqual([]);
    expect(await store.headPosition()).toBe('start');
    expect(seen).toEqual([]);
    // The write side already sees the commit: what it decides next is answered after a later flush.
    expect((await store.readStream('s')).map((e) => e.type)).toEqual(['Held']);

    release();
    await ticks();
    expect(append.result).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect((await store.readAll()).map((e) => e.type)).toEqual(['Held']);
    expect(seen).toEqual(['Held']);
    await subscription.stop();
    await reading;
    await store.close();
  });

  it("answers an append that asks only for its place in the log at its commit; readers and the next append still wait for the flush", async () => {
    const store = new SqliteEventStore({ file, flushFile: holdFlushes });
    const reservation = watch(store.appendToStream('allowance', [event('Reserved')], { expectedRevision: 'no_stream', durability: 'ordered' }));
    const plain = watch(store.appendToStream('other', [event('Other')], { expectedRevision: 'no_stream' }));
    await ticks();
    expect(held).toHaveLength(1);
    expect(reservation.result).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 0n } });
    expect(plain.settled).toBe(false);
    // Not durable yet, so not in the log for its readers.
    expect(await store.readAll()).toEqual([]);

    const seats = watch(store.appendToStream('shard', [event('Held')], { expectedRevision: 'no_stream' }));
    await ticks();
    expect(seats.settled).toBe(false);
    release();
    await ticks();
    expect(plain.result?.status).toBe('fulfilled');
    expect(seats.settled).toBe(false);
    release();
    await ticks();
    expect(seats.result?.status).toBe('fulfilled');
    expect((await store.readAll()).map((e) => e.type)).toEqual(['Reserved', 'Other', 'Held']);
    await store.close();
  });

  it('answers a refused append that asked only for its place in the log at once, too', async () => {
    const store = new SqliteEventStore({ file, flushFile: holdFlushes });
    const first = watch(store.appendToStream('s', [event()], { expectedRevision: 'no_stream' }));
    await ticks();
    const stale = watch(store.appendToStream('s', [event()], { expectedRevision: 'no_stream', durability: 'ordered' }));
    await ticks();
    expect(stale.result).toMatchObject({ status: 'rejected', reason: { name: 'WrongExpectedVersionError' } });
    expect(first.settled).toBe(false);
    release();
    await ticks();
    expect(first.result?.status).toBe('fulfilled');
    // The refused append's commit is flushed as well, though nobody waits for it.
    release();
    await store.close();
  });

  it('keeps one flush in flight; batches committed meanwhile, refusals included, wait for the next one', async () => {
    const store = new SqliteEventStore({ file, flushFile: holdFlushes });
    const first = watch(store.appendToStream('s', [event()], { expectedRevision: 'no_stream' }));
    await ticks();
    const second = watch(store.appendToStream('s', [event()], { expectedRevision: 0n }));
    const stale = watch(store.appendToStream('s', [event()], { expectedRevision: 'no_stream' }));
    await ticks();
    expect(store.stats()).toMatchObject({ transactions: 2, flushes: 1 });
    expect(held).toHaveLength(1);
    expect([first.settled, second.settled, stale.settled]).toEqual([false, false, false]);

    release();
    await ticks();
    expect(first.result?.status).toBe('fulfilled');
    expect([second.settled, stale.settled]).toEqual([false, false]);
    expect(held).toHaveLength(1);
    expect(store.stats().flushes).toBe(2);

    release();
    await ticks();
    expect(second.result).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 1n } });
    expect(stale.result).toMatchObject({ status: 'rejected', reason: { name: 'WrongExpectedVersionError' } });
    await store.close();
  });

  it('flushes the real WAL file, on a descriptor of its own', async () => {
    const flushed: number[] = [];
    const store = new SqliteEventStore({
      file,
      flushFile: (fd, done) => {
        flushed.push(fd);
        fsync(fd, done);
      },
    });
    await store.appendToStream('s', [event()], { expectedRevision: 'no_stream' });
    expect(flushed).toHaveLength(1);
    expect(fstatSync(flushed[0]).ino).toBe(statSync(`${file}-wal`).ino);
    await store.close();
  });

  it('after a failed flush refuses every write until reopened; a retry then finds the append SQLite kept', async () => {
    const store = new SqliteEventStore({ file, flushFile: holdFlushes });
    const lost = event();
    const covered = watch(store.appendToStream('s', [lost], { expectedRevision: 'no_stream' }));
    await ticks();
    const waiting = watch(store.appendToStream('t', [event()], { expectedRevision: 'no_stream' }));
    await ticks();
    release(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));
    await ticks();
    expect(covered.result).toMatchObject({ status: 'rejected', reason: { name: 'StoreUnavailableError' } });
    expect(waiting.result).toMatchObject({ status: 'rejected', reason: { name: 'StoreUnavailableError' } });
    await expect(store.appendToStream('u', [event()], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
      name: 'StoreUnavailableError',
      message: expect.stringContaining('until restarted'),
    });
    await expect(store.ping()).rejects.toMatchObject({ name: 'StoreUnavailableError' });
    await store.close();

    const reopened = new SqliteEventStore({ file });
    const retry = await reopened.appendToStream('s', [lost], { expectedRevision: 'no_stream' });
    expect(retry.nextExpectedRevision).toBe(0n);
    expect(await reopened.readStream('s')).toHaveLength(1);
    await reopened.close();
  });

  it('close waits for the flush in flight', async () => {
    const store = new SqliteEventStore({ file, flushFile: holdFlushes });
    const append = watch(store.appendToStream('s', [event()], { expectedRevision: 'no_stream' }));
    await ticks();
    const closing = watch(store.close());
    await ticks();
    expect(closing.settled).toBe(false);
    release();
    await ticks();
    expect(append.result?.status).toBe('fulfilled');
    expect(closing.result?.status).toBe('fulfilled');
  });
});
