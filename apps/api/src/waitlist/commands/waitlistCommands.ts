import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { WaitlistService, type WaitlistJoinedView, type WaitlistRequest } from '../waitlistService';

export class JoinWaitlistCommand extends Command<WaitlistJoinedView> {
  constructor(
    readonly customerId: string,
    readonly showId: string,
    readonly request: WaitlistRequest,
  ) {
    super();
  }
}

export class LeaveWaitlistCommand extends Command<void> {
  constructor(
    readonly customerId: string,
    readonly entryId: string,
  ) {
    super();
  }
}

@CommandHandler(JoinWaitlistCommand)
export class JoinWaitlistHandler implements ICommandHandler<JoinWaitlistCommand> {
  constructor(private readonly waitlist: WaitlistService) {}
  execute(c: JoinWaitlistCommand): Promise<WaitlistJoinedView> {
    return this.waitlist.join(c.customerId, c.showId, c.request);
  }
}

@CommandHandler(LeaveWaitlistCommand)
export class LeaveWaitlistHandler implements ICommandHandler<LeaveWaitlistCommand> {
  constructor(private readonly waitlist: WaitlistService) {}
  execute(c: LeaveWaitlistCommand): Promise<void> {
    return this.waitlist.leave(c.customerId, c.entryId);
  }
}
