import { describeEventStoreContract } from '../contract/eventStore.contract';
import { EtcdEventStore } from './etcdEventStore';
import { LocalEtcdCluster } from './testing/localEtcdCluster';

for (const size of [1, 3]) {
  describe(`etcd cluster of ${size}`, () => {
    let cluster: LocalEtcdCluster;
    beforeAll(async () => {
      cluster = await LocalEtcdCluster.start({ size, name: `contract${size}` });
    }, 60_000);
    afterAll(async () => {
      await cluster?.stop();
    });
    describeEventStoreContract(`etcd, ${size} member${size > 1 ? 's' : ''}`, async () => EtcdEventStore.connect({ endpoints: cluster.endpoints }));
  });
}
