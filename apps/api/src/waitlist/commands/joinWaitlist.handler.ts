import { randomUUID } from 'node:crypto';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { AppConfig } from '@app/config';
import { DomainError, invalidRequest, waitlistPosition } from '@app/domain';
import { AppError } from '../../application/appError';
import { APP_CONFIG } from '../../infrastructure/tokens';
import { HoldViews } from '../../inventory/holds/holdViews';
import { ShardRegistry } from '../../inventory/shardRegistry';
import { WaitlistEndings } from '../waitlistEndings';
import { WaitlistLines } from '../waitlistLines';
import type { WaitlistJoinedView } from '../waitlistTypes';
import { JoinWaitlistCommand } from './joinWaitlist.command';

/**
 * Joins a show's waiting line: only when what was asked is not available now but enough
 * is held that could still come free. The customer's allowance is reserved under the new
 * entry id until the entry's `waitsUntil`, then `WaitlistJoined` is appended; one waiting
 * entry per customer and show.
 */
@CommandHandler(JoinWaitlistCommand)
export class JoinWaitlistHandler implements ICommandHandler<JoinWaitlistCommand> {
  private readonly logger = new Logger('Waitlist');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly lines: WaitlistLines,
    private readonly registry: ShardRegistry,
    private readonly holdViews: HoldViews,
    private readonly endings: WaitlistEndings,
  ) {}

  async execute({ customerId, showId, request }: JoinWaitlistCommand): Promise<WaitlistJoinedView> {
    const inventory = await this.registry.show(showId);
    if (!inventory) throw new AppError('not_found', `Show ${showId} does not exist`);
    const show = inventory.definition.show;
    const { quantity, tier, section } = request;
    if (section !== undefined && show.kind === 'general') throw invalidRequest('section', 'this show is general admission: it has no sections');
    if (quantity > show.maxTicketsPerCustomer) {
      throw new DomainError('limit_exceeded', `At most ${show.maxTicketsPerCustomer} tickets per customer for this show`, {
        limit: show.maxTicketsPerCustomer,
        current: 0,
        requested: quantity,
      });
    }
    // The line is for seats that may still come free: held now, not sold.
    const counts = await this.holdViews.counts(showId, { tier, section });
    if (counts.available >= quantity) {
      throw new AppError('seats_available', `${counts.available} available right now: hold them instead`, { available: counts.available });
    }
    if (counts.available + counts.held < quantity) {
      throw new AppError('sold_out', 'Sold out: not enough tickets are held that could still come free', { available: counts.available, held: counts.held });
    }
    const line = this.lines.line(showId);
    const now = Date.now();
    // Answer "already waiting" before the allowance could answer "limit exceeded" for the same reason.
    const current = await line.read((state) => {
      const entry = state.entries.get(state.waitingByCustomer.get(customerId) ?? '');
      return entry && now < entry.waitsUntil ? entry.entryId : undefined;
    });
    if (current) throw new DomainError('already_waiting', `You are already waiting for this show (entry ${current})`, { entryId: current });

    const entryId = randomUUID();
    const waitsUntil = now + this.config.waitlistMaxWaitSeconds * 1000;
    const allowance = this.registry.allowance(showId, customerId);
    await allowance.execute({ type: 'ReserveAllowance', data: { holdId: entryId, quantity, limit: show.maxTicketsPerCustomer, now, expiresAt: waitsUntil } });
    try {
      await line.execute({
        type: 'JoinWaitlist',
        data: { entryId, customerId, quantity, maxQuantity: show.maxTicketsPerCustomer, ...(tier ? { tier } : {}), ...(section ? { section } : {}), now, waitsUntil },
      });
    } catch (error) {
      await this.endings.returnAllowance(showId, customerId, entryId, 'failed').catch((e: unknown) =>
        this.logger.warn(`allowance of refused waiting-line entry ${entryId} not returned yet: ${String(e)}`),
      );
      throw error;
    }
    const position = await line.read((state) => waitlistPosition(state, entryId, Date.now()));
    return { entryId, position: position ?? 1 };
  }
}
