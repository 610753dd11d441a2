import type { AllSubscription, AppendOptions, HeadOptions, AppendResult, EventData, EventStore, LogPosition, ReadAllOptions, ReadStreamOptions, RecordedEvent, StoreDescription, StoreKind, StoreLimits, SubscribeToAllOptions } from '@app/event-store';
import type { Metrics } from './metrics';

/** The event store with its appends timed into the metrics, under the cluster's name; everything else passes through. */
export class MeasuredEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly metrics: Metrics,
    private readonly cluster: string,
  ) {}

  get kind(): StoreKind {
    return this.inner.kind;
  }

  get limits(): StoreLimits {
    return this.inner.limits;
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    const started = performance.now();
    const result = await this.inner.appendToStream(streamId, events, options);
    this.metrics.appendSeconds.observe({ cluster: this.cluster }, (performance.now() - started) / 1_000);
    return result;
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

  headPosition(options?: HeadOptions): Promise<LogPosition> {
    return this.inner.headPosition(options);
  }

  countEventsAfter(position: LogPosition, options?: { cap?: number }): Promise<number> {
    return this.inner.countEventsAfter(position, options);
  }

  describe(): Promise<StoreDescription> {
    return this.inner.describe();
  }

  readsCurrentAt(): Date {
    return this.inner.readsCurrentAt();
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
