import { BACKWARDS, END, FORWARDS, StreamDeletedError, StreamNotFoundError, type AllStreamResolvedEvent, type Direction, type ReadPosition } from '@eventstore/db-client';
import { InvalidAppendError } from '../errors';
import { appendProblem, appendSize, oversizeProblem } from '../appendRules';
import type {
  AllSubscription,
  AppendOptions,
  AppendResult,
  EventData,
  EventStore,
  LogPosition,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreDescription,
  StoreLimits,
  SubscribeToAllOptions,
} from '../eventStore';
import { describeCluster } from './eventStoreDbCluster';
import { EventStoreDbConnection } from './eventStoreDbConnection';
import { collect, withTimeout } from './eventStoreDbDeadlines';
import { toAppendError, toStoreError } from './eventStoreDbErrors';
import {
  atPosition,
  commitOf,
  isAfter,
  lastCommit,
  normalizeMaxCount,
  toClientExpectedRevision,
  toClientPredicate,
  toProposedEvent,
  toReadPosition,
  toReadRevision,
  toServerFilter,
  toStreamEvent,
  toUserEvent,
  userEventsAfter,
} from './eventStoreDbMapping';
import { EventStoreDbAllSubscription, type WarningLogger } from './eventStoreDbSubscription';

export type { WarningLogger } from './eventStoreDbSubscription';

export interface EventStoreDbOptions {
  /**
   * Our own bound on one call: an append's gRPC deadline, and how long a read may go
   * without a single record from the server. Default 10 s. It is rarely what ends an
   * append: the leader gives up on a write a quorum has not acknowledged within its own
   * PrepareTimeoutMs/CommitTimeoutMs (2 s each by default; docker/README.md, "Server
   * settings") and answers "timed out", which arrives as StoreUnavailableError long
   * before this. This bound ends a call only when no answer comes at all (a partition,
   * a silent node). The gRPC deadline starts once discovery has found a node; our own
   * guard, a second longer, starts with the call and so also covers discovery.
   */
  deadlineMs?: number;
  /** Where dropped subscriptions and a risky configuration are reported. Default: console. */
  logger?: WarningLogger;
}

const DEFAULT_DEADLINE_MS = 10_000;
/** A health probe should answer quickly, whatever the deadline for real work is. */
const PROBE_TIMEOUT_CAP_MS = 3_000;
/** Our own guard fires this long after the gRPC deadline, so the client's more precise error usually wins. */
const GUARD_SLACK_MS = 1_000;
const READ_ALL_PAGE = 1_000;
/** The newest records of the log are often system events; scanning back in small pages finds the newest user event cheaply. */
const HEAD_SCAN_PAGE = 20;
const DEFAULT_COUNT_CAP = 1_000_000;

/**
 * The server refuses appends over 1 MiB (MaxAppendSize, 1,048,576 bytes of data,
 * metadata and twice the type's length per event). `appendSize` counts the type once
 * plus 100 bytes per event, so below 1,000,000 by its count an append is below the
 * server's limit for any type under 100 characters. The event count only bounds one
 * append's memory, as in the embedded store.
 */
const LIMITS: StoreLimits = Object.freeze({ maxEventsPerAppend: 10_000, maxAppendBytes: 1_000_000 });

/**
 * The EventStoreDB adapter.
 *
 * Leader or follower: appends, and the stream reads the write side decides on (read a
 * stream, decide, append at its revision), require the leader, since a lagging follower
 * would break that. Everything else (the log, its head, subscriptions, counts, pings)
 * does not: projections and live updates tolerate a little lag, and a 24.10 node serves
 * such reads in every follower or replica state, during an election and cut off from
 * the leader too (ClusterVNodeController, `HandleAsNonLeader`), where reads that require
 * the leader are refused. Only a fresh discovery skips a member until it is a follower
 * or leader again.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  readonly limits = LIMITS;
  private readonly subscriptions = new Set<EventStoreDbAllSubscription>();
  private readonly logger: WarningLogger;
  private readonly deadlineMs: number;

  constructor(
    private readonly connection: EventStoreDbConnection,
    options: EventStoreDbOptions = {},
  ) {
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    this.logger = options.logger ?? console;
    if (!connection.perAppendCalls) {
      this.logger.warn(
        'EventStoreDB over TLS without username and password: client 6.2.1 then batches appends on a shared stream, where one failing stream can fail or crash the appends of another. Put credentials in the connection string.',
      );
    }
  }

  /** Connecting is lazy in the client: this never throws for an unreachable server, only for a malformed string. */
  static connect(connectionString: string, options: EventStoreDbOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDbConnection.open(connectionString), options);
  }

  async appendToStream(streamId: string, events: readonly EventData[], options: AppendOptions): Promise<AppendResult> {
    const invalid = appendProblem(streamId, events, LIMITS) ?? sizeProblem(events);
    if (invalid) throw new InvalidAppendError(invalid);
    const expected = options.expectedRevision;
    const proposed = events.map(toProposedEvent);
    try {
      const result = await this.connection.write((client) =>
        withTimeout(
          client.appendToStream(streamId, proposed, {
            expectedRevision: toClientExpectedRevision(expected),
            requiresLeader: true,
            deadline: this.deadlineMs,
            credentials: this.connection.appendCredentials,
          }),
          this.deadlineMs + GUARD_SLACK_MS,
          `an append to ${streamId}`,
        ),
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
      const resolved = await this.connection.write((client) => {
        const read = client.readStream(streamId, {
          direction: direction === 'backwards' ? BACKWARDS : FORWARDS,
          fromRevision: toReadRevision(options.fromRevision, direction),
          maxCount,
          requiresLeader: true,
        });
        return collect(read, this.deadlineMs, `a read of ${streamId}`);
      });
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
      open: (after) => this.connection.reads.subscribeToAll({ fromPosition: toReadPosition(after), filter, requiresLeader: false }),
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

  /**
   * Positions here are byte offsets in the log, so only reading the events counts
   * them: the cost grows with the count, which is what the cap bounds.
   */
  async countEventsAfter(position: LogPosition, options: { cap?: number } = {}): Promise<number> {
    const cap = Math.max(0, Math.floor(options.cap ?? DEFAULT_COUNT_CAP));
    let count = 0;
    let after = position;
    while (count < cap) {
      const page = await this.readAllRaw(FORWARDS, toReadPosition(after), READ_ALL_PAGE);
      count += page.filter((resolved) => isCountedAfter(resolved, after)).length;
      const last = lastCommit(page);
      if (page.length < READ_ALL_PAGE || last === undefined || !isAfter(last, after)) break;
      after = last;
    }
    return Math.min(count, cap);
  }

  async describe(): Promise<StoreDescription> {
    return describeCluster(this.connection.seeds, this.connection.channelCredentials, Math.min(this.deadlineMs, PROBE_TIMEOUT_CAP_MS));
  }

  /**
   * Not tracked: the client hides which member serves a read and whether it is with the
   * majority, so a follower cut off from the leader is not told apart here.
   */
  readsCurrentAt(): Date {
    return new Date();
  }

  async ping(): Promise<void> {
    await this.readAllRaw(BACKWARDS, END, 1, Math.min(this.deadlineMs, PROBE_TIMEOUT_CAP_MS));
  }

  /** Stops our subscriptions first: disposing the client cancels their calls silently, which would leave iterations hanging. */
  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    await this.connection.close();
  }

  private async readAllRaw(direction: Direction, fromPosition: ReadPosition, maxCount: number, idleMs = this.deadlineMs): Promise<AllStreamResolvedEvent[]> {
    try {
      const read = this.connection.reads.readAll({ direction, fromPosition, maxCount, requiresLeader: false });
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

/** Serializing for the size is also the check that the events are JSON at all, before the client serializes them where a throw would hang the append. */
function sizeProblem(events: readonly EventData[]): string | undefined {
  let bytes: number;
  try {
    bytes = appendSize(events);
  } catch (error) {
    return `an event is not JSON-serializable: ${error instanceof Error ? error.message : String(error)}`;
  }
  return oversizeProblem(bytes, LIMITS);
}

function isCountedAfter(resolved: AllStreamResolvedEvent, after: LogPosition): boolean {
  const position = commitOf(resolved);
  return position !== undefined && isAfter(position, after) && toUserEvent(resolved) !== undefined;
}
