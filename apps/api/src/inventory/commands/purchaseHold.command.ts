import { Command } from '@nestjs/cqrs';
import type { Order } from '../holds/holdTypes';

export class PurchaseHoldCommand extends Command<Order> {
  constructor(
    readonly customerId: string,
    readonly holdId: string,
    readonly paymentToken: string,
    /** The order's key: a retry with the same key answers with the first order. */
    readonly idempotencyKey: string,
    /** Where to send messages about the tickets (already validated); personal data, kept in the customer's contact stream. */
    readonly email?: string,
  ) {
    super();
  }
}
