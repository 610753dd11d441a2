import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { APP_CONFIG } from '../infrastructure/tokens';
import { RateLimiter } from './rateLimiter';

/** The buckets, one set per app: every guarded route, in whichever module, spends from them. */
@Injectable()
export class RateLimits {
  readonly byCustomer: RateLimiter | undefined;
  readonly byAddress: RateLimiter | undefined;
  /** New customer identities per address: one client cannot mint a crowd of customers, each with its own allowance. */
  readonly identitiesByAddress: RateLimiter | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    if (config.rateLimits) {
      this.byCustomer = new RateLimiter(config.rateLimitCustomerPerMinute);
      this.byAddress = new RateLimiter(config.rateLimitIpPerMinute);
      this.identitiesByAddress = new RateLimiter(config.rateLimitIdentitiesPerMinute);
    }
  }
}
