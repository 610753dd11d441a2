import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { timeOrderedUuid } from '../../infrastructure/ids';
import { Metrics, refusalCode } from '../../metrics/metrics';
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
    private readonly metrics: Metrics,
  ) {}

  execute({ customerId, showId, request, idempotencyKey, arrival }: HoldSeatsCommand): Promise<HoldCreated> {
    const held = idempotencyKey === undefined ? this.placeHold.place(customerId, showId, request, timeOrderedUuid(), arrival) : this.keyedHolds.hold(customerId, showId, request, idempotencyKey, arrival);
    return held.then(
      (hold) => {
        this.metrics.holds.inc({ result: 'placed' });
        this.metrics.ticketsHeld.inc(hold.seatIds?.length ?? hold.ticketNumbers?.length ?? 0);
        return hold;
      },
      (error: unknown) => {
        this.metrics.holds.inc({ result: refusalCode(error) });
        throw error;
      },
    );
  }
}
