import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { SeatStatusQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { InventoryReadService } from '../../inventory/inventoryReadService';
import { ShardRegistry } from '../../inventory/shardRegistry';
import { ProjectionsService } from '../../projections/projections.service';
import { LiveConnections, type LiveClient } from '../liveConnections';
import { LiveLimits } from '../liveLimits';
import { Slots } from '../slots';
import { SseConnection } from '../sse/sseConnection';
import { sseMessage } from '../sse/sseMessage';
import { SeatTracker } from './seatTracker';
import { seatUpdates, type SeatSegment } from './seatUpdates';
import { showOfInventoryEvent } from './showEvents';
import { ShowChannel } from './showChannel';
import { ShowReplay } from './showReplay';
import { ShowSubscriber } from './showSubscriber';

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * `GET /v1/shows/:showId/updates`: seat changes and availability counts of a show,
 * pushed from the projections' applied batches.
 *
 * The hub is fed synchronously by the projection runner, so it only does cheap work
 * there: it turns each show's events of the batch into seat changes (one
 * `SeatTracker` for all shows), formats one message per show and hands it to each
 * client's bounded connection. Reading the store (resumes) and the read model
 * (availability) happen off that path.
 */
@Injectable()
export class ShowUpdatesHub {
  private readonly channels = new Map<string, ShowChannel>();
  private readonly tracker = new SeatTracker();
  private readonly replays: Slots;
  /** Position of the last event taken from the projections; nothing at or below it is taken twice. */
  private position = 0n;

  constructor(
    private readonly limits: LiveLimits,
    private readonly connections: LiveConnections,
    private readonly reads: InventoryReadService,
    private readonly queries: SeatStatusQueries,
    private readonly registry: ShardRegistry,
    private readonly projections: ProjectionsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.replays = new Slots(() => this.limits.maxConcurrentReplays);
  }

  /**
   * Learns the seats of the holds active in the read model, before the projections
   * start: their releases may come long after this process started.
   */
  seedFromReadModel(): void {
    for (const row of this.queries.heldSeats()) this.tracker.seed(row.hold_id, [row.seat_id], row.show_id);
  }

  /** Called with every batch the projections committed, in log order. */
  onApplied(batch: readonly RecordedEvent[]): void {
    let touched: Map<string, SeatSegment[]> | undefined;
    for (const event of batch) {
      if (event.position <= this.position) continue;
      this.position = event.position;
      const showId = showOfInventoryEvent(event);
      if (showId === undefined) continue;
      const changes = this.tracker.apply(event);
      if (!this.channels.has(showId)) continue;
      touched ??= new Map();
      let segments = touched.get(showId);
      if (!segments) touched.set(showId, (segments = []));
      segments.push({ position: event.position, changes });
    }
    if (!touched) return;
    for (const [showId, segments] of touched) {
      const channel = this.channels.get(showId)!;
      for (const update of seatUpdates(segments, this.limits.maxChangesPerMessage)) channel.publish(update);
      channel.availabilityChanged();
    }
  }

  /**
   * Answers with the stream. Errors (unknown show, too many streams) are thrown before
   * the reply is hijacked, so they leave as the usual JSON errors.
   */
  async connect(showId: string, lastEventId: bigint | undefined, reply: FastifyReply, client: LiveClient): Promise<void> {
    this.connections.refuseIfClientFull(client);
    this.refuseIfShowFull(showId);
    const appliedBefore = this.projections.appliedPosition;
    const availability = await this.reads.availability(showId);
    const seated = (await this.registry.show(showId))?.definition.show.kind === 'seated';
    let resumeFrom = lastEventId;
    if (resumeFrom !== undefined) {
      const head = await this.store.headPosition();
      // A position this log never reached (a wiped or another store): start over.
      if (head === 'start' || resumeFrom > head) resumeFrom = undefined;
    }
    this.refuseIfShowFull(showId);
    const giveBack = this.connections.take(client);

    reply.hijack();
    let connection: SseConnection;
    try {
      connection = new SseConnection(reply.raw, this.limits);
    } catch (error) {
      giveBack();
      reply.raw.destroy();
      throw error;
    }
    const channel = this.channel(showId);
    // From here to the end of the branch nothing awaits: the snapshot is read at the
    // position the client is registered at, so the next batch continues it exactly.
    const position = resumeFrom ?? this.projections.appliedPosition;
    const subscriber = new ShowSubscriber(connection, position, resumeFrom !== undefined && seated, this.limits.maxQueuedMessages);
    channel.subscribers.add(subscriber);
    connection.onClose(() => {
      channel.subscribers.delete(subscriber);
      giveBack();
      if (channel.subscribers.size === 0 && this.channels.get(showId) === channel) {
        channel.close();
        this.channels.delete(showId);
      }
    });
    try {
      if (resumeFrom === undefined) {
        const snapshot = { showId, kind: seated ? 'seated' : 'general', ...(seated ? this.snapshotSeats(showId) : {}), availability };
        connection.send(sseMessage('snapshot', snapshot, position));
        if (position !== appliedBefore) channel.availabilityChanged();
      } else if (subscriber.replaying) {
        this.replay(channel, subscriber).catch((error: unknown) => this.failed(connection, showId, error));
      } else {
        // General admission sends counts only: nothing to replay, fresh counts follow.
        channel.availabilityChanged();
      }
    } catch (error) {
      // The reply is hijacked: no error filter can answer any more.
      this.failed(connection, showId, error);
    }
  }

  /** Open streams, per show or in all: for tests and operators. */
  connectionCount(showId?: string): number {
    if (showId !== undefined) return this.channels.get(showId)?.subscribers.size ?? 0;
    let count = 0;
    for (const channel of this.channels.values()) count += channel.subscribers.size;
    return count;
  }

  get showCount(): number {
    return this.channels.size;
  }

  get trackedHolds(): number {
    return this.tracker.activeHolds;
  }

  /** At shutdown: ends every stream (clients reconnect elsewhere with Last-Event-ID). */
  closeAll(): void {
    for (const channel of [...this.channels.values()]) {
      channel.close();
      for (const subscriber of [...channel.subscribers]) subscriber.connection.end();
    }
    this.channels.clear();
  }

  /** Replays the log after the client's position from the store, then lets its parked live updates through. */
  private async replay(channel: ShowChannel, subscriber: ShowSubscriber): Promise<void> {
    const release = await this.replays.take();
    try {
      const replay = new ShowReplay(this.store, channel.showId, this.tracker, this.limits.maxChangesPerMessage);
      let position = subscriber.cursor;
      let read = 0;
      for (;;) {
        if (subscriber.connection.closed) return;
        const page = await this.store.readAll({ fromPosition: position, maxCount: this.limits.replayPageSize });
        if (page.length === 0) break;
        read += page.length;
        if (read > this.limits.maxReplayEvents) {
          subscriber.connection.reload('too_far_behind');
          return;
        }
        for (const update of await replay.updates(page)) subscriber.replayed(update.text, update.last);
        position = page[page.length - 1].position;
        // At the client's pace, and letting other requests in between pages.
        await subscriber.connection.writable();
        await nextTurn();
      }
      // Synchronously after the read that found nothing more: every live update parked
      // so far, and every one from now on, is let through above `position` only.
      subscriber.goLive(position);
      channel.availabilityChanged();
    } finally {
      release();
    }
  }

  private failed(connection: SseConnection, showId: string, error: unknown): void {
    new Logger('LiveUpdates').error(`stream of show ${showId} failed: ${error instanceof Error ? error.message : String(error)}`);
    connection.end();
  }

  private snapshotSeats(showId: string): { seats: Array<{ seatId: string; status: string }> } | { seatsOmitted: true } {
    const statuses = this.queries.seatStatuses(showId);
    if (statuses.size > this.limits.maxSnapshotSeats) return { seatsOmitted: true };
    return { seats: [...statuses].map(([seatId, status]) => ({ seatId, status })) };
  }

  private channel(showId: string): ShowChannel {
    let channel = this.channels.get(showId);
    if (!channel) {
      channel = new ShowChannel(showId, () => this.reads.availability(showId), this.limits);
      this.channels.set(showId, channel);
    }
    return channel;
  }

  private refuseIfShowFull(showId: string): void {
    if (this.connectionCount(showId) >= this.limits.maxConnectionsPerShow) {
      throw new AppError('too_many_listeners', `Show ${showId} has as many live update streams as this server takes: retry later`, undefined, 10);
    }
  }
}
