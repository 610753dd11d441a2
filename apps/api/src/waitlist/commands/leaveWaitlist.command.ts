import { Command } from '@nestjs/cqrs';

export class LeaveWaitlistCommand extends Command<void> {
  constructor(
    readonly customerId: string,
    readonly entryId: string,
  ) {
    super();
  }
}
