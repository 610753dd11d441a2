import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { HoldDetails } from '../holds/holdTypes';
import { HoldViews } from '../holds/holdViews';
import { GetHoldQuery } from './getHold.query';

/** The customer's hold as its shards have it now (another process may have bought it). */
@QueryHandler(GetHoldQuery)
export class GetHoldHandler implements IQueryHandler<GetHoldQuery> {
  constructor(private readonly holds: HoldViews) {}

  execute({ customerId, holdId }: GetHoldQuery): Promise<HoldDetails> {
    return this.holds.view(customerId, holdId);
  }
}
