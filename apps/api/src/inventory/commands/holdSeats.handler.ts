import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { timeOrderedUuid } from '../../infrastructure/ids';
import type { HoldCreated } from '../holds/holdTypes';
import { KeyedHolds } from '../holds/keyedHolds';
import { PlaceHold } from '../holds/placeHold';
import { HoldSeatsCommand } from './holdSeats.command';

/** A hold: without an Idempotency-Key a new one under a fresh id; with one, the first attempt's hold when there was one. */
@CommandHandler(HoldSeatsCommand)
export class HoldSeatsHandler implements ICommandHandler<HoldSeatsCommand> {
  constructor(
    private readonly placeHold: PlaceHold,
    private readonly keyedHolds: KeyedHolds,
  ) {}

  execute({ customerId, showId, request, idempotencyKey }: HoldSeatsCommand): Promise<HoldCreated> {
    if (idempotencyKey === undefined) return this.placeHold.place(customerId, showId, request, timeOrderedUuid());
    return this.keyedHolds.hold(customerId, showId, request, idempotencyKey);
  }
}
