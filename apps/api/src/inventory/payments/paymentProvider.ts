/** The payment port. The default adapter is a simulator; a real provider plugs in here. */
export interface ChargeRequest {
  token: string;
  amount: number;
  currency: string;
  /** The same key charges once: a retry returns the first outcome. */
  idempotencyKey: string;
}

export type ChargeResult = { status: 'approved'; chargeId: string } | { status: 'declined'; reason: string } | { status: 'invalid_token' };

export abstract class PaymentProvider {
  abstract charge(request: ChargeRequest): Promise<ChargeResult>;
  /** Gives back an approved charge whose sale could not complete. */
  abstract refund(chargeId: string): Promise<void>;
}
