import { Query } from '@nestjs/cqrs';
import type { ShowView } from '../views/showView';

export class GetShowQuery extends Query<ShowView | undefined> {
  constructor(readonly showId: string) {
    super();
  }
}
