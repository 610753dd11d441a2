import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Order } from '../holds/holdTypes';
import { PurchaseHold } from '../holds/purchaseHold';
import { Metrics, refusalCode } from '../../metrics/metrics';
import { PurchaseHoldCommand } from './purchaseHold.command';

/** Pays for a hold: the card is charged and every part of the hold becomes tickets of one order. */
@CommandHandler(PurchaseHoldCommand)
export class PurchaseHoldHandler implements ICommandHandler<PurchaseHoldCommand> {
  constructor(
    private readonly purchaseHold: PurchaseHold,
    private readonly metrics: Metrics,
  ) {}

  execute({ customerId, holdId, paymentToken, idempotencyKey, email }: PurchaseHoldCommand): Promise<Order> {
    return this.purchaseHold.purchase(customerId, holdId, paymentToken, idempotencyKey, email).then(
      // Sales are counted where they are made (PurchaseHold), so a repeated key is not counted twice.
      (order) => order,
      (error: unknown) => {
        this.metrics.orders.inc({ result: refusalCode(error) });
        throw error;
      },
    );
  }
}
