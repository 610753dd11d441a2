import { Query } from '@nestjs/cqrs';
import type { HoldDetails } from '../holds/holdTypes';

export class GetHoldQuery extends Query<HoldDetails> {
  constructor(
    readonly customerId: string,
    readonly holdId: string,
  ) {
    super();
  }
}
