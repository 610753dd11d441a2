import { Command } from '@nestjs/cqrs';
import type { CapacityTransfer, CapacityTransferRequest } from '@app/contracts';

/** Moves never-held tickets of a show from one shard (group) to another. */
export class TransferCapacityCommand extends Command<CapacityTransfer> {
  constructor(
    readonly showId: string,
    readonly request: CapacityTransferRequest,
  ) {
    super();
  }
}
