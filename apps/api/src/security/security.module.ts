import { Global, Module } from '@nestjs/common';
import { RateLimitGuard } from './rateLimit.guard';
import { RateLimits } from './rateLimits';

@Global()
@Module({ providers: [RateLimits, RateLimitGuard], exports: [RateLimits, RateLimitGuard] })
export class SecurityModule {}
