import { Query } from '@nestjs/cqrs';
import type { ShowView } from '@app/read-models';

export class GetShowQuery extends Query<ShowView | undefined> {
  constructor(readonly showId: string) {
    super();
  }
}
