import {
  StoreUnavailableError,
  type AllSubscription,
  type AppendOptions,
  type AppendResult,
  type EventData,
  type EventStore,
  type LogPosition,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
} from '@app/event-store';

export interface WriteTrouble {
  since: string;
  lastAt: string;
  message: string;
  failures: number;
}

/**
 * The configured store, with a memory of whether its last write failed for lack of the
 * store (disk full, file unwritable, cluster unreachable). Health reports it; the first
 * append that succeeds afterwards clears it, so recovery needs no restart or operator.
 */
export class WatchedEventStore implements EventStore {
  private trouble: WriteTrouble | undefined;

  constructor(private readonly inner: EventStore) {}

  get kind(): EventStore['kind'] {
    return this.inner.kind;
  }

  /** Undefined while writes go through. */
  get writeTrouble(): WriteTrouble | undefined {
    return this.trouble;
  }

  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    return this.inner.appendToStream(streamId, events, options).then(
      (result) => {
        this.trouble = undefined;
        return result;
      },
      (error: unknown) => {
        if (error instanceof StoreUnavailableError) this.noteTrouble(error);
        throw error;
      },
    );
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.inner.readAll(options);
  }

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription {
    return this.inner.subscribeToAll(options);
  }

  headPosition(): Promise<LogPosition> {
    return this.inner.headPosition();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private noteTrouble(error: StoreUnavailableError): void {
    const now = new Date().toISOString();
    // The store's own message names the cause (e.g. "disk I/O error", "database or disk is full").
    const message = error.message.slice(0, 300);
    this.trouble = this.trouble ? { ...this.trouble, lastAt: now, message, failures: this.trouble.failures + 1 } : { since: now, lastAt: now, message, failures: 1 };
  }
}
