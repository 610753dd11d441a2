import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../sqlite/sqliteEventStore';
import type { EventStore, RecordedEvent } from '../eventStore';
import { RegionalEventStore } from './regionalEventStore';
import { RegionalLog } from './regionalLog';
import { StoreRouter, type ClusterStore } from './storeRouter';

/** Three clusters (a meta cluster and two groups) as embedded stores, and a region's local log. */
function region(dir: string, clusters: ClusterStore[], localFile = 'regional.db') {
  const placement = (stream: string): string | undefined => (/^inventory-.+-s(\d+)$/.exec(stream) ? (Number(/s(\d+)$/.exec(stream)![1]) % 2 === 0 ? 'g-a' : 'g-b') : undefined);
  const router = new StoreRouter(clusters, 'meta', placement);
  const regional = new RegionalLog(clusters, new SqliteEventStore({ file: join(dir, localFile) }), join(dir, 'regional-checkpoints.json'));
  regional.start();
  return { router, regional, store: new RegionalEventStore(router, regional) };
}

async function all(store: EventStore): Promise<RecordedEvent[]> {
  return store.readAll({ maxCount: 100_000 });
}

describe('the regional log: every cluster copied into one local log, with a checkpoint per cluster', () => {
  let dir: string;
  let clusters: ClusterStore[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'regional-'));
    clusters = ['meta', 'g-a', 'g-b'].map((cluster) => ({ cluster, store: new SqliteEventStore({ file: join(dir, `${cluster}.db`) }) }));
  });
  afterEach(async () => {
    for (const c of clusters) await c.store.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes to each stream's cluster and answers with the position of its copy, which the local log already holds", async () => {
    const { store, regional } = region(dir, clusters);
    const a = await store.appendToStream('inventory-fest-s0', [{ type: 'Held', data: { n: 1 } }], { expectedRevision: 'no_stream' });
    const b = await store.appendToStream('inventory-fest-s1', [{ type: 'Held', data: { n: 2 } }, { type: 'Held', data: { n: 3 } }], { expectedRevision: 'no_stream' });
    const c = await store.appendToStream('catalog-show-fest', [{ type: 'ShowScheduled', data: {} }], { expectedRevision: 'no_stream' });
    const local = await all(store);
    expect(local.map((e) => [e.streamId, e.metadata.$cluster])).toEqual([
      ['inventory-fest-s0', 'g-a'],
      ['inventory-fest-s1', 'g-b'],
      ['inventory-fest-s1', 'g-b'],
      ['catalog-show-fest', 'meta'],
    ]);
    expect([a.position, b.position, c.position]).toEqual([local[0].position, local[2].position, local[3].position]);
    expect((await clusters[2].store.readAll()).map((e) => e.data)).toEqual([{ n: 2 }, { n: 3 }]);
    expect((await store.readStream('inventory-fest-s1')).map((e) => e.streamRevision)).toEqual([0n, 1n]);
    expect(await regional.lagByCluster()).toEqual({ meta: 0, 'g-a': 0, 'g-b': 0 });
    await regional.stop();
    await regional.local.close();
  });

  it("keeps each cluster's order, and copies what other regions wrote (straight to the clusters) as it arrives", async () => {
    const { regional } = region(dir, clusters);
    for (let i = 0; i < 300; i++) {
      const cluster = clusters[i % 3];
      await cluster.store.appendToStream(`stream-${i % 3}-${i % 7}`, [{ type: 'E', data: { i } }], { expectedRevision: 'any' });
    }
    const copied = async () => (await all(regional.local)).length;
    while ((await copied()) < 300) await new Promise((resolve) => setImmediate(resolve));
    const local = await all(regional.local);
    for (const c of clusters) {
      const order = local.filter((e) => e.metadata.$cluster === c.cluster).map((e) => (e.data as { i: number }).i);
      expect(order).toEqual([...order].sort((x, y) => x - y));
      expect(order).toHaveLength(100);
    }
    await regional.stop();
    await regional.local.close();
  });

  it('resumes after a restart from its checkpoints, and copies nothing twice even from an older checkpoint', async () => {
    const first = region(dir, clusters);
    for (let i = 0; i < 40; i++) await first.store.appendToStream(`inventory-fest-s${i % 4}`, [{ type: 'E', data: { i } }], { expectedRevision: 'any' });
    await first.regional.stop();
    await first.regional.local.close();
    // Written while the region was down.
    for (let i = 40; i < 60; i++) await clusters[1 + (i % 2)].store.appendToStream(`inventory-fest-s${i % 4}`, [{ type: 'E', data: { i } }], { expectedRevision: 'any' });
    rmSync(join(dir, 'regional-checkpoints.json')); // as if the checkpoints had never been saved: everything is offered again
    const second = region(dir, clusters);
    await second.store.appendToStream('catalog-x', [{ type: 'E', data: { i: 60 } }], { expectedRevision: 'no_stream' });
    while ((await all(second.regional.local)).length < 61) await new Promise((resolve) => setImmediate(resolve));
    const seen = (await all(second.regional.local)).map((e) => (e.data as { i: number }).i).sort((x, y) => x - y);
    expect(seen).toEqual(Array.from({ length: 61 }, (_, i) => i));
    await second.regional.stop();
    expect(second.regional.checkpoints).toEqual({
      meta: (await clusters[0].store.headPosition()) as bigint,
      'g-a': (await clusters[1].store.headPosition()) as bigint,
      'g-b': (await clusters[2].store.headPosition()) as bigint,
    });
    await second.regional.local.close();
  });
});
