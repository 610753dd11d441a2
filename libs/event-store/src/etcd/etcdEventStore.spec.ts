import { describeEventStoreContract } from '../contract/eventStore.contract';
import type { EventStore } from '../eventStore';
import { EtcdEventStore } from './etcdEventStore';
import { LocalEtcdCluster, describeWithEtcd } from './testing/localEtcdCluster';

for (const size of [1, 3]) {
  describeWithEtcd(`etcd cluster of ${size}`, () => {
    let cluster: LocalEtcdCluster;
    beforeAll(async () => {
      cluster = await LocalEtcdCluster.start({ size, name: `contract${size}` });
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    });

    /** Every member killed and started again on its data: the cluster's log survives, every connection to it breaks. */
    async function restartAll(): Promise<void> {
      await Promise.all(cluster.members.map((m) => cluster.kill(m)));
      await Promise.all(cluster.members.map((m) => cluster.restart(m)));
      await cluster.waitForLeader();
    }

    describeEventStoreContract(
      `etcd, ${size} member${size > 1 ? 's' : ''}`,
      // A short deadline keeps the outage case quick; it is the same code path as the default 10 s.
      async () => EtcdEventStore.connect({ endpoints: cluster.endpoints, deadlineMs: 3_000 }),
      {
        outage: async (store: EventStore) => {
          await Promise.all(cluster.members.map((m) => cluster.kill(m)));
          return {
            restore: async () => {
              await Promise.all(cluster.members.map((m) => cluster.restart(m)));
              await cluster.waitForLeader();
              return store;
            },
          };
        },
        dropConnections: restartAll,
      },
    );
  });
}

describe('etcd endpoints that reach no member', () => {
  it('refuse to open, naming the endpoints and what each answered', async () => {
    const opening = EtcdEventStore.connect({ endpoints: ['http://127.0.0.1:1', 'http://127.0.0.1:2'] }, 1_500);
    await expect(opening).rejects.toThrow(/No etcd member answered at http:\/\/127\.0\.0\.1:1, http:\/\/127\.0\.0\.1:2: .*ECONNREFUSED/);
  });
});
