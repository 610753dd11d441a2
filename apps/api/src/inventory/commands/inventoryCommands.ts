import { CommandHandler, type ICommandHandler, Command } from '@nestjs/cqrs';
import { timeOrderedUuid } from '../../infrastructure/ids';
import { EndHold } from '../holds/endHold';
import type { HoldCreated, HoldRequest, Order } from '../holds/holdTypes';
import { KeyedHolds } from '../holds/keyedHolds';
import { PlaceHold } from '../holds/placeHold';
import { PurchaseHold } from '../holds/purchaseHold';

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
  constructor(
    private readonly placeHold: PlaceHold,
    private readonly keyedHolds: KeyedHolds,
  ) {}
  execute(c: HoldSeatsCommand): Promise<HoldCreated> {
    if (c.idempotencyKey === undefined) return this.placeHold.place(c.customerId, c.showId, c.request, timeOrderedUuid());
    return this.keyedHolds.hold(c.customerId, c.showId, c.request, c.idempotencyKey);
  }
}

@CommandHandler(ReleaseHoldCommand)
export class ReleaseHoldHandler implements ICommandHandler<ReleaseHoldCommand> {
  constructor(private readonly endHold: EndHold) {}
  execute(c: ReleaseHoldCommand): Promise<void> {
    return this.endHold.release(c.customerId, c.holdId);
  }
}

@CommandHandler(PurchaseHoldCommand)
export class PurchaseHoldHandler implements ICommandHandler<PurchaseHoldCommand> {
  constructor(private readonly purchaseHold: PurchaseHold) {}
  execute(c: PurchaseHoldCommand): Promise<Order> {
    return this.purchaseHold.purchase(c.customerId, c.holdId, c.paymentToken, c.idempotencyKey);
  }
}
