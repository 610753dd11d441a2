import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CapacityTransfer } from '@app/contracts';
import { CapacityTransfers } from '../transfers/capacityTransfers';
import { TransferCapacityCommand } from './transferCapacity.command';

/** An operator moves capacity between shard groups: out of the source, then into the target (or in transit). */
@CommandHandler(TransferCapacityCommand)
export class TransferCapacityHandler implements ICommandHandler<TransferCapacityCommand> {
  constructor(private readonly transfers: CapacityTransfers) {}

  execute({ showId, request }: TransferCapacityCommand): Promise<CapacityTransfer> {
    return this.transfers.transfer(showId, request);
  }
}
