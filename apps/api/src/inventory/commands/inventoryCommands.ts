import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { HoldService, type HoldCreated, type HoldRequest, type Order } from '../holdService';

export class HoldSeatsCommand extends Command<HoldCreated> {
  constructor(
    readonly customerId: string,
    readonly showId: string,
    readonly request: HoldRequest,
    /** Optional: a retry with the same key answers with the first hold instead of holding again. */
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

export class ReleaseHoldCommand extends Command<void> {
  constructor(
    readonly customerId: string,
    readonly holdId: string,
  ) {
    super();
  }
}

export class PurchaseHoldCommand extends Command<Order> {
  constructor(
    readonly customerId: string,
    readonly holdId: string,
    readonly paymentToken: string,
    readonly idempotencyKey: string,
  ) {
    super();
  }
}

@CommandHandler(HoldSeatsCommand)
export class HoldSeatsHandler implements ICommandHandler<HoldSeatsCommand> {
  constructor(private readonly holds: HoldService) {}
  execute(c: HoldSeatsCommand): Promise<HoldCreated> {
    return this.holds.hold(c.customerId, c.showId, c.request, c.idempotencyKey);
  }
}

@CommandHandler(ReleaseHoldCommand)
export class ReleaseHoldHandler implements ICommandHandler<ReleaseHoldCommand> {
  constructor(private readonly holds: HoldService) {}
  execute(c: ReleaseHoldCommand): Promise<void> {
    return this.holds.release(c.customerId, c.holdId);
  }
}

@CommandHandler(PurchaseHoldCommand)
export class PurchaseHoldHandler implements ICommandHandler<PurchaseHoldCommand> {
  constructor(private readonly holds: HoldService) {}
  execute(c: PurchaseHoldCommand): Promise<Order> {
    return this.holds.purchase(c.customerId, c.holdId, c.paymentToken, c.idempotencyKey);
  }
}
