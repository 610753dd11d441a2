import { Controller, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { TokenService, type CustomerToken } from '../auth/tokenService';
import * as api from '@app/contracts';
import { AppError } from '../application/appError';
import { Endpoint } from '../http/endpoint';
import { ProofOfWork } from '../onsale/proofOfWork';
import { RateLimits } from '../security/rateLimits';

@Controller('v1/customers')
export class CustomersController {
  constructor(
    private readonly tokens: TokenService,
    private readonly pow: ProofOfWork,
    private readonly limits: RateLimits,
  ) {}

  /** A new customer identity and the signed token that proves it. */
  @Post()
  @Endpoint({
    summary: 'Become a customer: an identity and its token',
    description: 'Rate limited per address. While a hot on-sale is open, send `Proof-Of-Work: <challenge>:<nonce>` solving a challenge from POST /v1/customers/challenges.',
    caller: 'anyone',
    status: 201,
    answer: api.CustomerToken,
    errors: [403, 429],
  })
  @ApiHeader({ name: 'Proof-Of-Work', required: false, description: '`<challenge>:<nonce>`: SHA-256 of it starts with the challenge\'s difficulty in zero bits', schema: { type: 'string', maxLength: 1000 } })
  @HttpCode(201)
  async create(@Ip() address: string, @Headers('proof-of-work') proof: string | undefined): Promise<CustomerToken> {
    const limit = this.limits.identitiesByAddress?.take(address);
    if (limit && !limit.allowed) {
      throw new AppError('rate_limited', `Too many new customer identities from this address; retry in ${limit.retryAfterSeconds} s`, { scope: 'address', retryAfterSeconds: limit.retryAfterSeconds }, limit.retryAfterSeconds);
    }
    await this.pow.check(proof);
    return this.tokens.issueCustomer();
  }

  @Post('challenges')
  @Endpoint({ summary: 'A proof-of-work challenge to solve before creating a customer identity (while a hot on-sale is open)', caller: 'anyone', status: 201, answer: api.PowChallenge })
  @HttpCode(201)
  challenge(): Promise<api.PowChallenge> {
    return this.pow.challenge();
  }
}
