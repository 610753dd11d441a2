import { randomUUID } from 'node:crypto';
import { credentials } from '@grpc/grpc-js';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { StoreUnavailableError } from '../errors';
import type { EventData } from '../eventStore';
import { EventStoreDbConnection } from './eventStoreDbConnection';
import { EventStoreDbEventStore, type WarningLogger } from './eventStoreDbEventStore';
import { FakeCluster, NodeState, type FakeNode } from './testing/fakeEventStoreDb';

const quiet = { warn: () => undefined };
const event = (): EventData => ({ id: randomUUID(), type: 'SeatsHeld', data: {} });
/** Discovery that gives up at once, so a spec can fail it during an "election" without waiting. */
const SHORT_DISCOVERY = '&maxDiscoverAttempts=2&discoveryInterval=10';
const gossipCalls = (cluster: FakeCluster) => cluster.nodes.reduce((n, node) => n + node.calls.filter((c) => c.method === 'gossip').length, 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A store whose client batches appends: what a TLS connection string without username and password gets. */
function batchingStore(cluster: FakeCluster, connectionString: string, logger: WarningLogger = quiet) {
  const connection = new EventStoreDbConnection({
    newClient: () => EventStoreDBClient.connectionString(connectionString),
    appendCredentials: undefined,
    seeds: cluster.nodes.map((n) => ({ address: '127.0.0.1', port: n.port })),
    channelCredentials: credentials.createInsecure(),
  });
  return { connection, store: new EventStoreDbEventStore(connection, { logger, deadlineMs: 2_000 }) };
}

describe('EventStoreDB failover', () => {
  let cluster: FakeCluster;
  const stores: Array<{ close(): Promise<void> }> = [];
  const track = <T extends { close(): Promise<void> }>(store: T): T => (stores.push(store), store);

  beforeEach(async () => {
    cluster = await FakeCluster.start(3);
  });
  afterEach(async () => {
    await Promise.all(stores.splice(0).map((s) => s.close()));
    cluster.stop();
  });

  describe('writes come back after an election', () => {
    it('client 6.2.1 alone does not: a capability probe that failed during the election stays cached', async () => {
      const client = EventStoreDBClient.connectionString(cluster.connectionString(SHORT_DISCOVERY));
      track({ close: () => client.dispose() });
      cluster.startElection();
      await expect(client.appendToStream('inventory-1', jsonEvent({ type: 'SeatsHeld', data: {} }))).rejects.toThrow(/Failed to discover/);

      cluster.elect(cluster.nodes[1]);
      const asked = gossipCalls(cluster);
      await expect(client.appendToStream('inventory-1', jsonEvent({ type: 'SeatsHeld', data: {} }))).rejects.toThrow(/Failed to discover/);
      // It did not even look: the failure came out of the cache.
      expect(gossipCalls(cluster)).toBe(asked);
    });

    it('a batching store replaces its write client after such a failure, and writes again', async () => {
      const warnings: string[] = [];
      const { connection, store } = batchingStore(cluster, cluster.connectionString(SHORT_DISCOVERY), { warn: (m) => warnings.push(m) });
      track(store);
      expect(warnings.join()).toMatch(/without username and password/);
      cluster.startElection();
      await expect(store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' })).rejects.toThrow(StoreUnavailableError);

      cluster.elect(cluster.nodes[1]);
      await expect(store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ nextExpectedRevision: 0n });
      expect(cluster.nodes[1].calls.some((c) => c.method === 'batchAppend')).toBe(true);
      expect(connection.renewals).toBe(1);
    });

    it('a store with per-append calls has no probe to poison, and writes again', async () => {
      const store = track(EventStoreDbEventStore.connect(cluster.connectionString(SHORT_DISCOVERY), { logger: quiet }));
      cluster.startElection();
      await expect(store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' })).rejects.toThrow(StoreUnavailableError);

      cluster.elect(cluster.nodes[2]);
      await expect(store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ nextExpectedRevision: 0n });
    });

    it('follows the leader when the node it wrote to is killed', async () => {
      const store = track(EventStoreDbEventStore.connect(cluster.connectionString(SHORT_DISCOVERY), { logger: quiet }));
      await store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' });
      const [old, next] = [cluster.nodes[0], cluster.nodes[1]];
      old.stop();
      cluster.elect(next);
      old.state = NodeState.SHUTDOWN;

      // The first write may meet the dead connection; the ones after it find the new leader.
      await store.appendToStream('inventory-1', [event()], { expectedRevision: 0n }).catch((error: unknown) => expect(error).toBeInstanceOf(StoreUnavailableError));
      await expect(store.appendToStream('inventory-2', [event()], { expectedRevision: 'no_stream' })).resolves.toBeDefined();
      expect(next.calls.some((c) => c.method === 'append' && c.target === 'inventory-2')).toBe(true);
    });
  });

  describe('discovery outlasts an election', () => {
    const ELECTION_MS = 2_500;

    let election: NodeJS.Timeout | undefined;
    afterEach(() => clearTimeout(election));

    it("the client's own defaults give up within about a second", async () => {
      const client = EventStoreDBClient.connectionString(cluster.connectionString());
      track({ close: () => client.dispose() });
      cluster.startElection();
      election = setTimeout(() => cluster.elect(cluster.nodes[1]), ELECTION_MS);
      await expect(client.appendToStream('inventory-1', jsonEvent({ type: 'SeatsHeld', data: {} }), { credentials: { username: '', password: '' } })).rejects.toThrow(
        /Failed to discover after 10 attempts/,
      );
    });

    it("the adapter's defaults keep a write waiting until there is a leader", async () => {
      const store = track(EventStoreDbEventStore.connect(cluster.connectionString(), { logger: quiet }));
      cluster.startElection();
      election = setTimeout(() => cluster.elect(cluster.nodes[1]), ELECTION_MS);
      await expect(store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' })).resolves.toMatchObject({ nextExpectedRevision: 0n });
    });
  });

  describe('reads are served by followers; writes and the stream reads they decide on need the leader', () => {
    it('asks for the leader only on appends and stream reads', async () => {
      const store = track(EventStoreDbEventStore.connect(cluster.connectionString(), { logger: quiet }));
      const { position } = await store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' });
      await store.readStream('inventory-1');
      await store.readAll({ fromPosition: 'start' });
      await store.headPosition();
      await store.ping();
      await store.countEventsAfter(position);
      const subscription = store.subscribeToAll({ fromPosition: 'start' });
      for await (const delivered of subscription) {
        expect(delivered.position).toBe(position);
        break;
      }
      await subscription.caughtUp;

      const calls = cluster.nodes.flatMap((n) => n.calls).filter((c) => c.method !== 'gossip');
      const leaderOnly = calls.filter((c) => c.requiresLeader).map((c) => `${c.method} ${c.target}`);
      expect(new Set(leaderOnly)).toEqual(new Set(['append inventory-1', 'read inventory-1']));
      expect(calls.filter((c) => !c.requiresLeader).map((c) => c.method)).toEqual(expect.arrayContaining(['read', 'subscribe']));
    });

    it('keeps reading while no member can take writes', async () => {
      const store = track(EventStoreDbEventStore.connect(cluster.connectionString(SHORT_DISCOVERY), { logger: quiet }));
      await store.appendToStream('inventory-1', [event()], { expectedRevision: 'no_stream' });
      const leader: FakeNode = cluster.leader!;
      leader.stop();
      for (const node of cluster.nodes) node.state = node === leader ? NodeState.SHUTDOWN : NodeState.FOLLOWER;
      await sleep(50);

      const fresh = track(EventStoreDbEventStore.connect(cluster.connectionString(SHORT_DISCOVERY), { logger: quiet }));
      await expect(fresh.readAll()).resolves.toHaveLength(1);
      await expect(fresh.headPosition()).resolves.toBe(cluster.log.records[0].position);
      await expect(fresh.appendToStream('inventory-2', [event()], { expectedRevision: 'no_stream' })).rejects.toThrow(StoreUnavailableError);
      await expect(fresh.readStream('inventory-1')).rejects.toThrow(StoreUnavailableError);
    });
  });
});
