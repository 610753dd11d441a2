import { Query } from '@nestjs/cqrs';
import type { ShowMessagesPage } from '@app/contracts';
import type { Staff } from '../../auth/staff';

export class ListShowMessagesQuery extends Query<ShowMessagesPage> {
  constructor(
    readonly staff: Staff,
    readonly showId: string,
  ) {
    super();
  }
}
