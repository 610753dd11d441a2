import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { holderMessagesDecider, holderMessagesStream } from '@app/domain';
import type { EventStore } from '@app/event-store';
import type { ShowMessage } from '@app/contracts';
import { MessageQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { madeBy } from '../../auth/staff';
import { StaffScope } from '../../catalog/staffScope';
import { decideAndAppend } from '../../infrastructure/decideAndAppend';
import { stableUuid } from '../../infrastructure/ids';
import { EVENT_STORE } from '../../infrastructure/tokens';
import { ProjectionsService } from '../../projections/projections.service';
import { showMessageView } from '../holderMessageViews';
import { PostHolderMessageCommand } from './postHolderMessage.command';

/**
 * An event manager (of the show's organisation) or an admin writes to the show's holders:
 * one `HolderMessagePosted` on the show's messages stream, with who wrote it in its
 * metadata. Shown on the holders' order pages and pushed to their open pages at once;
 * emailed by the outbox, outside this request.
 */
@CommandHandler(PostHolderMessageCommand)
export class PostHolderMessageHandler implements ICommandHandler<PostHolderMessageCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly scope: StaffScope,
    private readonly projections: ProjectionsService,
    private readonly messages: MessageQueries,
  ) {}

  async execute({ staff, showId, message, idempotencyKey }: PostHolderMessageCommand): Promise<ShowMessage> {
    const definition = await this.scope.show(staff, showId);
    const messageId = idempotencyKey === undefined ? randomUUID() : stableUuid(`holder-message:${staff.userId}:${showId}:${idempotencyKey}`);
    const { position } = await decideAndAppend(
      this.store,
      holderMessagesStream(showId),
      holderMessagesDecider,
      {
        type: 'PostHolderMessage',
        data: { messageId, showId, ...message, showTiers: definition.show.tiers.map((t) => t.tier), now: Date.now() },
      },
      { showId, ...madeBy(staff) },
    );
    // Answered as the pages will read it.
    if (position !== undefined) await this.projections.waitForPosition(position);
    else await this.projections.catchUp();
    const row = this.messages.forShow(showId).find((m) => m.message_id === messageId);
    if (!row) throw new AppError('not_ready', 'The message is being recorded; retry', undefined, 1);
    return showMessageView(row);
  }
}
