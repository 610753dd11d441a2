import { assignShards } from '@app/config';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import { WrongExpectedVersionError } from '../errors';
import { StoreRouter, type ClusterStore } from './storeRouter';

/** The festival's shape on three clusters: a meta cluster and two shard groups. */
function festival(): { router: StoreRouter; clusters: ClusterStore[] } {
  const clusters = ['meta', 'g-use', 'g-euw'].map((cluster) => ({ cluster, store: SqliteEventStore.inMemory() }));
  const groups = assignShards(8, [{ cluster: 'g-use', home: 'us-east', weight: 1 }, { cluster: 'g-euw', home: 'eu-west', weight: 1 }]);
  const placement = (streamId: string): string | undefined => {
    const shard = /^inventory-fest-s(\d+)$/.exec(streamId);
    return shard ? groups[Number(shard[1])] : undefined;
  };
  return { router: new StoreRouter(clusters, 'meta', placement), clusters };
}

describe('StoreRouter', () => {
  it("appends each stream to its cluster alone: a show's shards to their groups, the rest to the meta cluster", async () => {
    const { router, clusters } = festival();
    for (const stream of ['inventory-fest-s0', 'inventory-fest-s5', 'catalog-show-fest', 'allowance-fest-c1']) {
      await router.appendToStream(stream, [{ type: 'Happened', data: { stream } }], { expectedRevision: 'no_stream' });
    }
    const streamsIn = async (i: number) => (await clusters[i].store.readAll()).map((e) => e.streamId).sort();
    expect(await streamsIn(0)).toEqual(['allowance-fest-c1', 'catalog-show-fest']);
    expect(await streamsIn(1)).toEqual(['inventory-fest-s0']);
    expect(await streamsIn(2)).toEqual(['inventory-fest-s5']);
    expect((await router.readStream('inventory-fest-s5')).map((e) => e.data)).toEqual([{ stream: 'inventory-fest-s5' }]);
    expect(router.clusters.map((c) => c.cluster)).toEqual(['meta', 'g-use', 'g-euw']);
    await router.close();
  });

  it("keeps each cluster's expected-revision check: a stale writer of a shard is refused by the shard's cluster", async () => {
    const { router } = festival();
    await router.appendToStream('inventory-fest-s6', [{ type: 'A', data: {} }], { expectedRevision: 'no_stream' });
    await expect(router.appendToStream('inventory-fest-s6', [{ type: 'B', data: {} }], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await router.close();
  });

  it('refuses a topology without its meta cluster, and a stream placed in a cluster it does not have', async () => {
    const store = SqliteEventStore.inMemory();
    expect(() => new StoreRouter([{ cluster: 'g1', store }], 'meta', () => undefined)).toThrow('the meta cluster meta is not among the clusters (g1)');
    const router = new StoreRouter([{ cluster: 'meta', store }], 'meta', () => 'g9');
    expect(() => router.clusterOf('inventory-x-s1')).toThrow('placed in cluster g9');
    await router.close();
  });
});
