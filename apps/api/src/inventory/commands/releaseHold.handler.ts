import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EndHold } from '../holds/endHold';
import { ReleaseHoldCommand } from './releaseHold.command';

/** The customer gives a hold up: every shard releases its part, then the allowance comes back. */
@CommandHandler(ReleaseHoldCommand)
export class ReleaseHoldHandler implements ICommandHandler<ReleaseHoldCommand> {
  constructor(private readonly endHold: EndHold) {}

  execute({ customerId, holdId }: ReleaseHoldCommand): Promise<void> {
    return this.endHold.release(customerId, holdId, 'customer');
  }
}
