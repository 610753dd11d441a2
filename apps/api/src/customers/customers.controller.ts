import { Controller, HttpCode, Post } from '@nestjs/common';
import { TokenService, type CustomerToken } from '../auth/tokenService';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';

@Controller('v1/customers')
export class CustomersController {
  constructor(private readonly tokens: TokenService) {}

  /** A new customer identity and the signed token that proves it. */
  @Post()
  @Endpoint({ summary: 'Become a customer: an identity and its token', caller: 'anyone', status: 201, answer: api.CustomerToken })
  @HttpCode(201)
  create(): CustomerToken {
    return this.tokens.issueCustomer();
  }
}
