import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { openPayload, signPayload } from '../auth/signedPayload';
import { TokenService } from '../auth/tokenService';
import { APP_CONFIG } from '../infrastructure/tokens';

const PREFIX = 'R1';

/** Whose order a receipt link opens. */
export interface ReceiptClaims {
  customerId: string;
  orderId: string;
}

/**
 * The link in a receipt that opens the order's tickets on any device: `<PUBLIC_BASE_URL>/receipts/<token>`,
 * the token `R1.<claims>.<HMAC>` with a key of its own derived from the token secret. It
 * proves one order and nothing else: it is not a customer token and opens no other order,
 * and a changed character anywhere makes it worthless. It does not expire: a receipt is
 * kept for years, like the paper one.
 */
@Injectable()
export class ReceiptLinks {
  private readonly key: Buffer;

  constructor(
    tokens: TokenService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = tokens.keyFor('receipt-link');
  }

  tokenFor(claims: ReceiptClaims): string {
    return signPayload(this.key, PREFIX, { c: claims.customerId, o: claims.orderId });
  }

  linkFor(claims: ReceiptClaims): string {
    return `${this.config.publicBaseUrl}/receipts/${this.tokenFor(claims)}`;
  }

  /** The order a token proves; undefined for a forged or altered one. */
  open(token: string): ReceiptClaims | undefined {
    const claims = openPayload(this.key, PREFIX, token, 200);
    if (!claims || typeof claims.c !== 'string' || typeof claims.o !== 'string' || !claims.c || !claims.o) return undefined;
    return { customerId: claims.c, orderId: claims.o };
  }
}
