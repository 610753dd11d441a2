import { Command } from '@nestjs/cqrs';
import type { ShowMessage } from '@app/contracts';
import type { Staff } from '../../auth/staff';

export class PostHolderMessageCommand extends Command<ShowMessage> {
  constructor(
    readonly staff: Staff,
    readonly showId: string,
    readonly message: { subject: string; body: string; tier?: string },
    /** A retry with the same key posts nothing more and answers with the first message. */
    readonly idempotencyKey: string | undefined,
  ) {
    super();
  }
}
