import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { StoreUnavailableError } from '../errors';
import { EventStoreDbEventStore } from './eventStoreDbEventStore';
import { FakeCluster, NodeState } from './testing/fakeEventStoreDb';

const quiet = { warn: () => undefined };

describe('EventStoreDB reads', () => {
  let cluster: FakeCluster;
  let store: EventStoreDbEventStore;

  beforeEach(async () => {
    cluster = await FakeCluster.start(3);
    store = EventStoreDbEventStore.connect(cluster.connectionString(), { logger: quiet, deadlineMs: 2_000 });
  });
  afterEach(async () => {
    await store.close();
    cluster.stop();
  });

  function writeDirectly(count: number, streamId = 'inventory-1'): void {
    for (let i = 0; i < count; i++) cluster.log.append(streamId, [{ id: randomUUID(), type: 'SeatsHeld', data: { i } }], 'any');
  }

  describe('countEventsAfter counts events, whatever the distance between positions', () => {
    it('counts the user events after a position, not the system events nor the event at the position', async () => {
      writeDirectly(3);
      cluster.log.appendSystem();
      writeDirectly(2, 'customer-1');
      cluster.log.appendSystem();
      const [first] = cluster.log.records;
      const head = await store.headPosition();

      await expect(store.countEventsAfter(first.position)).resolves.toBe(4);
      await expect(store.countEventsAfter('start')).resolves.toBe(5);
      await expect(store.countEventsAfter(head)).resolves.toBe(0);
      // Positions are byte offsets here: their difference is no count.
      expect(head !== 'start' && head - first.position).not.toBe(4n);
    });

    it('pages through the log and stops reading at the cap', async () => {
      writeDirectly(2_500);
      const reads = () => cluster.nodes.flatMap((n) => n.calls).filter((c) => c.method === 'read' && c.target === '$all').length;

      await expect(store.countEventsAfter('start')).resolves.toBe(2_500);
      const before = reads();
      await expect(store.countEventsAfter('start', { cap: 1_200 })).resolves.toBe(1_200);
      expect(reads() - before).toBe(2);
    });

    it('is StoreUnavailableError when no member can serve the read', async () => {
      cluster.leader!.faults.read.push({ code: status.UNKNOWN, details: 'No leader info available in response' });
      await expect(store.countEventsAfter('start')).rejects.toThrow(StoreUnavailableError);
    });
  });

  describe('describe() reports the members and the leader from gossip', () => {
    it('names the leader', async () => {
      const description = await store.describe();
      expect(description.kind).toBe('eventstoredb');
      expect(description.members).toHaveLength(3);
      expect(description.leader).toBe(cluster.leader!.endpoint);
      expect(description.members!.filter((m) => m.leader).map((m) => m.name)).toEqual([cluster.leader!.endpoint]);
      expect(description.members!.every((m) => m.reachable && m.error === undefined)).toBe(true);
    });

    it('reports an election as members that cannot serve, and no leader', async () => {
      cluster.startElection();
      const description = await store.describe();
      expect(description.leader).toBeUndefined();
      expect(description.members!.map((m) => m.error)).toEqual(['state unknown', 'state unknown', 'state unknown']);
    });

    it('reports a dead member, and every seed as unreachable when none answers', async () => {
      const [dead] = cluster.nodes;
      dead.stop();
      cluster.elect(cluster.nodes[1]);
      dead.state = NodeState.SHUTDOWN;
      const partial = await store.describe();
      expect(partial.members!.find((m) => m.name === dead.endpoint)).toMatchObject({ reachable: false, leader: false, error: 'dead in gossip' });

      cluster.stop();
      const none = await store.describe();
      expect(none.leader).toBeUndefined();
      expect(none.members!.map((m) => m.reachable)).toEqual([false, false, false]);
      expect(none.members!.every((m) => typeof m.error === 'string')).toBe(true);
    });
  });

  it('delivers a catch-up subscription from a follower read', async () => {
    writeDirectly(3);
    cluster.log.appendSystem();
    const subscription = store.subscribeToAll({ fromPosition: cluster.log.records[0].position });
    const seen: bigint[] = [];
    for await (const event of subscription) {
      seen.push(event.streamRevision);
      if (seen.length === 2) break;
    }
    await subscription.caughtUp;
    expect(seen).toEqual([1n, 2n]);
    expect(cluster.nodes.flatMap((n) => n.calls).find((c) => c.method === 'subscribe')).toMatchObject({ requiresLeader: false });
  });
});
