import { Query } from '@nestjs/cqrs';
import type { HolderMessagesPage } from '@app/contracts';

export class ListMyMessagesQuery extends Query<HolderMessagesPage> {
  constructor(readonly customerId: string) {
    super();
  }
}
