/**
 * The event-store port. Its semantics follow EventStoreDB's so that the embedded
 * SQLite adapter and the EventStoreDB adapter are both honest implementations:
 * per-stream revisions starting at 0, optimistic concurrency through an expected
 * revision, a global order across all streams, and idempotent retries by event id.
 */

/** What the writer believes about the stream before its append. */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | bigint;

/** An event to append. `id` (a uuid) makes retries idempotent; one is generated when absent. */
export interface EventData<Type extends string = string, Data = unknown> {
  id?: string;
  type: Type;
  data: Data;
  metadata?: Record<string, unknown>;
}

/** An event as the store recorded it. */
export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  streamId: string;
  type: Type;
  data: Data;
  metadata: Record<string, unknown>;
  /** 0 for a stream's first event, then +1 per event. */
  streamRevision: bigint;
  /** Position in the global log; strictly increasing in commit order (not necessarily contiguous). */
  position: bigint;
  created: Date;
}

export interface AppendOptions {
  expectedRevision: ExpectedRevision;
  /**
   * 'durable' (the default): resolves once the append is on stable storage.
   * 'ordered': may resolve once the append has its place in the log, before it is
   * durable. Only for a step that no one is told of except through a later append to
   * the same store, whose durable acknowledgement covers every append ordered before
   * it. The embedded store then answers at its commit instead of after the flush of
   * its WAL; EventStoreDB answers once a quorum has it either way.
   */
  durability?: 'durable' | 'ordered';
}

export interface AppendResult {
  /** The revision of the last event now in the stream: pass it as the next `expectedRevision`. */
  nextExpectedRevision: bigint;
  /** The global position of the last appended event. */
  position: bigint;
}

export interface ReadStreamOptions {
  /** Inclusive. Default: 'start' forwards, 'end' backwards. */
  fromRevision?: bigint | 'start' | 'end';
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

/**
 * A checkpoint in the global log. Reads and subscriptions deliver the events strictly
 * after it, so a projection can store the position of the last event it applied and
 * resume from exactly there.
 */
export type LogPosition = bigint | 'start';

export interface ReadAllOptions {
  fromPosition?: LogPosition;
  maxCount?: number;
}

export interface SubscriptionFilter {
  /** Only events whose stream id starts with one of these prefixes. */
  streamPrefixes?: string[];
  /** Only events of these types. */
  eventTypes?: string[];
}

export interface SubscribeToAllOptions {
  fromPosition?: LogPosition;
  filter?: SubscriptionFilter;
}

/**
 * A catch-up subscription: it delivers every event after `fromPosition` in global
 * order, then stays live. Iterate it with `for await`; the iteration pulls, so a slow
 * consumer holds the subscription back instead of piling events up in memory.
 */
export interface AllSubscription extends AsyncIterable<RecordedEvent> {
  /** Resolves once the subscription has delivered everything that existed when it started. */
  readonly caughtUp: Promise<void>;
  /** Ends the iteration; any pending `next()` resolves as done. */
  stop(): Promise<void>;
}

export interface EventStore {
  /** Which adapter this is, for health reports. */
  readonly kind: 'embedded' | 'eventstoredb';

  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult>;

  /** Events of one stream; a stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of every stream in global order (system events excluded). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /** Position of the newest event in the log, or 'start' when the log is empty. */
  headPosition(): Promise<LogPosition>;

  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
