import { hash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { PaymentProvider, type ChargeRequest, type ChargeResult } from './paymentProvider';

/**
 * Outcomes remembered for retries at most. A sell-out charges once per order; without a bound the
 * simulator kept every key of a million-ticket sale for the life of the process. A retry comes within
 * seconds; orders are idempotent on their own (the order id derives from the key), so a key forgotten
 * after this many later charges costs nothing but a second simulated approval.
 */
export const REMEMBERED_CHARGES = 50_000;

/** Test cards: `tok_visa` is approved, `tok_declined` is refused, anything else is not a card. */
@Injectable()
export class SimulatedPaymentProvider extends PaymentProvider {
  private readonly outcomes = new Map<string, ChargeResult>();
  readonly refunds = new Set<string>();

  async charge(request: ChargeRequest): Promise<ChargeResult> {
    const earlier = this.outcomes.get(request.idempotencyKey);
    if (earlier) return earlier;
    const result: ChargeResult =
      request.token === 'tok_visa'
        ? { status: 'approved', chargeId: `ch_${hash('sha256', request.idempotencyKey, 'hex').slice(0, 24)}` }
        : request.token === 'tok_declined'
          ? { status: 'declined', reason: 'card_declined' }
          : { status: 'invalid_token' };
    if (result.status !== 'invalid_token') {
      if (this.outcomes.size >= REMEMBERED_CHARGES) this.outcomes.delete(this.outcomes.keys().next().value!);
      this.outcomes.set(request.idempotencyKey, result);
    }
    return result;
  }

  async refund(chargeId: string): Promise<void> {
    this.refunds.add(chargeId);
  }
}
