import { Command } from '@nestjs/cqrs';

export class ReleaseHoldCommand extends Command<void> {
  constructor(
    readonly customerId: string,
    readonly holdId: string,
  ) {
    super();
  }
}
