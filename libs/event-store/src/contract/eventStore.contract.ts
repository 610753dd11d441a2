import { randomUUID } from 'node:crypto';
import type { EventData, EventStore, LogPosition, RecordedEvent } from '../eventStore';
import { appendSize } from '../appendRules';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '../errors';

/**
 * What the suite may do to the servers behind a store, where it can: a cluster's
 * spec kills and restarts members; a store whose servers the test does not own says
 * why it cannot, and those cases are reported as skipped with that reason.
 */
export interface ContractFaults {
  /** Takes every server of the store away; `restore` brings them back and gives the store to go on with. */
  outage?: (store: EventStore) => Promise<{ restore(): Promise<EventStore> }>;
  /** Breaks the connections the store holds open (a server restart) and lets it reconnect. */
  dropConnections?: (store: EventStore) => Promise<void>;
  /** Why the missing faults cannot be made for this store. */
  unavailableBecause?: string;
}

/**
 * The behaviour every adapter owes the rest of the system. Each adapter's spec only
 * supplies a factory. Stream names are unique per run so the suite can also run
 * against a shared, non-empty EventStoreDB cluster.
 */
export function describeEventStoreContract(name: string, open: () => Promise<EventStore>, faults: ContractFaults = {}): void {
  describe(`EventStore contract: ${name}`, () => {
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    const stream = (label: string) => `contract_${run}-${label}-${randomUUID().slice(0, 8)}`;
    const event = (type: string, data: unknown = {}): EventData => ({ id: randomUUID(), type, data });

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store.close();
    });

    async function readAllAfter(from: LogPosition, prefix: string): Promise<RecordedEvent[]> {
      const events: RecordedEvent[] = [];
      let position = from;
      for (;;) {
        const page = await store.readAll({ fromPosition: position, maxCount: 500 });
        if (page.length === 0) return events;
        events.push(...page.filter((e) => e.streamId.startsWith(prefix)));
        position = page[page.length - 1].position;
      }
    }

    describe('appending and reading one stream', () => {
      it('creates a stream at revision 0 and reads back what was written', async () => {
        const s = stream('basic');
        const result = await store.appendToStream(
          s,
          [{ id: randomUUID(), type: 'SeatsHeld', data: { seats: ['A-1-1'], n: 1 }, metadata: { causation: 'x' } }],
          { expectedRevision: 'no_stream' },
        );
        expect(result.nextExpectedRevision).toBe(0n);
        expect(typeof result.position).toBe('bigint');
        const [read] = await store.readStream(s);
        expect(read).toMatchObject({ streamId: s, type: 'SeatsHeld', data: { seats: ['A-1-1'], n: 1 }, streamRevision: 0n });
        expect(read.metadata).toMatchObject({ causation: 'x' });
        expect(read.created).toBeInstanceOf(Date);
        expect(Math.abs(read.created.getTime() - Date.now())).toBeLessThan(60_000);
        expect(read.position).toBe(result.position);
      });

      it('generates a uuid for an event without an id', async () => {
        const s = stream('noid');
        await store.appendToStream(s, [{ type: 'Anything', data: {} }], { expectedRevision: 'no_stream' });
        const [read] = await store.readStream(s);
        expect(read.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      });

      it('reads a missing stream as empty', async () => {
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('appends several events at consecutive bigint revisions', async () => {
        const s = stream('many');
        const first = await store.appendToStream(s, [event('A'), event('B'), event('C')], { expectedRevision: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(2n);
        const second = await store.appendToStream(s, [event('D')], { expectedRevision: 2n });
        expect(second.nextExpectedRevision).toBe(3n);
        expect(second.position > first.position).toBe(true);
        const read = await store.readStream(s);
        expect(read.map((e) => e.type)).toEqual(['A', 'B', 'C', 'D']);
        expect(read.map((e) => e.streamRevision)).toEqual([0n, 1n, 2n, 3n]);
      });

      it('reads from a revision, backwards, and with a max count', async () => {
        const s = stream('paging');
        await store.appendToStream(s, Array.from({ length: 10 }, (_, i) => event(`E${i}`)), { expectedRevision: 'no_stream' });
        expect((await store.readStream(s, { fromRevision: 7n })).map((e) => e.type)).toEqual(['E7', 'E8', 'E9']);
        expect((await store.readStream(s, { direction: 'backwards', maxCount: 2 })).map((e) => e.type)).toEqual(['E9', 'E8']);
        expect((await store.readStream(s, { direction: 'backwards', fromRevision: 1n })).map((e) => e.type)).toEqual(['E1', 'E0']);
        expect((await store.readStream(s, { fromRevision: 'start', maxCount: 3 })).map((e) => e.type)).toEqual(['E0', 'E1', 'E2']);
      });
    });

    describe('optimistic concurrency', () => {
      it('rejects a stale expected revision with the actual one', async () => {
        const s = stream('stale');
        await store.appendToStream(s, [event('A'), event('B')], { expectedRevision: 'no_stream' });
        const error = await store.appendToStream(s, [event('C')], { expectedRevision: 0n }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedVersionError);
        expect(error).toMatchObject({ stream: s, expected: 0n, actual: 1n });
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it("rejects 'no_stream' when the stream exists and 'stream_exists' when it does not", async () => {
        const s = stream('exists');
        await store.appendToStream(s, [event('A')], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(s, [event('B')], { expectedRevision: 'no_stream' })).rejects.toMatchObject({
          actual: 0n,
        });
        const missing = stream('absent');
        await expect(store.appendToStream(missing, [event('B')], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
          name: 'WrongExpectedVersionError',
          actual: 'no_stream',
        });
        await store.appendToStream(s, [event('C')], { expectedRevision: 'stream_exists' });
        await store.appendToStream(s, [event('D')], { expectedRevision: 'any' });
        expect((await store.readStream(s)).map((e) => e.type)).toEqual(['A', 'C', 'D']);
      });

      it('lets exactly one of many concurrent writers at the same revision win, and the others fail alone', async () => {
        const s = stream('race');
        await store.appendToStream(s, [event('Created')], { expectedRevision: 'no_stream' });
        const bystander = stream('bystander');
        const attempts = Array.from({ length: 25 }, (_, i) =>
          store.appendToStream(s, [event('Won', { writer: i })], { expectedRevision: 0n }),
        );
        const other = store.appendToStream(bystander, [event('Unrelated')], { expectedRevision: 'no_stream' });
        const results = await Promise.allSettled(attempts);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(24);
        for (const r of lost) expect(r.reason).toBeInstanceOf(WrongExpectedVersionError);
        await expect(other).resolves.toMatchObject({ nextExpectedRevision: 0n });
        expect(await store.readStream(s)).toHaveLength(2);
      });
    });

    describe('idempotent retries', () => {
      it('answers a retry of the same events at the same expected revision with the first result', async () => {
        const s = stream('retry');
        const events = [event('A'), event('B')];
        const first = await store.appendToStream(s, events, { expectedRevision: 'no_stream' });
        const again = await store.appendToStream(s, events, { expectedRevision: 'no_stream' });
        expect(again.nextExpectedRevision).toBe(first.nextExpectedRevision);
        expect(await store.readStream(s)).toHaveLength(2);
      });

      it('stays idempotent when later events were appended after the original', async () => {
        const s = stream('retry-later');
        await store.appendToStream(s, [event('Start')], { expectedRevision: 'no_stream' });
        const hold = [event('Held')];
        await store.appendToStream(s, hold, { expectedRevision: 0n });
        await store.appendToStream(s, [event('Other')], { expectedRevision: 1n });
        const retry = await store.appendToStream(s, hold, { expectedRevision: 0n });
        expect(retry.nextExpectedRevision).toBe(1n);
        expect((await store.readStream(s)).map((e) => e.type)).toEqual(['Start', 'Held', 'Other']);
      });

      it("dedupes a retry with 'any' of the latest append", async () => {
        const s = stream('retry-any');
        const events = [event('A')];
        await store.appendToStream(s, events, { expectedRevision: 'any' });
        await store.appendToStream(s, events, { expectedRevision: 'any' });
        expect(await store.readStream(s)).toHaveLength(1);
      });

      it('still rejects different events at a stale revision', async () => {
        const s = stream('retry-different');
        await store.appendToStream(s, [event('A')], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(s, [event('A')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
      });
    });

    describe('the global log', () => {
      it('orders events of all streams by commit, with strictly increasing positions', async () => {
        const before = await store.headPosition();
        const prefix = `contract_${run}-order-`;
        const a = `${prefix}a`;
        const b = `${prefix}b`;
        await store.appendToStream(a, [event('A0')], { expectedRevision: 'no_stream' });
        await store.appendToStream(b, [event('B0'), event('B1')], { expectedRevision: 'no_stream' });
        await store.appendToStream(a, [event('A1')], { expectedRevision: 0n });
        const all = await readAllAfter(before, prefix);
        expect(all.map((e) => e.type)).toEqual(['A0', 'B0', 'B1', 'A1']);
        for (let i = 1; i < all.length; i++) expect(all[i].position > all[i - 1].position).toBe(true);
        const head = await store.headPosition();
        expect(head).toBe(all[all.length - 1].position);
      });

      it('reads the head as the majority has it when asked for the current one', async () => {
        const s = stream('current-head');
        const appended = await store.appendToStream(s, [{ type: 'A', data: {} }], { expectedRevision: 'no_stream' });
        expect(await store.headPosition({ current: true })).toBe(appended.position);
      });

      it('reads after a checkpoint, exclusive', async () => {
        const before = await store.headPosition();
        const s = stream('checkpoint');
        await store.appendToStream(s, [event('X'), event('Y'), event('Z')], { expectedRevision: 'no_stream' });
        const mine = (await readAllAfter(before, s)).map((e) => e.position);
        const afterFirst = await readAllAfter(mine[0], s);
        expect(afterFirst.map((e) => e.type)).toEqual(['Y', 'Z']);
      });
    });

    describe('subscribeToAll', () => {
      it('catches up, then stays live, then stops cleanly', async () => {
        const from = await store.headPosition();
        const s = stream('sub');
        await store.appendToStream(s, [event('Old1'), event('Old2')], { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [s] } });
        const seen: string[] = [];
        const done = (async () => {
          for await (const e of subscription) {
            seen.push(e.type);
            if (seen.length === 4) break;
          }
        })();
        await subscription.caughtUp;
        await store.appendToStream(s, [event('New1')], { expectedRevision: 1n });
        await store.appendToStream(s, [event('New2')], { expectedRevision: 2n });
        await done;
        expect(seen).toEqual(['Old1', 'Old2', 'New1', 'New2']);
        await subscription.stop();
      });

      it('resumes from a checkpoint without repeating or skipping', async () => {
        const from = await store.headPosition();
        const s = stream('resume');
        await store.appendToStream(s, [event('One'), event('Two'), event('Three')], { expectedRevision: 'no_stream' });
        const [first] = await store.readStream(s);
        const subscription = store.subscribeToAll({ fromPosition: first.position, filter: { streamPrefixes: [s] } });
        const seen: string[] = [];
        for await (const e of subscription) {
          seen.push(e.type);
          if (seen.length === 2) break;
        }
        expect(seen).toEqual(['Two', 'Three']);
        expect(from).toBeDefined();
      });

      it('filters by event type', async () => {
        const from = await store.headPosition();
        const s = stream('types');
        await store.appendToStream(s, [event('Keep'), event('Drop'), event('Keep')], { expectedRevision: 'no_stream' });
        const subscription = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [s], eventTypes: ['Keep'] } });
        const seen: bigint[] = [];
        for await (const e of subscription) {
          seen.push(e.streamRevision);
          if (seen.length === 2) break;
        }
        expect(seen).toEqual([0n, 2n]);
      });

      it('ends a pending iteration when stopped while waiting for events', async () => {
        const subscription = store.subscribeToAll({ fromPosition: await store.headPosition(), filter: { streamPrefixes: [stream('idle')] } });
        const iterator = subscription[Symbol.asyncIterator]();
        const pending = iterator.next();
        await subscription.caughtUp;
        await subscription.stop();
        await expect(pending).resolves.toMatchObject({ done: true });
      });
    });

    describe('appends at the edge', () => {
      it("gives a multi-event append the position of its last event", async () => {
        const s = stream('multi-position');
        const result = await store.appendToStream(s, [event('A'), event('B'), event('C')], { expectedRevision: 'no_stream' });
        const read = await store.readStream(s);
        expect(result.position).toBe(read[2].position);
        expect(read[0].position < read[1].position && read[1].position < read[2].position).toBe(true);
      });

      it('takes an append of as many events as the store allows, and refuses one more without writing anything', async () => {
        const max = store.limits.maxEventsPerAppend;
        const full = stream('count-full');
        await store.appendToStream(full, Array.from({ length: max }, (_, i) => event('Tick', { i })), { expectedRevision: 'no_stream' });
        expect(await store.readStream(full)).toHaveLength(max);
        const over = stream('count-over');
        await expect(store.appendToStream(over, Array.from({ length: max + 1 }, (_, i) => event('Tick', { i })), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(over)).toEqual([]);
      });

      it('takes an append just under its byte limit and refuses one just over it, writing nothing', async () => {
        const limit = store.limits.maxAppendBytes;
        // A store without a byte limit has nothing to refuse; it must still take a large append.
        const target = Number.isFinite(limit) ? limit : 1_000_000;
        const count = Math.min(store.limits.maxEventsPerAppend, 50);
        const sized = (bytes: number): EventData[] => {
          const events = Array.from({ length: count }, () => ({ id: randomUUID(), type: 'Blob', data: { text: '' }, metadata: { by: 'contract' } }));
          const base = appendSize(events);
          const each = Math.floor((bytes - base) / count);
          for (const e of events) e.data.text = 'x'.repeat(each);
          events[0].data.text += 'x'.repeat(bytes - appendSize(events));
          expect(appendSize(events)).toBe(bytes);
          return events;
        };
        const under = stream('bytes-under');
        await store.appendToStream(under, sized(target), { expectedRevision: 'no_stream' });
        const read = await store.readStream(under);
        expect(read).toHaveLength(count);
        expect(appendSize(read.map((e) => ({ id: e.id, type: e.type, data: e.data, metadata: e.metadata })))).toBe(target);
        if (!Number.isFinite(limit)) return;
        const over = stream('bytes-over');
        await expect(store.appendToStream(over, sized(target + 1), { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(InvalidAppendError);
        expect(await store.readStream(over)).toEqual([]);
      });

      it('writes a retry that races its original once, and answers both alike', async () => {
        const s = stream('race-retry');
        await store.appendToStream(s, [event('Start')], { expectedRevision: 'no_stream' });
        const events = [event('Held'), event('Held')];
        const [first, second] = await Promise.all([
          store.appendToStream(s, events, { expectedRevision: 0n }),
          store.appendToStream(s, events, { expectedRevision: 0n }),
        ]);
        expect(second).toEqual(first);
        expect((await store.readStream(s)).map((e) => e.type)).toEqual(['Start', 'Held', 'Held']);
      });
    });

    describe('when its servers fail', () => {
      if (!faults.outage || !faults.dropConnections) {
        const reason = faults.unavailableBecause ?? 'this store has no servers the test can stop';
        it.skip(`SKIPPED for ${name}: ${reason}`, () => undefined);
        if (!faults.outage && !faults.dropConnections) return;
      }

      if (faults.outage) {
        it('fails reads and writes with StoreUnavailableError while the servers are gone, and takes the same append once they are back', async () => {
          const s = stream('outage');
          await store.appendToStream(s, [event('Before')], { expectedRevision: 'no_stream' });
          const outage = await faults.outage!(store);
          const events = [event('During')];
          let restored = false;
          try {
            await expect(store.appendToStream(s, events, { expectedRevision: 0n })).rejects.toBeInstanceOf(StoreUnavailableError);
            await expect(store.readStream(s)).rejects.toBeInstanceOf(StoreUnavailableError);
            await expect(store.ping()).rejects.toBeInstanceOf(StoreUnavailableError);
            store = await outage.restore();
            restored = true;
          } finally {
            if (!restored) store = await outage.restore();
          }
          // Whether or not the failed attempt landed, its retry is written exactly once.
          await store.appendToStream(s, events, { expectedRevision: 0n });
          expect((await store.readStream(s)).map((e) => e.type)).toEqual(['Before', 'During']);
        });
      }

      if (faults.dropConnections) {
        it('keeps a subscription going across dropped connections, with no gap and no duplicate', async () => {
          const from = await store.headPosition();
          const s = stream('dropped');
          const subscription = store.subscribeToAll({ fromPosition: from, filter: { streamPrefixes: [s] } });
          const seen: string[] = [];
          const done = (async () => {
            for await (const e of subscription) {
              seen.push(e.type);
              if (seen.length === 6) break;
            }
          })();
          await store.appendToStream(s, [event('One'), event('Two')], { expectedRevision: 'no_stream' });
          await subscription.caughtUp;
          await store.appendToStream(s, [event('Three')], { expectedRevision: 1n });
          await faults.dropConnections!(store);
          await store.appendToStream(s, [event('Four'), event('Five')], { expectedRevision: 2n });
          await faults.dropConnections!(store);
          await store.appendToStream(s, [event('Six')], { expectedRevision: 4n });
          await done;
          expect(seen).toEqual(['One', 'Two', 'Three', 'Four', 'Five', 'Six']);
          await subscription.stop();
        });
      }
    });

    describe('scale', () => {
      it('keeps a big stream in order and reads its tail by revision', async () => {
        const s = stream('big');
        // As big as this store takes in one append, up to 500 events.
        const perAppend = Math.min(500, store.limits.maxEventsPerAppend);
        const total = perAppend * 10;
        let expected: bigint | 'no_stream' = 'no_stream';
        for (let batch = 0; batch < 10; batch++) {
          const events = Array.from({ length: perAppend }, (_, i) => event('Tick', { n: batch * perAppend + i }));
          expected = (await store.appendToStream(s, events, { expectedRevision: expected })).nextExpectedRevision;
        }
        expect(expected).toBe(BigInt(total - 1));
        const tail = await store.readStream(s, { fromRevision: BigInt(total - 10) });
        expect(tail.map((e) => (e.data as { n: number }).n)).toEqual(Array.from({ length: 10 }, (_, i) => total - 10 + i));
        const all = await store.readStream(s);
        expect(all).toHaveLength(total);
        expect(all.every((e, i) => e.streamRevision === BigInt(i))).toBe(true);
        const backwards = await store.readStream(s, { direction: 'backwards', fromRevision: BigInt(perAppend + 2), maxCount: 5 });
        expect(backwards.map((e) => e.streamRevision)).toEqual([2, 1, 0, -1, -2].map((d) => BigInt(perAppend + d)));
      });

      it('takes concurrent appends to many streams', async () => {
        const before = await store.headPosition();
        const prefix = `contract_${run}-fanout-`;
        const names = Array.from({ length: 500 }, (_, i) => `${prefix}${i}`);
        await Promise.all(names.map((n) => store.appendToStream(n, [event('Opened', { n })], { expectedRevision: 'no_stream' })));
        const all = await readAllAfter(before, prefix);
        expect(new Set(all.map((e) => e.streamId)).size).toBe(500);
      });

      it('accepts bigint revisions past 2^31 as expected revisions in errors', async () => {
        const s = stream('bigint');
        await store.appendToStream(s, [event('A')], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(s, [event('B')], { expectedRevision: 2n ** 40n })).rejects.toMatchObject({
          expected: 2n ** 40n,
          actual: 0n,
        });
      });
    });
  });
}
