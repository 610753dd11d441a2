import { randomUUID } from 'node:crypto';
import type { Decider } from '@app/domain';
import { InvalidAppendError, WrongExpectedVersionError, eventSize, type EventData, type EventStore } from '@app/event-store';

export interface DomainEvent {
  type: string;
  data: unknown;
}

export interface StreamWriterOptions<Command, Event extends DomainEvent, State> {
  store: EventStore;
  streamId: string;
  decider: Decider<Command, Event, State>;
  /** Stable ids make a retried command's events deduplicate in the store. Default: random. */
  eventIds?: (command: Command, events: Event[]) => string[];
  /** Stamped on every event this writer appends (e.g. the show and customer a stream belongs to). */
  metadata?: Record<string, unknown>;
  /** Most commands decided and appended together. */
  maxBatch?: number;
  /** Re-decisions after another process appended first. */
  maxConflictRetries?: number;
  /**
   * The stream is most likely new (a customer's allowance at their first hold). The
   * first batch of commands is then decided against the initial state and appended
   * with 'no_stream', without reading a stream that is not there. If it exists after
   * all, the store refuses the append and the batch is decided again on the stream as
   * read. A batch with a read, or one that the initial state refuses in part, is
   * decided on the stream as read in the first place.
   */
  assumeNew?: boolean;
  /**
   * Final tickets in arrival order (docs/datacenters.md §7): while `applies(state)`, a batch
   * first waits `windowMs` for the requests still on their way, then is decided in the order
   * `compare` gives (a stable sort: what it cannot order keeps its place).
   */
  sequencing?: { windowMs: number; applies: (state: State) => boolean; compare: (a: Command, b: Command) => number };
}

export interface Decided<Event> {
  events: Event[];
  /** Global position of the write that carried them; absent when the command caused no event. */
  position?: bigint;
}

type Job<Command, Event, State> =
  | { kind: 'command'; command: Command; ordered: boolean; metadata?: Record<string, unknown>; resolve: (d: Decided<Event>) => void; reject: (e: unknown) => void }
  | { kind: 'read'; read: (state: State) => unknown; fresh: boolean; resolve: (v: unknown) => void; reject: (e: unknown) => void };

type Outcome<Event> = { ok: true; events: Event[] } | { ok: true; value: unknown } | { ok: false; error: unknown };

interface Decision<Event> {
  outcomes: Array<Outcome<Event>>;
  events: Event[];
  owners: number[];
}

/** Jobs [from, to) of a batch, whose events [eventsFrom, eventsTo) go to the store in one append. */
interface Chunk {
  from: number;
  to: number;
  eventsFrom: number;
  eventsTo: number;
  /** How many of its jobs decided events (one: it is alone because it is too big for one append). */
  writers: number;
}

const PAGE = 10_000;

/**
 * The write side of one stream: its state lives in memory, commands queue up and
 * are decided as a batch against that state, and the batch's events go to the
 * store in ONE append with the expected revision. A hot shard therefore pays one
 * append per batch, not one per request, and never rebuilds its state per request.
 *
 * Evolve may mutate the state in place, so a state that saw events the store then
 * refused cannot be trusted: after any failed append the writer reloads the stream
 * before deciding again. A conflict (another process appended first) re-decides
 * the same batch against the fresh state.
 */
export class StreamWriter<Command, Event extends DomainEvent, State> {
  private state: State;
  private revision: bigint | 'no_stream' = 'no_stream';
  private loaded = false;
  /** Not read nor written yet: the first batch may assume the stream is new (see `assumeNew`). */
  private untouched = true;
  private queue: Array<Job<Command, Event, State>> = [];
  private running = false;
  private readonly maxBatch: number;
  private readonly maxConflictRetries: number;

  constructor(private readonly options: StreamWriterOptions<Command, Event, State>) {
    this.state = options.decider.initialState();
    this.maxBatch = options.maxBatch ?? 1_000;
    this.maxConflictRetries = options.maxConflictRetries ?? 5;
  }

  get streamId(): string {
    return this.options.streamId;
  }

  /**
   * Decides the command in turn; resolves once its events are durable in the store.
   * With `durability: 'ordered'`, once they have their place in the log (see
   * AppendOptions.durability): for a step whose outcome reaches no one except through a
   * later durable append. A batch goes to the store as 'ordered' only when all its jobs are.
   * `metadata` joins the stream's metadata on this command's events (e.g. `by`, the staff member).
   */
  execute(command: Command, options: { durability?: 'durable' | 'ordered'; metadata?: Record<string, unknown> } = {}): Promise<Decided<Event>> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'command', command, ordered: options.durability === 'ordered', ...(options.metadata ? { metadata: options.metadata } : {}), resolve, reject });
      void this.run();
    });
  }

  /**
   * Reads the state in turn with the commands, so the answer reflects every write this
   * writer acknowledged before it. With `fresh`, also every write another process made
   * to the stream: the stream's head in the store is checked first (one read of the
   * store), and the state reloaded when it moved.
   */
  read<T>(read: (state: State) => T, options: { fresh?: boolean } = {}): Promise<T> {
    return new Promise((resolve, reject) => {
      this.queue.push({ kind: 'read', read, fresh: options.fresh === true, resolve: resolve as (v: unknown) => void, reject });
      void this.run();
    });
  }

  /**
   * The state as it stands, without queueing: may include a batch whose append is
   * still in flight, so use it for routing hints only, never for a decision.
   */
  peek<T>(look: (state: State) => T): T | undefined {
    return this.loaded ? look(this.state) : undefined;
  }

  /** Loads the state now (e.g. before the first request of an on-sale). */
  async warm(): Promise<void> {
    await this.read(() => undefined);
  }

  /** Forget the in-memory state; the next job reloads it from the store. */
  invalidate(): void {
    this.loaded = false;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const sequencing = this.options.sequencing;
        const inOrder = sequencing !== undefined && sequencing.windowMs > 0 && this.loaded && sequencing.applies(this.state);
        if (inOrder) await new Promise((resolve) => setTimeout(resolve, sequencing.windowMs));
        let batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
        this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch);
        if (inOrder) {
          // Reads first (they change nothing), then the commands in arrival order.
          const commands = batch.filter((job) => job.kind === 'command');
          commands.sort((a, b) => sequencing.compare(a.command, b.command));
          batch = [...batch.filter((job) => job.kind === 'read'), ...commands];
        }
        await this.process(batch);
      }
    } finally {
      this.running = false;
    }
  }

  /**
   * Decides the batch and appends its events: in one append, or, when they are more
   * than the store takes at once (`store.limits`), in several, cut between commands and
   * written in order, each at the revision the one before left. Jobs are answered as
   * their own append lands; when one fails, the jobs from it on are decided again after
   * a reload (a conflict) or refused with its error.
   */
  private async process(batch: Array<Job<Command, Event, State>>): Promise<void> {
    let pending = batch;
    for (let conflicts = 0; pending.length > 0; ) {
      let decided = this.untouched && this.options.assumeNew ? this.decideAsNew(pending) : undefined;
      this.untouched = false;
      try {
        if (!decided && this.loaded && pending.some((job) => job.kind === 'read' && job.fresh)) await this.reloadIfMoved();
        if (!decided && !this.loaded) await this.load();
      } catch (error) {
        return settleAll(pending, { ok: false, error });
      }
      decided ??= this.decideBatch(pending);
      const { outcomes, events, owners } = decided;
      if (events.length === 0) return settle(pending, outcomes);
      let failed: { chunk: Chunk; error: unknown } | undefined;
      for (const chunk of this.cut(pending, decided)) {
        const jobs = pending.slice(chunk.from, chunk.to);
        try {
          const ordered = jobs.every((job) => job.kind === 'command' && job.ordered);
          const appended = await this.options.store.appendToStream(
            this.options.streamId,
            this.toEventData(pending, events.slice(chunk.eventsFrom, chunk.eventsTo), owners.slice(chunk.eventsFrom, chunk.eventsTo)),
            { expectedRevision: this.revision, ...(ordered ? { durability: 'ordered' as const } : {}) },
          );
          this.revision = appended.nextExpectedRevision;
          this.loaded = true;
          settle(jobs, outcomes.slice(chunk.from, chunk.to), appended.position);
        } catch (error) {
          // The state has seen events the store did not take: reload before deciding again.
          this.loaded = false;
          failed = { chunk, error };
          break;
        }
      }
      if (!failed) return;
      const rest = pending.slice(failed.chunk.from);
      if (failed.error instanceof WrongExpectedVersionError && conflicts++ < this.maxConflictRetries) {
        pending = rest;
      } else if (failed.error instanceof InvalidAppendError && failed.chunk.writers === 1) {
        // One command's events are more than the store takes in an append: refuse it alone.
        const tooBig = pending[owners[failed.chunk.eventsFrom]];
        tooBig.reject(failed.error);
        pending = rest.filter((job) => job !== tooBig);
      } else {
        return settleAll(rest, { ok: false, error: failed.error });
      }
    }
  }

  /** Cuts a decided batch into appends the store takes, between commands; one chunk unless the store's limits say otherwise. */
  private cut(batch: Array<Job<Command, Event, State>>, decided: Decision<Event>): Chunk[] {
    const { maxEventsPerAppend, maxAppendBytes } = this.options.store.limits;
    const { events, owners } = decided;
    const sized = Number.isFinite(maxAppendBytes);
    if (events.length <= maxEventsPerAppend && !sized) return [{ from: 0, to: batch.length, eventsFrom: 0, eventsTo: events.length, writers: new Set(owners).size }];
    const metadata = this.options.metadata;
    const chunks: Chunk[] = [];
    let current: Chunk = { from: 0, to: 0, eventsFrom: 0, eventsTo: 0, writers: 0 };
    let bytes = 0;
    let e = 0;
    for (let j = 0; j < batch.length; j++) {
      const first = e;
      let jobBytes = 0;
      while (e < events.length && owners[e] === j) {
        if (sized) {
          const own = (batch[j] as { metadata?: Record<string, unknown> }).metadata;
          const merged = own ? { ...metadata, ...own } : metadata;
          jobBytes += eventSize({ type: events[e].type, data: events[e].data, ...(merged ? { metadata: merged } : {}) });
        }
        e++;
      }
      const count = e - first;
      const full = current.eventsTo - current.eventsFrom + count > maxEventsPerAppend || bytes + jobBytes > maxAppendBytes;
      if (count > 0 && current.writers > 0 && full) {
        chunks.push(current);
        current = { from: j, to: j, eventsFrom: first, eventsTo: first, writers: 0 };
        bytes = 0;
      }
      current.to = j + 1;
      current.eventsTo = e;
      bytes += jobBytes;
      if (count > 0) current.writers += 1;
    }
    chunks.push(current);
    return chunks;
  }

  /**
   * The batch decided against the initial state (an untouched writer's), as if the
   * stream did not exist yet; undefined (and the state left initial) unless every job
   * is a command that this decides with events.
   */
  private decideAsNew(batch: Array<Job<Command, Event, State>>): Decision<Event> | undefined {
    if (batch.some((job) => job.kind !== 'command')) return undefined;
    const decided = this.decideBatch(batch);
    if (decided.outcomes.every((outcome) => outcome.ok && 'events' in outcome && outcome.events.length > 0)) return decided;
    this.state = this.options.decider.initialState();
    return undefined;
  }

  private decideBatch(batch: Array<Job<Command, Event, State>>): Decision<Event> {
    const { decide, evolve } = this.options.decider;
    const outcomes: Array<Outcome<Event>> = [];
    const events: Event[] = [];
    const owners: number[] = [];
    batch.forEach((job, index) => {
      try {
        if (job.kind === 'read') {
          outcomes.push({ ok: true, value: job.read(this.state) });
          return;
        }
        const decided = decide(job.command, this.state);
        for (const event of decided) {
          this.state = evolve(this.state, event);
          events.push(event);
          owners.push(index);
        }
        outcomes.push({ ok: true, events: decided });
      } catch (error) {
        outcomes.push({ ok: false, error });
      }
    });
    return { outcomes, events, owners };
  }

  private toEventData(batch: Array<Job<Command, Event, State>>, events: Event[], owners: number[]): EventData[] {
    const ids: string[] = new Array(events.length);
    const eventIds = this.options.eventIds;
    for (let i = 0; i < events.length; ) {
      const job = batch[owners[i]];
      let end = i;
      while (end < events.length && owners[end] === owners[i]) end++;
      const own = events.slice(i, end);
      const derived = eventIds && job.kind === 'command' ? eventIds(job.command, own) : undefined;
      for (let k = i; k < end; k++) ids[k] = derived?.[k - i] ?? randomUUID();
      i = end;
    }
    const metadata = this.options.metadata;
    return events.map((event, i) => {
      // A command's own metadata (who made it: `by`) joins the stream's.
      const own = (batch[owners[i]] as { metadata?: Record<string, unknown> }).metadata;
      const merged = own ? { ...metadata, ...own } : metadata;
      return { id: ids[i], type: event.type, data: event.data, ...(merged ? { metadata: merged } : {}) };
    });
  }

  /** Drops the state when another process appended to the stream since this writer last read or wrote it. */
  private async reloadIfMoved(): Promise<void> {
    const [last] = await this.options.store.readStream(this.options.streamId, { direction: 'backwards', maxCount: 1 });
    const stored = last ? last.streamRevision : 'no_stream';
    if (stored !== this.revision) this.loaded = false;
  }

  private async load(): Promise<void> {
    const { store, streamId, decider } = this.options;
    let state = decider.initialState();
    let revision: bigint | 'no_stream' = 'no_stream';
    for (;;) {
      const from: bigint | 'start' = revision === 'no_stream' ? 'start' : revision + 1n;
      const page = await store.readStream(streamId, { fromRevision: from, maxCount: PAGE });
      for (const recorded of page) {
        state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
        revision = recorded.streamRevision;
      }
      if (page.length < PAGE) break;
    }
    this.state = state;
    this.revision = revision;
    this.loaded = true;
  }
}

function settle<Command, Event, State>(batch: Array<Job<Command, Event, State>>, outcomes: Array<Outcome<Event>>, position?: bigint): void {
  batch.forEach((job, i) => {
    const outcome = outcomes[i];
    if (!outcome.ok) job.reject(outcome.error);
    else if (job.kind === 'read') job.resolve((outcome as { value: unknown }).value);
    else {
      const events = (outcome as { events: Event[] }).events;
      job.resolve(events.length > 0 ? { events, position } : { events });
    }
  });
}

function settleAll<Command, Event, State>(batch: Array<Job<Command, Event, State>>, outcome: { ok: false; error: unknown }): void {
  for (const job of batch) job.reject(outcome.error);
}
