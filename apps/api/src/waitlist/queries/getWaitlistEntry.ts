import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { WaitlistService, type WaitlistEntryView } from '../waitlistService';

export class GetWaitlistEntryQuery extends Query<WaitlistEntryView> {
  constructor(
    readonly customerId: string,
    readonly entryId: string,
  ) {
    super();
  }
}

@QueryHandler(GetWaitlistEntryQuery)
export class GetWaitlistEntryHandler implements IQueryHandler<GetWaitlistEntryQuery> {
  constructor(private readonly waitlist: WaitlistService) {}
  execute(q: GetWaitlistEntryQuery): Promise<WaitlistEntryView> {
    return this.waitlist.view(q.customerId, q.entryId);
  }
}
