import type { AllSubscription, LogPosition, RecordedEvent, SubscribeToAllOptions } from '../eventStore';
import { compileFilter } from '../subscriptionFilter';

/** What a subscription needs from the store; keeps the two classes from knowing each other's insides. */
export interface SubscriptionSource {
  readAllSync(fromPosition: LogPosition, maxCount: number): RecordedEvent[];
  waitForAppend(wake: () => void): () => void;
}

const PAGE_SIZE = 1_000;

/**
 * Catch-up then live: pages through the log from the checkpoint, and when it has
 * read everything it parks until the store signals a commit. Pull-based, so a slow
 * consumer only ever holds one page in memory.
 */
export class SqliteSubscription implements AllSubscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private position: LogPosition;
  private page: RecordedEvent[] = [];
  private pageIndex = 0;
  private stopped = false;
  private wakeParked: (() => void) | undefined;
  private cancelWait: (() => void) | undefined;
  private readonly matches: (event: RecordedEvent) => boolean;

  constructor(
    private readonly source: SubscriptionSource,
    options: SubscribeToAllOptions,
    private readonly onStop: (s: SqliteSubscription) => void,
  ) {
    this.position = options.fromPosition ?? 'start';
    this.matches = compileFilter(options.filter);
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
    this.cancelWait?.();
    this.wakeParked?.();
    this.markCaughtUp();
    this.onStop(this);
  }

  private async next(): Promise<IteratorResult<RecordedEvent>> {
    for (;;) {
      if (this.stopped) return { done: true, value: undefined };
      while (this.pageIndex < this.page.length) {
        const event = this.page[this.pageIndex++];
        this.position = event.position;
        if (this.matches(event)) return { done: false, value: event };
      }
      this.page = this.source.readAllSync(this.position, PAGE_SIZE);
      this.pageIndex = 0;
      if (this.page.length === 0) {
        this.markCaughtUp();
        await this.park();
      }
    }
  }

  private park(): Promise<void> {
    return new Promise((resolve) => {
      this.wakeParked = () => {
        this.wakeParked = undefined;
        this.cancelWait = undefined;
        resolve();
      };
      this.cancelWait = this.source.waitForAppend(() => this.wakeParked?.());
    });
  }
}
