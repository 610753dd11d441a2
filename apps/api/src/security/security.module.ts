import { Global, Module } from '@nestjs/common';
import { RateLimitGuard } from './rateLimit.guard';

/** One RateLimitGuard per app, so every guarded route spends from the same buckets. */
@Global()
@Module({ providers: [RateLimitGuard], exports: [RateLimitGuard] })
export class SecurityModule {}
