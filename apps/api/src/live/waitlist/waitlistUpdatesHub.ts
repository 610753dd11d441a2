import { Inject, Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { waitlistStream } from '@app/domain';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { AppError } from '../../application/appError';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { ProjectionsService } from '../../projections/projections.service';
import { LiveConnections } from '../liveConnections';
import { LiveLimits } from '../liveLimits';
import { SseConnection } from '../sse/sseConnection';
import { GetWaitlistEntryQuery } from '../../waitlist/queries/getWaitlistEntry.query';
import { WaitlistEntryIndex, type EntryMessage, type WaitlistEntryRecord } from './waitlistEntryIndex';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const STREAM_PAGE = 1_000;

class EntrySubscriber {
  constructor(
    readonly connection: SseConnection,
    private cursor: bigint,
  ) {}

  deliver(message: EntryMessage): void {
    if (message.position <= this.cursor) return;
    this.cursor = message.position;
    this.connection.send(message.text);
  }
}

/**
 * `GET /v1/waitlist/:entryId/updates`: the events of one waiting-line entry (joined,
 * offered, left, ended), for its owner only. Generic over the event shapes: every
 * event of a `waitlist-<showId>` stream whose `data.entryId` is the entry is pushed as
 * a `waitlist` message; the owner is the `customerId` of its `WaitlistJoined`.
 */
@Injectable()
export class WaitlistUpdatesHub {
  private readonly index = new WaitlistEntryIndex();
  private readonly subscribers = new Map<string, Set<EntrySubscriber>>();
  private position = 0n;
  private readonly lineReads = new Map<string, Promise<void>>();

  constructor(
    private readonly limits: LiveLimits,
    private readonly connections: LiveConnections,
    private readonly projections: ProjectionsService,
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  onApplied(batch: readonly RecordedEvent[]): void {
    for (const event of batch) {
      if (event.position <= this.position) continue;
      this.position = event.position;
      this.take(event);
    }
  }

  async connect(customerId: string, entryId: string, lastEventId: bigint | undefined, reply: FastifyReply, address: string): Promise<void> {
    const entry = await this.find(customerId, entryId);
    // Someone else's entry answers exactly like a missing one.
    if (!entry || entry.customerId !== customerId) throw new AppError('not_found', `Waiting-line entry ${entryId} not found`);
    if (this.connectionCount(entryId) >= this.limits.maxConnectionsPerEntry) {
      throw new AppError('too_many_entry_listeners', `Entry ${entryId} already has ${this.limits.maxConnectionsPerEntry} update streams open`, undefined, 10);
    }
    const giveBack = this.connections.take({ address, customerId });
    reply.hijack();
    const connection = new SseConnection(reply.raw, this.limits);
    // Synchronous from here: what the entry has is sent, then it is registered for what comes.
    const subscriber = new EntrySubscriber(connection, lastEventId ?? -1n);
    for (const message of entry.messages) subscriber.deliver(message);
    let subscribers = this.subscribers.get(entryId);
    if (!subscribers) this.subscribers.set(entryId, (subscribers = new Set()));
    subscribers.add(subscriber);
    connection.onClose(() => {
      subscribers.delete(subscriber);
      giveBack();
      if (subscribers.size === 0 && this.subscribers.get(entryId) === subscribers) this.subscribers.delete(entryId);
    });
  }

  connectionCount(entryId?: string): number {
    if (entryId !== undefined) return this.subscribers.get(entryId)?.size ?? 0;
    let count = 0;
    for (const subscribers of this.subscribers.values()) count += subscribers.size;
    return count;
  }

  closeAll(): void {
    for (const subscribers of [...this.subscribers.values()]) for (const subscriber of [...subscribers]) subscriber.connection.end();
    this.subscribers.clear();
  }

  private take(event: RecordedEvent): void {
    const added = this.index.add(event);
    if (!added) return;
    for (const subscriber of this.subscribers.get(added.entry.entryId) ?? []) subscriber.deliver(added.message);
  }

  private async find(customerId: string, entryId: string): Promise<WaitlistEntryRecord | undefined> {
    const known = this.index.get(entryId);
    if (known) return known;
    // Joined a moment ago: the projections may not have passed its event on yet.
    await this.projections.catchUp();
    const caughtUp = this.index.get(entryId);
    if (caughtUp) return caughtUp;
    // Joined before this process started: the waiting line's read model names its show
    // (and answers 404 for a missing entry or someone else's). Reading that show's line
    // indexes all its entries; concurrent requests for the same show share one read.
    const { showId } = await this.queries.execute(new GetWaitlistEntryQuery(customerId, entryId));
    let read = this.lineReads.get(showId);
    if (!read) {
      read = this.readLine(showId).finally(() => this.lineReads.delete(showId));
      this.lineReads.set(showId, read);
    }
    await read;
    return this.index.get(entryId);
  }

  private async readLine(showId: string): Promise<void> {
    const stream = waitlistStream(showId);
    let from: bigint | 'start' = 'start';
    for (;;) {
      const page = await this.store.readStream(stream, { fromRevision: from, maxCount: STREAM_PAGE });
      if (page.length === 0) return;
      for (const event of page) this.take(event);
      from = page[page.length - 1].streamRevision + 1n;
      await nextTurn();
    }
  }
}
