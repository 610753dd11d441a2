import { randomUUID } from 'node:crypto';
import {
  ANY,
  BACKWARDS,
  END,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  EventStoreDBClient,
  InvalidArgumentError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  UnsupportedError,
  WrongExpectedVersionError as ClientWrongExpectedVersionError,
  convertToCommandError,
  eventTypeFilter,
  excludeSystemEvents,
  jsonEvent,
  streamNameFilter,
  type AllStreamResolvedEvent,
  type AllStreamSubscription,
  type AppendExpectedRevision,
  type Direction,
  type Filter,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '../errors';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  ExpectedRevision,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeToAllOptions,
  SubscriptionFilter,
} from '../eventStore';

/** Structural, so Nest's Logger fits without this library importing Nest (whose ESM build jest cannot load). */
export interface WarningLogger {
  warn(message: string): void;
}

export interface EventStoreDbOptions {
  /**
   * How long one call may take (appends), or how long a read may go without a single
   * answer from the server, before it fails with StoreUnavailableError. Default 10 s.
   */
  deadlineMs?: number;
  /** Where dropped subscriptions are reported. Default: console. */
  logger?: WarningLogger;
}

const DEFAULT_DEADLINE_MS = 10_000;
/** A health probe should answer quickly, whatever the deadline for real work is. */
const PING_TIMEOUT_CAP_MS = 3_000;
/** Our own guard fires this long after the server-side deadline, so the server's more precise error usually wins. */
const GUARD_SLACK_MS = 1_000;
const READ_ALL_PAGE = 1_000;
/** The newest records of the log are often system events; scanning back in small pages finds the newest user event cheaply. */
const HEAD_SCAN_PAGE = 20;
const MIN_BACKOFF_MS = 100;
const MAX_BACKOFF_MS = 5_000;
/** Unsubscribing waits for the client's gRPC call to exist; never let stop() hang on a connection that is still being set up. */
const UNSUBSCRIBE_GRACE_MS = 1_000;
/** Same limit as the embedded adapter, so both accept exactly the same appends. */
const MAX_STREAM_ID_LENGTH = 500;
/** gRPC INVALID_ARGUMENT: the client leaves it as an UnknownError, but it means the request itself was bad. */
const GRPC_INVALID_ARGUMENT = 3;
/** Servers before 22.6 send this instead of a position when reading a single stream. */
const NO_POSITION = 2n ** 64n - 1n;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noop = (): void => undefined;

/**
 * The EventStoreDB adapter. Every call requires the leader: the rest of the system reads
 * its own writes (read a stream, decide, append at its revision), which a lagging
 * follower would break.
 *
 * Positions: every gRPC append is committed implicitly, so each event's commit position
 * is its own log position and is unique and strictly increasing. That is why the commit
 * position alone is our LogPosition, and why `{ commit: p, prepare: p }` addresses event p.
 * (Events written by explicit TCP-API transactions would share a commit position; this
 * system never writes them.)
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  private readonly subscriptions = new Set<EventStoreDbAllSubscription>();
  private readonly logger: WarningLogger;
  private readonly deadlineMs: number;

  constructor(
    private readonly client: EventStoreDBClient,
    options: EventStoreDbOptions = {},
  ) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.logger = options.logger ?? console;
  }

  /** Connecting is lazy in the client: this never throws for an unreachable server, only for a malformed string. */
  static connect(connectionString: string, options: EventStoreDbOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), options);
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    const invalid = validateAppend(streamId, events);
    if (invalid) throw new InvalidAppendError(invalid);
    const expected = options.expectedRevision;
    try {
      const result = await withTimeout(
        this.client.appendToStream(streamId, events.map(toProposedEvent), {
          expectedRevision: toClientExpectedRevision(expected),
          requiresLeader: true,
          deadline: this.deadlineMs,
        }),
        this.deadlineMs + GUARD_SLACK_MS,
        `an append to ${streamId}`,
      );
      const position = result.position?.commit ?? (await this.positionOfRevision(streamId, result.nextExpectedRevision));
      return { nextExpectedRevision: result.nextExpectedRevision, position };
    } catch (error) {
      throw toAppendError(error, streamId, expected);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    const maxCount = normalizeMaxCount(options.maxCount);
    if (maxCount === 0) return [];
    try {
      const read = this.client.readStream(streamId, {
        direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
        fromRevision: toReadRevision(options.fromRevision, direction),
        maxCount,
        requiresLeader: true,
      });
      const resolved = await collect(read, this.deadlineMs, `a read of ${streamId}`);
      return resolved.flatMap((r) => toStreamEvent(r) ?? []);
    } catch (error) {
      // The port has no deletion; a stream deleted by an operator simply no longer exists.
      if (error instanceof StreamNotFoundError || error instanceof StreamDeletedError) return [];
      throw toStoreError(error, `a read of ${streamId}`);
    }
  }

  /** Pages through $all because system events and the inclusive start record are dropped after the server counted them. */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = normalizeMaxCount(options.maxCount) ?? Number.POSITIVE_INFINITY;
    const events: RecordedEvent[] = [];
    let after: LogPosition = options.fromPosition ?? 'start';
    while (events.length < limit) {
      // One more than needed: the record at `after` itself comes back and is dropped.
      const pageSize = Math.min(limit - events.length + 1, READ_ALL_PAGE);
      const page = await this.readAllRaw(FORWARDS, toReadPosition(after), pageSize);
      events.push(...userEventsAfter(page, after).slice(0, limit - events.length));
      const last = lastCommit(page);
      if (page.length < pageSize || last === undefined || !isAfter(last, after)) break;
      after = last;
    }
    return events;
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): AllSubscription {
    const filter = toServerFilter(options.filter);
    const subscription = new EventStoreDbAllSubscription({
      from: options.fromPosition ?? 'start',
      open: (after) => this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter, requiresLeader: true }),
      accepts: toClientPredicate(options.filter),
      logger: this.logger,
      onStop: (s) => this.subscriptions.delete(s),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async headPosition(): Promise<LogPosition> {
    let before: ReadPosition = END;
    for (;;) {
      const page = await this.readAllRaw(BACKWARDS, before, HEAD_SCAN_PAGE);
      const newest = page.map(toUserEvent).find((e) => e !== undefined);
      if (newest) return newest.position;
      const oldest = lastCommit(page);
      if (page.length < HEAD_SCAN_PAGE || oldest === undefined) return 'start';
      // Reading backwards from an event's own position returns only what precedes it.
      before = atPosition(oldest);
    }
  }

  async ping(): Promise<void> {
    await this.readAllRaw(BACKWARDS, END, 1, Math.min(this.deadlineMs, PING_TIMEOUT_CAP_MS));
  }

  /** Stops our subscriptions first: disposing the client cancels their calls silently, which would leave iterations hanging. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.client.dispose();
  }

  private async readAllRaw(
    direction: Direction,
    fromPosition: ReadPosition,
    maxCount: number,
    idleMs = this.deadlineMs,
  ): Promise<AllStreamResolvedEvent[]> {
    try {
      const read = this.client.readAll({ direction, fromPosition, maxCount, requiresLeader: true });
      return await collect(read, idleMs, 'a read of $all');
    } catch (error) {
      throw toStoreError(error, 'a read of $all');
    }
  }

  /**
   * The server omits the position when it recognised the append as a retry of events it
   * already has; the port still owes the caller one, so look the event up.
   */
  private async positionOfRevision(streamId: string, revision: bigint): Promise<bigint> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    if (!event) throw new Error(`EventStoreDB acknowledged ${streamId}@${revision} but the event cannot be read back`);
    return event.position;
  }
}

// ---------------------------------------------------------------------------------------
// Subscriptions

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

interface SubscriptionPlan {
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
class EventStoreDbAllSubscription implements AllSubscription {
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

/** Retrying cannot fix these; surfacing them beats a subscription that silently never delivers. */
function isPermanent(failure: unknown): failure is Error {
  return failure instanceof AccessDeniedError || failure instanceof InvalidArgumentError || failure instanceof UnsupportedError;
}

function describeFailure(failure: unknown): string {
  return failure instanceof Error ? failure.message : 'ended by the server';
}

/** The server applies one filter; the stream filter is the selective one, so event types are then checked here. */
function toServerFilter(filter: SubscriptionFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length) return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.eventTypes?.length) return eventTypeFilter({ regex: exactMatch(filter.eventTypes) });
  return excludeSystemEvents();
}

/** Same semantics as the embedded adapter: an empty list matches nothing. */
function toClientPredicate(filter: SubscriptionFilter | undefined): (event: RecordedEvent) => boolean {
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  return (event) =>
    (!prefixes || prefixes.some((p) => event.streamId.startsWith(p))) && (!types || types.has(event.type));
}

function exactMatch(values: readonly string[]): string {
  return `^(?:${values.map(escapeRegex).join('|')})$`;
}

function escapeRegex(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------
// Appends

function validateAppend(streamId: string, events: readonly EventData[]): string | undefined {
  if (typeof streamId !== 'string' || streamId.length === 0 || streamId.length > MAX_STREAM_ID_LENGTH) {
    return `stream id must be 1..${MAX_STREAM_ID_LENGTH} characters`;
  }
  if (streamId.startsWith('$')) return 'stream ids starting with $ are reserved for the system';
  if (!Array.isArray(events) || events.length === 0) return 'an append needs at least one event';
  for (const event of events) {
    const problem = validateEvent(event);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Checked here rather than left to the client: it serializes inside a promise executor,
 * where a throw would leave the append pending forever, and a malformed id would fail
 * the shared batch-append stream for every concurrent writer.
 */
function validateEvent(event: EventData): string | undefined {
  if (typeof event.type !== 'string' || event.type.length === 0) return 'every event needs a type';
  if (event.type.startsWith('$')) return 'event types starting with $ are reserved for the system';
  if (event.id !== undefined && !UUID.test(event.id)) return `event id ${String(event.id)} is not a uuid`;
  if (!isJsonSerializable(event.data) || !isJsonSerializable(event.metadata)) {
    return `event ${event.type} is not JSON-serializable`;
  }
  return undefined;
}

function isJsonSerializable(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

function toProposedEvent(event: EventData) {
  return jsonEvent({
    id: event.id ?? randomUUID(),
    type: event.type,
    // The client's type admits objects, arrays and strings only, but it serializes with
    // JSON.stringify, so numbers, booleans and null round-trip as well.
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata,
  });
}

function toClientExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      return expected;
  }
}

// ---------------------------------------------------------------------------------------
// Errors

function toAppendError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
  const converted = toCommandError(error);
  if (converted instanceof ClientWrongExpectedVersionError) {
    return new WrongExpectedVersionError(streamId, expected, converted.actualVersion);
  }
  if (isMalformedAppend(converted)) {
    return new InvalidAppendError(`EventStoreDB rejected the append to ${streamId}: ${converted.message}`, {
      cause: converted,
    });
  }
  return toStoreError(converted, `an append to ${streamId}`);
}

function isMalformedAppend(error: unknown): error is Error {
  return (
    error instanceof MaxAppendSizeExceededError ||
    error instanceof InvalidArgumentError ||
    (error instanceof UnknownError && error.code === GRPC_INVALID_ARGUMENT)
  );
}

function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof StoreUnavailableError) return error;
  const converted = toCommandError(error);
  if (!isUnavailable(converted)) return converted;
  return new StoreUnavailableError(`EventStoreDB is unavailable for ${operation}: ${converted.message}`, converted);
}

/** Some calls reject with the raw gRPC error rather than the client's typed one. */
function toCommandError(error: unknown): unknown {
  return error instanceof Error ? convertToCommandError(error) : error;
}

function isUnavailable(error: unknown): error is Error {
  return (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError ||
    error instanceof CancelledError ||
    error instanceof TimeoutError ||
    isDiscoveryFailure(error)
  );
}

/** When gossip finds no usable node the client throws a plain Error; only its message identifies it. */
function isDiscoveryFailure(error: unknown): error is Error {
  return error instanceof Error && /^Failed to discover after \d+ attempts/.test(error.message);
}

// ---------------------------------------------------------------------------------------
// Reads

/**
 * The client gives reads no deadline at all, so a silent server would hang them; this
 * bounds the wait for each next record instead of the whole read, which may be long.
 */
async function collect<T>(read: StreamingRead<T>, idleMs: number, operation: string): Promise<T[]> {
  const items: T[] = [];
  const iterator = read[Symbol.asyncIterator]();
  try {
    for (;;) {
      const step = await withTimeout(iterator.next(), idleMs, operation);
      if (step.done) return items;
      items.push(step.value);
    }
  } catch (error) {
    read.cancel().catch(noop);
    read.destroy();
    throw error;
  }
}

function toReadRevision(from: ReadStreamOptions['fromRevision'], direction: 'forwards' | 'backwards'): ReadRevision {
  if (from === undefined) return direction === 'backwards' ? END : START;
  if (from === 'start') return START;
  if (from === 'end') return END;
  return from;
}

function toReadPosition(position: LogPosition): ReadPosition {
  return position === 'start' ? START : atPosition(position);
}

function atPosition(commit: bigint): Position {
  return { commit, prepare: commit };
}

/** undefined means "no limit"; the client turns the number into a protobuf string, so it must be a whole number. */
function normalizeMaxCount(maxCount: number | undefined): number | undefined {
  if (maxCount === undefined || !Number.isFinite(maxCount)) return undefined;
  return Math.max(0, Math.floor(maxCount));
}

function isAfter(position: bigint, after: LogPosition): boolean {
  return after === 'start' || position > after;
}

function commitOf(resolved: AllStreamResolvedEvent): bigint | undefined {
  return resolved.event?.position?.commit ?? resolved.commitPosition;
}

function lastCommit(page: readonly AllStreamResolvedEvent[]): bigint | undefined {
  const last = page[page.length - 1];
  return last === undefined ? undefined : commitOf(last);
}

function userEventsAfter(page: readonly AllStreamResolvedEvent[], after: LogPosition): RecordedEvent[] {
  return page.flatMap((resolved) => {
    const position = commitOf(resolved);
    if (position === undefined || !isAfter(position, after)) return [];
    return toUserEvent(resolved) ?? [];
  });
}

/** Drops what the rest of the system must never see: system events and links (the client does not resolve them here). */
function toUserEvent(resolved: AllStreamResolvedEvent): RecordedEvent | undefined {
  const record = resolved.event;
  if (!record || resolved.link || isSystem(record.streamId, record.type)) return undefined;
  return toRecordedEvent(record, record.position.commit);
}

function toStreamEvent(resolved: ResolvedEvent): RecordedEvent | undefined {
  const record = resolved.event;
  if (!record) return undefined;
  return toRecordedEvent(record, requirePosition(record.position?.commit ?? resolved.commitPosition, record.streamId));
}

function requirePosition(position: bigint | undefined, streamId: string): bigint {
  if (position === undefined || position === NO_POSITION) {
    throw new Error(`EventStoreDB returned no log position for an event of ${streamId}; server 22.6 or later is required`);
  }
  return position;
}

function isSystem(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

type ClientRecord = NonNullable<ResolvedEvent['event']> | NonNullable<AllStreamResolvedEvent['event']>;

function toRecordedEvent(record: ClientRecord, position: bigint): RecordedEvent {
  return {
    id: record.id,
    streamId: record.streamId,
    type: record.type,
    data: record.data,
    metadata: toMetadata(record.metadata),
    streamRevision: record.revision,
    position,
    created: record.created,
  };
}

/** Events written by other tools may carry binary or non-object metadata; the port promises an object. */
function toMetadata(metadata: unknown): Record<string, unknown> {
  const isObject = typeof metadata === 'object' && metadata !== null && !Array.isArray(metadata);
  return isObject && !(metadata instanceof Uint8Array) ? (metadata as Record<string, unknown>) : {};
}

// ---------------------------------------------------------------------------------------
// Timing

function withTimeout<T>(work: Promise<T>, ms: number, operation: string): Promise<T> {
  // A failure that arrives after we gave up must not surface as an unhandled rejection.
  work.catch(noop);
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new StoreUnavailableError(`EventStoreDB did not answer ${operation} within ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([work, expiry]).finally(() => clearTimeout(timer));
}

function settleWithin(work: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    timer.unref();
    work.then(noop, noop).finally(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
