import { Query } from '@nestjs/cqrs';
import type { WaitlistEntryView } from '../waitlistTypes';

export class GetWaitlistEntryQuery extends Query<WaitlistEntryView> {
  constructor(
    readonly customerId: string,
    readonly entryId: string,
  ) {
    super();
  }
}
