import { Query } from '@nestjs/cqrs';
import type { EventDetails } from '@app/contracts';

/** An event with its shows, earliest first, as libs/contracts defines it. */
export type { EventDetails } from '@app/contracts';

export class GetEventQuery extends Query<EventDetails | undefined> {
  constructor(readonly eventId: string) {
    super();
  }
}
