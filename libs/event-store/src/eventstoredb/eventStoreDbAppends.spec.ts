import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '../errors';
import { appendSize } from '../appendRules';
import type { EventData } from '../eventStore';
import { EventStoreDbEventStore } from './eventStoreDbEventStore';
import { FakeCluster, type FakeNode } from './testing/fakeEventStoreDb';

const quiet = { warn: () => undefined };
const event = (data: unknown = {}): EventData => ({ id: randomUUID(), type: 'SeatsHeld', data });
const sent = (node: FakeNode, method: string) => node.calls.filter((c) => c.method === method).length;

/** Real client, real gRPC, fake nodes: what the server does is what its 24.10 sources say. */
describe('EventStoreDB appends', () => {
  let cluster: FakeCluster;
  let store: EventStoreDbEventStore;
  let leader: FakeNode;

  beforeEach(async () => {
    cluster = await FakeCluster.start(3);
    leader = cluster.leader!;
    store = EventStoreDbEventStore.connect(cluster.connectionString(), { logger: quiet });
  });
  afterEach(async () => {
    await store.close();
    cluster.stop();
  });

  describe('limits: refused by size and count before anything is sent', () => {
    it('states 1,000,000 bytes, under the server\'s 1 MiB, and 10,000 events', () => {
      expect(store.limits).toEqual({ maxEventsPerAppend: 10_000, maxAppendBytes: 1_000_000 });
    });

    it('takes an append of exactly the limit and refuses one byte more, without calling the server', async () => {
      const padding = (bytes: number) => 'x'.repeat(bytes - appendSize([event('')]));
      const atLimit = event(padding(1_000_000));
      expect(appendSize([atLimit])).toBe(1_000_000);
      await store.appendToStream('inventory-1', [atLimit], { expectedRevision: 'no_stream' });

      const over = event(padding(1_000_001));
      await expect(store.appendToStream('inventory-1', [over], { expectedRevision: 0n })).rejects.toThrow(InvalidAppendError);
      expect(sent(leader, 'append')).toBe(1);
    });

    it('refuses more than 10,000 events and data that is not JSON, without calling the server', async () => {
      const many = Array.from({ length: 10_001 }, () => event());
      await expect(store.appendToStream('inventory-1', many, { expectedRevision: 'any' })).rejects.toThrow(InvalidAppendError);
      await expect(store.appendToStream('inventory-1', [event({ seats: 1n })], { expectedRevision: 'any' })).rejects.toThrow(/not JSON-serializable/);
      expect(sent(leader, 'append')).toBe(0);
    });
  });

  describe('each append is a call of its own, so one failing cannot fail or crash another', () => {
    const crashes: unknown[] = [];
    const record = (error: unknown) => crashes.push(error);
    beforeEach(() => {
      crashes.length = 0;
      process.on('unhandledRejection', record);
      process.on('uncaughtException', record);
    });
    afterEach(() => {
      process.off('unhandledRejection', record);
      process.off('uncaughtException', record);
    });

    it('never probes capabilities and never opens the shared batch stream', async () => {
      await store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' });
      for (const node of cluster.nodes) {
        expect(sent(node, 'features')).toBe(0);
        expect(sent(node, 'batchAppend')).toBe(0);
      }
    });

    it('gives concurrent appends their own outcomes when the server fails one of them', async () => {
      leader.appendDelayMs = 50;
      leader.faults.append.push({ code: status.UNAVAILABLE, details: 'Server Is Not Ready' });
      const streams = ['inventory-1', 'inventory-2', 'inventory-3'];
      const outcomes = await Promise.allSettled(streams.map((s) => store.appendToStream(s, [event()], { expectedRevision: 'no_stream' })));

      const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [{ stream: streams[i], reason: o.reason as unknown }] : []));
      expect(failed).toHaveLength(1);
      expect(failed[0].reason).toBeInstanceOf(StoreUnavailableError);
      const written = new Set(cluster.log.records.map((r) => r.streamId));
      expect(streams.filter((s) => written.has(s))).toEqual(streams.filter((s) => s !== failed[0].stream));
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(crashes).toEqual([]);
    });

    it("does not fail another store's append in the same process when one store's call fails", async () => {
      const other = EventStoreDbEventStore.connect(cluster.connectionString(), { logger: quiet });
      try {
        leader.appendDelayMs = 50;
        leader.faults.append.push({ code: status.UNAVAILABLE, details: 'Server Is Not Ready' });
        const first = store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' });
        await new Promise((resolve) => setTimeout(resolve, 10));
        const second = other.appendToStream('inventory-2', [event()], { expectedRevision: 'no_stream' });
        await expect(first).rejects.toThrow(StoreUnavailableError);
        await expect(second).resolves.toMatchObject({ nextExpectedRevision: 0n });
        expect(crashes).toEqual([]);
      } finally {
        await other.close();
      }
    });
  });

  describe('what the server answers', () => {
    it('a conflict is WrongExpectedVersionError with the actual revision', async () => {
      await store.appendToStream('inventory-1', [event(), event()], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream('inventory-1', [event()], { expectedRevision: 0n })).rejects.toEqual(new WrongExpectedVersionError('inventory-1', 0n, 1n));
    });

    it.each([
      { code: status.UNAVAILABLE, details: 'Server Is Not Ready' },
      { code: status.UNAVAILABLE, details: 'Server Is Too Busy' },
      { code: status.UNKNOWN, details: 'No leader info available in response' },
      // The server gave up committing within its own write timeout (2 s by default); the write may still land.
      { code: status.ABORTED, details: 'Operation timed out: Commit timeout.' },
    ])('"$details" is StoreUnavailableError', async (fault) => {
      leader.faults.append.push(fault);
      await expect(store.appendToStream('inventory-1', [event()], { expectedRevision: 'any' })).rejects.toThrow(StoreUnavailableError);
    });
  });
});
