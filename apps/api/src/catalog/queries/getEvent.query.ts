import { Query } from '@nestjs/cqrs';
import type { ShowKind } from '@app/domain';
import type { VenueSummary } from '@app/read-models';

export interface EventDetails {
  id: string;
  name: string;
  description: string;
  category: string;
  performer: { id: string; name: string };
  /** Earliest first. */
  shows: Array<{ id: string; venueId: string; venue: VenueSummary; startsAt: string; kind: ShowKind }>;
}

export class GetEventQuery extends Query<EventDetails | undefined> {
  constructor(readonly eventId: string) {
    super();
  }
}
