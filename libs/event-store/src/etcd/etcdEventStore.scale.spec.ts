import { randomUUID } from 'node:crypto';
import type { LogPosition, RecordedEvent } from '../eventStore';
import { EtcdEventStore } from './etcdEventStore';
import { EPOCH_REVISIONS } from './etcdLog';
import { LocalEtcdCluster, describeWithEtcd } from './testing/localEtcdCluster';

/**
 * Reading after a position must cost what it returns, not what the log holds: etcd
 * reads a whole key range before it sorts it by revision, so a naive "events after
 * revision R" is as slow as the log is long. Costs are counted in keys etcd sent back
 * (each key it sends is one it read), not in time, so the assertions are exact.
 */
describeWithEtcd('etcd log of 200,000 events', () => {
  const EVENTS = 200_000;
  const PER_APPEND = 50;
  let cluster: LocalEtcdCluster;
  let store: EtcdEventStore;
  let positions: bigint[];
  /** A page after any position reads at most one epoch's index (plus its closing markers) and the page's own appends. */
  const PAGE_BUDGET = EPOCH_REVISIONS * 3 + 100;

  beforeAll(async () => {
    cluster = await LocalEtcdCluster.start({ size: 1, name: 'scale' });
    store = await EtcdEventStore.connect({ endpoints: cluster.endpoints });
    const started = Date.now();
    const appends = EVENTS / PER_APPEND;
    const revisions = new Map<string, bigint>();
    let next = 0;
    // Sixteen writers, each appending to its own streams in turn, as shard writers do.
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < appends) {
          const n = next++;
          const streamId = `scale-${n % 400}`;
          const expected = revisions.get(streamId) ?? 'no_stream';
          const events = Array.from({ length: PER_APPEND }, (_, i) => ({ id: randomUUID(), type: 'Tick', data: { n: n * PER_APPEND + i, pad: 'x'.repeat(120) } }));
          const result = await store.appendToStream(streamId, events, { expectedRevision: expected });
          revisions.set(streamId, result.nextExpectedRevision);
        }
      }),
    );
    console.log(`wrote ${EVENTS.toLocaleString('en-US')} events in ${appends} appends in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, 300_000);

  afterAll(async () => {
    await store?.close();
    await cluster?.stop();
  });

  it('reads the whole log once, in strictly increasing positions', async () => {
    const started = Date.now();
    const before = store.stats();
    const all = await store.readAll();
    const cost = store.stats();
    expect(all).toHaveLength(EVENTS);
    for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
    expect(new Set(all.map((e) => (e.data as { n: number }).n)).size).toBe(EVENTS);
    positions = all.map((e) => e.position);
    // Every append's body once, and every epoch's index a few times at most.
    expect(cost.keys - before.keys).toBeLessThan(EVENTS / PER_APPEND + 4 * (EVENTS / PER_APPEND) + 1_000);
    console.log(`readAll of ${EVENTS.toLocaleString('en-US')} events: ${((Date.now() - started) / 1000).toFixed(1)} s, ${cost.calls - before.calls} calls, ${cost.keys - before.keys} keys`);
  }, 120_000);

  it.each([
    ['the start', () => 'start' as LogPosition],
    ['the middle', () => positions[EVENTS / 2]],
    ['near the end', () => positions[EVENTS - 150]],
  ])('reads a page of 100 after %s for the cost of one epoch, whatever the log holds before or after it', async (_where, from) => {
    const position = from();
    const before = store.stats();
    const page = await store.readAll({ fromPosition: position, maxCount: 100 });
    const keys = store.stats().keys - before.keys;
    const start = position === 'start' ? 0 : positions.indexOf(position) + 1;
    expect(page.map((e) => e.position)).toEqual(positions.slice(start, start + 100));
    expect(keys).toBeLessThan(PAGE_BUDGET);
  });

  it('counts the events after a position, and finds the head, for the cost of the epochs between', async () => {
    const before = store.stats();
    expect(await store.countEventsAfter(positions[EVENTS - 1_000])).toBe(999);
    expect(await store.headPosition()).toBe(positions[EVENTS - 1]);
    expect(store.stats().keys - before.keys).toBeLessThan(PAGE_BUDGET * 4);
    expect(await store.countEventsAfter('start', { cap: 10_000_000 })).toBe(EVENTS);
  });

  it('catches a subscription up from near the end without reading what lies before, then follows new appends', async () => {
    const before = store.stats();
    const subscription = store.subscribeToAll({ fromPosition: positions[EVENTS - 500] });
    const seen: RecordedEvent[] = [];
    const done = (async () => {
      for await (const event of subscription) {
        seen.push(event);
        if (seen.length === 500) break;
      }
    })();
    await subscription.caughtUp;
    const catchUpKeys = store.stats().keys - before.keys;
    await store.appendToStream('scale-after', [{ type: 'Tock', data: {} }], { expectedRevision: 'no_stream' });
    await done;
    expect(seen.slice(0, 499).map((e) => e.position)).toEqual(positions.slice(EVENTS - 499));
    expect(seen[499].type).toBe('Tock');
    expect(catchUpKeys).toBeLessThan(PAGE_BUDGET * 2);
  });
});
