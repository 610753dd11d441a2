import { SqliteEventStore } from '@app/event-store';
import type { Decider } from '@app/domain';
import { StreamWriter } from './streamWriter';

// A tiny stock counter: enough to exercise batching, conflicts and failures.
type Command = { type: 'Take'; data: { n: number } };
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
