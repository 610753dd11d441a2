import { Command } from '@nestjs/cqrs';
import type { WaitlistJoinedView, WaitlistRequest } from '../waitlistTypes';

export class JoinWaitlistCommand extends Command<WaitlistJoinedView> {
  constructor(
    readonly customerId: string,
    readonly showId: string,
    readonly request: WaitlistRequest,
  ) {
    super();
  }
}
