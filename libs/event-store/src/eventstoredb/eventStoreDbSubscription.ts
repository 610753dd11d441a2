import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import type { AllSubscription, LogPosition, RecordedEvent } from '../eventStore';
import { noop, settleWithin } from './eventStoreDbDeadlines';
import { describeFailure, isPermanent } from './eventStoreDbErrors';
import { commitOf, isAfter, toUserEvent } from './eventStoreDbMapping';

/** Structural, so Nest's Logger fits without this library importing Nest (whose ESM build jest cannot load). */
export interface WarningLogger {
  warn(message: string): void;
}

const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;
/** Unsubscribing waits for the client's gRPC call to exist; never let stop() hang on a connection that is still being set up. */
const UNSUBSCRIBE_GRACE_MS = 1_000;

/** Pushed into the client's stream in place of its caught-up signal, so the signal keeps its place among the events. */
const CAUGHT_UP = Object.freeze({ caughtUp: true as const });
type Delivery = AllStreamResolvedEvent | typeof CAUGHT_UP;

function isCaughtUpMarker(item: Delivery): item is typeof CAUGHT_UP {
  return item === CAUGHT_UP;
}

/**
 * Pulls from one client subscription with read() instead of its async iterator: the
 * client reports failures with a bare 'error' event that does not destroy the stream,
 * and we want every buffered event delivered before the failure is acted on.
 */
class ClientSubscriptionReader {
  private failure: Error | undefined;
  private ended = false;
  private closed = false;
  private signalled = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly subscription: AllStreamSubscription,
    onCaughtUpWithNothingPending: () => void,
  ) {
    subscription.on('caughtUp', () => {
      if (this.closed) return;
      // Nothing buffered means every earlier event was already handed out: no need to wait for a pull.
      if (subscription.readableLength === 0) onCaughtUpWithNothingPending();
      subscription.push(CAUGHT_UP);
    });
    subscription.on('error', (error) => {
      this.failure ??= error;
      this.notify();
    });
    subscription.on('end', () => this.finish());
    subscription.on('close', () => this.finish());
    subscription.on('readable', () => this.notify());
  }

  /** The next event or caught-up marker; undefined once the stream ended or was closed; throws what broke it. */
  async next(): Promise<Delivery | undefined> {
    for (;;) {
      if (this.closed) return undefined;
      const item = this.subscription.read() as Delivery | null;
      if (item !== null) return item;
      if (this.failure) throw this.failure;
      if (this.ended) return undefined;
      await this.nextSignal();
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notify();
    await settleWithin(this.subscription.unsubscribe(), UNSUBSCRIBE_GRACE_MS);
    this.subscription.destroy();
  }

  private finish(): void {
    this.ended = true;
    this.notify();
  }

  private notify(): void {
    this.signalled = true;
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  private async nextSignal(): Promise<void> {
    if (!this.signalled) await new Promise<void>((resolve) => (this.wake = resolve));
    this.signalled = false;
  }
}

export interface SubscriptionPlan {
  from: LogPosition;
  open: (after: LogPosition) => AllStreamSubscription;
  accepts: (event: RecordedEvent) => boolean;
  logger: WarningLogger;
  onStop: (subscription: EventStoreDbAllSubscription) => void;
}

/**
 * A catch-up subscription that survives dropped connections: it remembers the position
 * of the last record it received and resubscribes after it, so nothing repeats and
 * nothing is skipped. Pull-based end to end: the client buffers at most its stream's
 * high-water mark, and gRPC flow control holds the server back beyond that.
 */
export class EventStoreDbAllSubscription implements AllSubscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private failCaughtUp!: (error: unknown) => void;
  private after: LogPosition;
  private reader: ClientSubscriptionReader | undefined;
  private stopped = false;
  private progressed = false;
  private wakeFromPause: (() => void) | undefined;
  private readonly events: AsyncGenerator<RecordedEvent>;

  constructor(private readonly plan: SubscriptionPlan) {
    this.after = plan.from;
    this.caughtUp = new Promise<void>((resolve, reject) => {
      this.markCaughtUp = resolve;
      this.failCaughtUp = reject;
    });
    // A failure nobody awaits must not become an unhandled rejection.
    this.caughtUp.catch(noop);
    // Subscribing now rather than on the first pull lets caughtUp resolve for a caller that awaits it before iterating.
    this.reader = this.connect();
    this.events = this.run();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return this.events;
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    // Nothing more will be delivered; whoever waits for the catch-up must not wait forever.
    this.markCaughtUp();
    this.wakeFromPause?.();
    const reader = this.reader;
    this.reader = undefined;
    this.plan.onStop(this);
    await reader?.close();
  }

  private connect(): ClientSubscriptionReader {
    // setImmediate: the event handed out just before the signal reaches its consumer first.
    return new ClientSubscriptionReader(this.plan.open(this.after), () => setImmediate(this.markCaughtUp));
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    let backoff = MIN_BACKOFF_MS;
    try {
      while (!this.stopped) {
        const reader = this.reader ?? (this.reader = this.connect());
        this.progressed = false;
        const failure: unknown = yield* this.drain(reader);
        this.reader = undefined;
        await reader.close();
        if (this.stopped) return;
        if (isPermanent(failure)) {
          this.failCaughtUp(failure);
          throw failure;
        }
        if (this.progressed) backoff = MIN_BACKOFF_MS;
        this.plan.logger.warn(
          `Subscription to $all dropped (${describeFailure(failure)}); resubscribing after ${String(this.after)} in ${backoff} ms`,
        );
        await this.pause(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    } finally {
      await this.stop();
    }
  }

  /** Delivers what one client subscription yields; returns why it ended (undefined when it ended cleanly). */
  private async *drain(reader: ClientSubscriptionReader): AsyncGenerator<RecordedEvent, unknown> {
    try {
      for (let item = await reader.next(); item !== undefined; item = await reader.next()) {
        const event = this.admit(item);
        if (event) yield event;
      }
      return undefined;
    } catch (error) {
      return error;
    }
  }

  /** Advances the resume point past every record seen, delivered or filtered out, so a resubscription never repeats one. */
  private admit(item: Delivery): RecordedEvent | undefined {
    this.progressed = true;
    if (isCaughtUpMarker(item)) {
      this.markCaughtUp();
      return undefined;
    }
    const position = commitOf(item);
    if (position === undefined || !isAfter(position, this.after)) return undefined;
    this.after = position;
    const event = toUserEvent(item);
    return event && this.plan.accepts(event) ? event : undefined;
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wakeFromPause = undefined;
        resolve();
      }, ms);
      this.wakeFromPause = () => {
        clearTimeout(timer);
        this.wakeFromPause = undefined;
        resolve();
      };
    });
  }
}
