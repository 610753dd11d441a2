import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { HolderMessagePosted } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { MessageQueries } from '@app/read-models';
import { AppError } from '../application/appError';
import { LiveConnections } from '../live/liveConnections';
import { LiveLimits } from '../live/liveLimits';
import { SseConnection } from '../live/sse/sseConnection';
import { sseMessage } from '../live/sse/sseMessage';

/**
 * `GET /v1/customers/me/updates`: a customer's own live feed. A message to ticket holders
 * is pushed to a customer only if the read model says it holds a ticket of the show (of
 * the message's tier, when it names one), so nobody else learns of it. The projections
 * call `onApplied` after committing a batch, so the sales it checks include every sale
 * logged before the message.
 */
@Injectable()
export class HolderUpdatesHub implements BeforeApplicationShutdown {
  private readonly logger = new Logger('HolderUpdates');
  private readonly subscribers = new Map<string, Set<SseConnection>>();

  constructor(
    private readonly limits: LiveLimits,
    private readonly connections: LiveConnections,
    private readonly messages: MessageQueries,
  ) {}

  /** `address`: where the stream comes from; it counts against the address's and the customer's caps. */
  connect(customerId: string, reply: FastifyReply, address: string): void {
    const open = this.subscribers.get(customerId);
    if ((open?.size ?? 0) >= this.limits.maxConnectionsPerEntry) {
      throw new AppError('too_many_entry_listeners', `This customer already has ${this.limits.maxConnectionsPerEntry} update streams open`, undefined, 10);
    }
    const giveBack = this.connections.take({ address, customerId });
    reply.hijack();
    const connection = new SseConnection(reply.raw, this.limits);
    let subscribers = open;
    if (!subscribers) this.subscribers.set(customerId, (subscribers = new Set()));
    subscribers.add(connection);
    const mine = subscribers;
    connection.onClose(() => {
      mine.delete(connection);
      giveBack();
      if (mine.size === 0 && this.subscribers.get(customerId) === mine) this.subscribers.delete(customerId);
    });
  }

  /** Runs inside the projection runner's flush: quick, and never throws. */
  onApplied(batch: readonly RecordedEvent[]): void {
    if (this.subscribers.size === 0) return;
    for (const event of batch) {
      if (event.type !== 'HolderMessagePosted') continue;
      try {
        const d = event.data as HolderMessagePosted['data'];
        const view = { messageId: d.messageId, showId: d.showId, ...(d.tier !== undefined ? { tier: d.tier } : {}), subject: d.subject, body: d.body, postedAt: d.postedAt };
        const text = sseMessage('message', view, event.position);
        for (const [customerId, connections] of this.subscribers) {
          if (!this.messages.holds(customerId, d.showId, d.tier ?? null)) continue;
          for (const connection of connections) connection.send(text);
        }
      } catch (error) {
        this.logger.error(`holder updates failed at ${event.position}: ${error instanceof Error ? error.stack : String(error)}`);
      }
    }
  }

  connectionCount(): number {
    let count = 0;
    for (const connections of this.subscribers.values()) count += connections.size;
    return count;
  }

  beforeApplicationShutdown(): void {
    for (const connections of [...this.subscribers.values()]) for (const connection of [...connections]) connection.end();
    this.subscribers.clear();
  }
}
