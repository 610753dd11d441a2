import { Controller, HttpCode, Post } from '@nestjs/common';
import { TokenService, type CustomerToken } from '../auth/tokenService';

@Controller('v1/customers')
export class CustomersController {
  constructor(private readonly tokens: TokenService) {}

  /** A new customer identity and the signed token that proves it. */
  @Post()
  @HttpCode(201)
  create(): CustomerToken {
    return this.tokens.issueCustomer();
  }
}
