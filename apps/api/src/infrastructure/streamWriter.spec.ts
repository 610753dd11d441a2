import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store';
import { allowanceDecider, type Decider } from '@app/domain';
import { StreamWriter } from './streamWriter';

// A tiny stock counter: enough to exercise batching, conflicts and failures.
type Command = { type: 'Take'; data: { n: number; at?: number } };
type Event = { type: 'Taken'; data: { n: number } };
type State = { left: number };
class OutOfStock extends Error {}

const stock = (capacity: number): Decider<Command, Event, State> => ({
  initialState: () => ({ left: capacity }),
  decide: (command, state) => {
    if (command.data.n > state.left) throw new OutOfStock(`only ${state.left} left`);
    return [{ type: 'Taken', data: { n: command.data.n } }];
  },
  evolve: (state, event) => {
    state.left -= event.data.n; // mutates in place, as the inventory state does
    return state;
  },
});

describe('StreamWriter', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.inMemory();
  });
  afterEach(() => store.close());

  it('serves the final units in arrival order: a batch waits its window, then decides by stamp', async () => {
    const sequencing = { windowMs: 30, applies: (state: State) => state.left <= 5, compare: (a: Command, b: Command) => (a.data.at ?? 0) - (b.data.at ?? 0) };
    const fair = new StreamWriter({ store, streamId: 'stock-final', decider: stock(3), sequencing });
    await fair.warm();
    // The latest arrivals reach the writer first, as requests from a nearer region would.
    const arrivals = [5, 4, 3, 2, 1].map((at) => fair.execute({ type: 'Take', data: { n: 1, at } }).then(() => at, () => -at));
    expect((await Promise.all(arrivals)).sort((x, y) => x - y)).toEqual([-5, -4, 1, 2, 3]);
    // Without the window, whoever reached the writer first is served.
    const plain = new StreamWriter({ store, streamId: 'stock-plain', decider: stock(3) });
    await plain.warm();
    const served = await Promise.all([5, 4, 3, 2, 1].map((at) => plain.execute({ type: 'Take', data: { n: 1, at } }).then(() => at, () => -at)));
    expect(served.sort((x, y) => x - y)).toEqual([-2, -1, 3, 4, 5]);
  });

  it('decides queued commands as one batch and appends them in one write', async () => {
    const writer = new StreamWriter({ store, streamId: 'stock-1', decider: stock(100) });
    const results = await Promise.all(Array.from({ length: 50 }, () => writer.execute({ type: 'Take', data: { n: 1 } })));
    expect(results.every((r) => r.events.length === 1)).toBe(true);
    expect(store.stats().appends).toBeLessThanOrEqual(2);
    expect(await store.readStream('stock-1')).toHaveLength(50);
    await expect(writer.read((s) => s.left)).resolves.toBe(50);
  });

  it('fails only the command whose rule is broken', async () => {
    const writer = new StreamWriter({ store, streamId: 'stock-2', decider: stock(3) });
    const results = await Promise.allSettled([
      writer.execute({ type: 'Take', data: { n: 2 } }),
      writer.execute({ type: 'Take', data: { n: 2 } }),
      writer.execute({ type: 'Take', data: { n: 1 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(OutOfStock);
    expect(await store.readStream('stock-2')).toHaveLength(2);
  });

  it('stays correct when two writers (two processes) share a stream: never oversells', async () => {
    const a = new StreamWriter({ store, streamId: 'stock-3', decider: stock(40) });
    const b = new StreamWriter({ store, streamId: 'stock-3', decider: stock(40) });
    const attempts = Array.from({ length: 60 }, (_, i) => (i % 2 ? a : b).execute({ type: 'Take', data: { n: 1 } }));
    const results = await Promise.allSettled(attempts);
    const taken = results.filter((r) => r.status === 'fulfilled').length;
    expect(taken).toBe(40);
    const events = await store.readStream('stock-3');
    expect(events.reduce((sum, e) => sum + (e.data as { n: number }).n, 0)).toBe(40);
  });

  it('derives event ids from the command when asked, so a retried command is written once', async () => {
    const writer = new StreamWriter({
      store,
      streamId: 'stock-4',
      decider: stock(10),
      eventIds: () => ['6f1c2d3e-0000-4000-8000-000000000001'],
    });
    await writer.execute({ type: 'Take', data: { n: 1 } });
    const again = new StreamWriter({ store, streamId: 'stock-4', decider: stock(10), eventIds: () => ['6f1c2d3e-0000-4000-8000-000000000001'] });
    // A fresh writer that missed the first append: its decision conflicts, reloads, and then decides again.
    await again.execute({ type: 'Take', data: { n: 1 } });
    expect((await store.readStream('stock-4')).map((e) => e.id)).toHaveLength(2);
  });

  it('cuts a batch into as many appends as the store needs, between commands, and answers each command once its own append landed', async () => {
    const small = SqliteEventStore.inMemory({ limits: { maxEventsPerAppend: 5 } });
    try {
      const writer = new StreamWriter({ store: small, streamId: 'stock-cut', decider: stock(100) });
      const results = await Promise.all(Array.from({ length: 12 }, (_, i) => writer.execute({ type: 'Take', data: { n: i + 1 } })));
      const events = await small.readStream('stock-cut');
      expect(events.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      // Each command's answer carries the position of the append that holds its event: one position per append, at most 5 answers each.
      const perAppend = new Map<bigint | undefined, number>();
      for (const r of results) perAppend.set(r.position, (perAppend.get(r.position) ?? 0) + 1);
      expect(perAppend.size).toBe(small.stats().appends);
      expect(small.stats().appends).toBeGreaterThanOrEqual(3);
      expect(Math.max(...perAppend.values())).toBeLessThanOrEqual(5);
      results.forEach((r, i) => expect(r.position! >= events[i].position).toBe(true));
      await expect(writer.read((s) => s.left)).resolves.toBe(100 - 78);
    } finally {
      await small.close();
    }
  });

  it('cuts by bytes too, and refuses only a command too big for one append on its own', async () => {
    const small = SqliteEventStore.inMemory({ limits: { maxAppendBytes: 400 } });
    type Note = { type: 'Note'; data: { text: string } };
    const notes: Decider<Note, Note, { count: number }> = {
      initialState: () => ({ count: 0 }),
      decide: (command) => [command],
      evolve: (state) => ({ count: state.count + 1 }),
    };
    try {
      const writer = new StreamWriter({ store: small, streamId: 'notes', decider: notes });
      const texts = ['a'.repeat(100), 'b'.repeat(100), 'c'.repeat(1_000), 'd'.repeat(100), 'e'.repeat(100)];
      const results = await Promise.allSettled(texts.map((text) => writer.execute({ type: 'Note', data: { text } })));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((results[2] as PromiseRejectedResult).reason.name).toBe('InvalidAppendError');
      expect((await small.readStream('notes')).map((e) => (e.data as { text: string }).text[0])).toEqual(['a', 'b', 'd', 'e']);
      await expect(writer.read((s) => s.count)).resolves.toBe(4);
    } finally {
      await small.close();
    }
  });

  it('rejects the batch and reloads after the store fails, then works again', async () => {
    const writer = new StreamWriter({ store, streamId: 'stock-5', decider: stock(10) });
    await writer.execute({ type: 'Take', data: { n: 1 } });
    const append = store.appendToStream.bind(store);
    store.appendToStream = () => Promise.reject(new Error('disk on fire'));
    await expect(writer.execute({ type: 'Take', data: { n: 5 } })).rejects.toThrow('disk on fire');
    store.appendToStream = append;
    await expect(writer.read((s) => s.left)).resolves.toBe(9);
    await writer.execute({ type: 'Take', data: { n: 9 } });
    await expect(writer.execute({ type: 'Take', data: { n: 1 } })).rejects.toBeInstanceOf(OutOfStock);
  });
});

describe("StreamWriter: commands that need only their place in the log", () => {
  let dir: string;
  let store: SqliteEventStore;
  /** Flushes of the WAL that the test has not let finish yet. */
  let held: Array<(error: Error | null) => void>;
  /** From the end of a test on, flushes finish as they start. */
  let letFlushesGo: boolean;
  const ticks = () => new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sw-ordered-'));
    held = [];
    letFlushesGo = false;
    store = new SqliteEventStore({ file: join(dir, 'events.db'), flushFile: (fd, done) => (letFlushesGo ? done(null) : held.push(done)) });
  });
  afterEach(async () => {
    letFlushesGo = true;
    while (held.length > 0) held.shift()!(null);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves a batch of them at its commit, and a batch with any other job after the flush', async () => {
    const writer = new StreamWriter({ store, streamId: 'stock-o', decider: stock(10) });
    const take = { type: 'Take' as const, data: { n: 1 } };
    let ordered = false;
    void writer.execute(take, { durability: 'ordered' }).then(() => (ordered = true));
    await ticks();
    expect(held).toHaveLength(1);
    expect(ordered).toBe(true);

    // A durable command, and behind it an ordered one and a durable one that go as one batch.
    let durable = false;
    void writer.execute(take).then(() => (durable = true));
    await ticks();
    let mixed = 0;
    void writer.execute(take, { durability: 'ordered' }).then(() => mixed++);
    void writer.execute(take).then(() => mixed++);
    held.shift()!(null);
    await ticks();
    expect(durable).toBe(false);
    held.shift()!(null);
    await ticks();
    expect(durable).toBe(true);
    // The mixed batch is committed now, and waits for the flush that covers it.
    await ticks();
    expect(held).toHaveLength(1);
    expect(mixed).toBe(0);
    held.shift()!(null);
    await ticks();
    expect(mixed).toBe(2);
    await expect(writer.read((s) => s.left)).resolves.toBe(6);
  });
});

describe('StreamWriter that assumes its stream is new', () => {
  let store: SqliteEventStore;
  beforeEach(() => {
    store = SqliteEventStore.inMemory();
  });
  afterEach(() => store.close());

  const reserve = (holdId: string, quantity: number) => ({ type: 'ReserveAllowance' as const, data: { holdId, quantity, limit: 6, now: 1_000, expiresAt: 60_000 } });
  const release = (holdId: string) => ({ type: 'ReleaseAllowance' as const, data: { holdId, now: 2_000, reason: 'released' as const } });
  const allowance = (streamId: string, assumeNew: boolean) => new StreamWriter({ store, streamId, decider: allowanceDecider, assumeNew });

  it('appends its first batch without reading the stream, and knows its state afterwards', async () => {
    const reads = jest.spyOn(store, 'readStream');
    const writer = allowance('allowance-new', true);
    await Promise.all([writer.execute(reserve('h1', 2)), writer.execute(reserve('h2', 3))]);
    expect(reads).not.toHaveBeenCalled();
    await expect(writer.execute(reserve('h3', 2))).rejects.toMatchObject({ code: 'limit_exceeded' });
    await expect(writer.read((state) => state.reserved)).resolves.toBe(5);
    expect(reads).not.toHaveBeenCalled();
    expect((await store.readStream('allowance-new')).map((e) => e.type)).toEqual(['AllowanceReserved', 'AllowanceReserved']);
  });

  it('decides again on the stream as stored when it existed after all', async () => {
    await allowance('allowance-known', false).execute(reserve('h1', 5));
    const returning = allowance('allowance-known', true);
    await expect(returning.execute(reserve('h2', 2))).rejects.toMatchObject({ code: 'limit_exceeded' });
    // A retried reservation is a no-op, as on the stream as read.
    await expect(allowance('allowance-known', true).execute(reserve('h1', 5))).resolves.toMatchObject({ events: [] });
    expect((await store.readStream('allowance-known')).map((e) => e.data)).toEqual([expect.objectContaining({ holdId: 'h1', quantity: 5 })]);
  });

  it('reads the stream first for a batch that the initial state would answer wrongly: a release, or a read', async () => {
    await allowance('allowance-old', false).execute(reserve('h1', 4));
    const releasing = allowance('allowance-old', true);
    await expect(releasing.execute(release('h1'))).resolves.toMatchObject({ events: [{ type: 'AllowanceReleased' }] });
    await expect(allowance('allowance-old', true).read((state) => state.reserved)).resolves.toBe(0);
    await expect(allowance('allowance-old', true).read((state) => state.reservations.get('h1')?.released)).resolves.toBe(true);
  });
});
