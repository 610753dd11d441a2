import * as grpc from '@grpc/grpc-js';
import { StoreUnavailableError } from '../errors';
import type { AllSubscription, LogPosition, RecordedEvent, SubscribeToAllOptions } from '../eventStore';
import { compileFilter } from '../subscriptionFilter';
import { decodeBatch, splitPosition } from './etcdBatch';
import type { EtcdConnection, EtcdEndpoint } from './etcdConnection';
import { describeError } from './etcdErrors';
import { prefixEnd, type EtcdKeys } from './etcdKeys';
import type { EtcdLog } from './etcdLog';
import { EventType, type WatchRequest, type WatchResponse } from './etcdRpc';

const CATCH_UP_PAGE = 1_000;
/** Events received from a watch and not yet pulled; past this the watch is paused (HTTP/2 flow control holds etcd back). */
const HIGH_WATER = 10_000;
/** A watch that has not answered a progress request for this long is taken for dead and opened again elsewhere. */
const SILENCE_MS = 5_000;
const PROGRESS_EVERY_MS = 2_000;
const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 2_000;

type Wake = () => void;

/**
 * Catch-up, then live: reads the log after the checkpoint in pages (EtcdLog, from a
 * member's own copy), and once a page reaches the end of the log as of revision R it
 * watches the appends from R + 1 — so nothing falls between the two and nothing is
 * seen twice. A watch that breaks (a member killed, cut off or out of history)
 * starts the same way again from the last event delivered.
 */
export class EtcdSubscription implements AllSubscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private after: LogPosition;
  private buffer: RecordedEvent[] = [];
  private bufferIndex = 0;
  private stopped = false;
  /** Set once a catch-up page reached the end of the log: the revision to watch from. */
  private watchFrom: number | undefined;
  private watch: OpenWatch | undefined;
  private wake: Wake | undefined;
  private backoff = MIN_BACKOFF_MS;
  private readonly matches: (event: RecordedEvent) => boolean;
  private readonly streams: ((streamId: string) => boolean) | undefined;

  constructor(
    private readonly log: EtcdLog,
    private readonly connection: EtcdConnection,
    private readonly keys: EtcdKeys,
    private readonly options: SubscribeToAllOptions,
    private readonly onStop: (s: EtcdSubscription) => void,
  ) {
    this.after = options.fromPosition ?? 'start';
    this.matches = compileFilter(options.filter);
    const prefixes = options.filter?.streamPrefixes;
    this.streams = prefixes ? (id) => prefixes.some((p) => id.startsWith(p)) : undefined;
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.stop();
        return { done: true, value: undefined };
      },
    };
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.watch?.close();
    this.watch = undefined;
    this.markCaughtUp();
    this.wake?.();
    this.onStop(this);
  }

  private async next(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.stopped) return { done: true, value: undefined };
      while (this.bufferIndex < this.buffer.length) {
        const event = this.buffer[this.bufferIndex++];
        if (event === CAUGHT_UP_SENTINEL) {
          this.markCaughtUp();
          continue;
        }
        if (this.after !== 'start' && event.position <= this.after) continue;
        this.after = event.position;
        if (this.matches(event)) return { done: false, value: event };
      }
      this.buffer = [];
      this.bufferIndex = 0;
      try {
        if (this.watchFrom === undefined) await this.catchUp();
        else await this.follow();
        this.backoff = MIN_BACKOFF_MS;
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) && !isWatchFailure(error)) throw error;
        // The store is out of reach or the watch broke: start again from the last event delivered.
        this.watch?.close();
        this.watch = undefined;
        this.watchFrom = undefined;
        await this.pause(this.backoff);
        this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private async catchUp(): Promise<void> {
    const { revision, index } = this.after === 'start' ? { revision: 0, index: -1 } : splitPosition(this.after);
    const page = await this.log.readAfter(revision, index, CATCH_UP_PAGE, this.streams);
    this.buffer = page.events;
    if (page.through !== undefined && (this.after === 'start' || page.through > this.after) && page.events.length === 0) this.after = page.through;
    if (page.end) {
      const delivered = page.through === undefined ? 0 : splitPosition(page.through).revision;
      this.watchFrom = Math.max(page.readAt, delivered, revision) + 1;
      // Once these are handed out, everything that existed when we started has been.
      if (page.events.length === 0) this.markCaughtUp();
      else this.buffer.push(CAUGHT_UP_SENTINEL);
    }
  }

  /** Waits for the watch to deliver appends (opening it if needed), then moves them to the buffer. */
  private async follow(): Promise<void> {
    if (!this.watch) this.watch = this.openWatch(this.watchFrom!);
    const watch = this.watch;
    for (;;) {
      if (this.stopped) return;
      if (watch.failure) throw watch.failure;
      const appends = watch.take();
      if (appends.length > 0) {
        for (const kv of appends) {
          const { streamId, first } = this.keys.parseBatch(kv.key);
          this.buffer.push(...decodeBatch(streamId, first, Number(kv.mod_revision), kv.value));
          this.watchFrom = Number(kv.mod_revision) + 1;
        }
        return;
      }
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        watch.onActivity = resolve;
      });
      this.wake = undefined;
    }
  }

  private openWatch(from: number): OpenWatch {
    const endpoint = this.connection.pick('local') ?? this.connection.endpoints[0];
    const single = this.options.filter?.streamPrefixes?.length === 1 ? this.options.filter.streamPrefixes[0] : undefined;
    const [key, end] = single === undefined ? this.keys.allBatches() : watchRange(this.keys.batch(single, 0));
    return new OpenWatch(endpoint, this.connection, key, end, from);
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** Stands in the buffer after the last caught-up event: reaching it resolves `caughtUp`. Its position is never after anything. */
const CAUGHT_UP_SENTINEL = Object.freeze({ position: -1n }) as unknown as RecordedEvent;

class WatchFailure extends Error {
  override readonly name = 'WatchFailure';
}

function isWatchFailure(error: unknown): boolean {
  return error instanceof WatchFailure;
}

/** One gRPC watch stream on one member, with the appends it delivered and not yet taken. */
class OpenWatch {
  failure: WatchFailure | undefined;
  onActivity: (() => void) | undefined;
  private readonly call: grpc.ClientDuplexStream<WatchRequest, WatchResponse>;
  private received: WatchResponse['events'][number]['kv'][] = [];
  private fragments: WatchResponse['events'] = [];
  private lastHeard = Date.now();
  private readonly timer: NodeJS.Timeout;
  private paused = false;

  constructor(
    private readonly endpoint: EtcdEndpoint,
    private readonly connection: EtcdConnection,
    key: Buffer,
    end: Buffer,
    from: number,
  ) {
    const metadata = new grpc.Metadata();
    // A member that loses its leader ends the watch instead of going quiet.
    metadata.set('hasleader', 'true');
    this.call = endpoint.watch.Watch(metadata);
    this.call.on('data', (response: WatchResponse) => this.receive(response));
    this.call.on('error', (error) => this.fail(`the watch on ${endpoint.url} failed: ${describeError(error)}`));
    this.call.on('end', () => this.fail(`the watch on ${endpoint.url} ended`));
    this.call.write({ create_request: { key, range_end: end, start_revision: from, fragment: true } });
    this.timer = setInterval(() => this.checkAlive(), PROGRESS_EVERY_MS);
    this.timer.unref();
  }

  take(): Array<WatchResponse['events'][number]['kv']> {
    const taken = this.received;
    this.received = [];
    if (this.paused) {
      this.paused = false;
      this.call.resume();
    }
    return taken;
  }

  close(): void {
    clearInterval(this.timer);
    this.call.removeAllListeners('data');
    this.call.on('error', () => undefined);
    this.call.cancel();
  }

  private receive(response: WatchResponse): void {
    this.lastHeard = Date.now();
    if (response.canceled) {
      const reason = Number(response.compact_revision) > 0 ? `its start was compacted (history kept from revision ${response.compact_revision})` : response.cancel_reason || 'cancelled by etcd';
      return this.fail(`the watch on ${this.endpoint.url} stopped: ${reason}`);
    }
    if (response.created) this.connection.succeeded(this.endpoint);
    if (response.events.length === 0) return;
    // A large answer comes in fragments; its appends are complete only with the last one.
    this.fragments.push(...response.events);
    if (response.fragment) return;
    for (const event of this.fragments) if (event.type === EventType.PUT) this.received.push(event.kv);
    this.fragments = [];
    if (this.received.length >= HIGH_WATER && !this.paused) {
      this.paused = true;
      this.call.pause();
    }
    this.onActivity?.();
  }

  private checkAlive(): void {
    if (this.failure || this.paused) return;
    if (Date.now() - this.lastHeard > SILENCE_MS) {
      this.connection.failed(this.endpoint, { message: 'watch silent', endpointTrouble: true });
      return this.fail(`the watch on ${this.endpoint.url} went silent for ${SILENCE_MS} ms`);
    }
    this.call.write({ progress_request: {} });
  }

  private fail(message: string): void {
    if (this.failure) return;
    this.failure = new WatchFailure(message);
    clearInterval(this.timer);
    this.onActivity?.();
  }
}

/** The batch keys of every stream whose id starts with a prefix, from the key of that prefix's first batch: cut before its NUL and revision. */
function watchRange(firstBatch: Buffer): [Buffer, Buffer] {
  const base = firstBatch.subarray(0, firstBatch.length - 17);
  return [base, prefixEnd(base)];
}
