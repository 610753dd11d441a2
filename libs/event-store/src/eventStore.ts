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

/** Which adapter a store is. */
export type StoreKind = 'embedded' | 'eventstoredb' | 'etcd';

/**
 * What one append may carry on this store. A writer that batches many commands into
 * one append cuts its batches by these (see `appendSize`); an append beyond them is
 * refused with InvalidAppendError and writes nothing.
 */
/**
 * `current`: the head as the store's majority has it, not as the member that answers does (a
 * member may lag); for whoever must know that a copy is complete. One store reads it the same way.
 */
export interface HeadOptions {
  current?: boolean;
}

export interface StoreLimits {
  /** Most events in one append. */
  maxEventsPerAppend: number;
  /** Most bytes in one append, as `appendSize` counts them (Infinity: no limit). */
  maxAppendBytes: number;
}

/** One member of the cluster that holds the log, as the store sees it right now. */
export interface StoreMember {
  name: string;
  /** Where the store reaches it. */
  endpoint: string;
  /** Whether this member answered the last probe. */
  reachable: boolean;
  leader: boolean;
  /** Why it did not answer, or what it reported wrong. */
  error?: string;
}

/** Who serves the log, for health reports: one file, or a cluster's members and leader. */
export interface StoreDescription {
  kind: StoreKind;
  /** The file of an embedded store. */
  file?: string;
  members?: StoreMember[];
  /** The leader's name, when a member reports one. */
  leader?: string;
}

export interface EventStore {
  /** Which adapter this is, for health reports. */
  readonly kind: StoreKind;

  readonly limits: StoreLimits;

  appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult>;

  /** Events of one stream; a stream that does not exist reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** Events of every stream in global order (system events excluded). */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  subscribeToAll(options?: SubscribeToAllOptions): AllSubscription;

  /** Position of the newest event in the log, or 'start' when the log is empty. */
  headPosition(options?: HeadOptions): Promise<LogPosition>;

  /**
   * How many events the log holds after `position`, up to its head: a count of events
   * whatever the store's positions are (they need not be contiguous). Stops counting
   * at `cap` (default 1,000,000) and answers `cap` then, so its cost stays bounded.
   */
  countEventsAfter(position: LogPosition, options?: { cap?: number }): Promise<number>;

  /** The members serving the log and which one leads, for health reports. */
  describe(): Promise<StoreDescription>;

  /**
   * Until when this store's reads are known to hold every acknowledged write: now for a
   * store in this process; for a cluster, the last moment a member this process can read
   * from was with the majority. A region cut off from the majority goes on serving
   * reads, and their age grows from that moment on.
   */
  readsCurrentAt(): Date;

  /** Throws when the store cannot be reached. */
  ping(): Promise<void>;

  close(): Promise<void>;
}
