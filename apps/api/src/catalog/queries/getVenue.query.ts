import { Query } from '@nestjs/cqrs';
import type { VenueView } from '@app/read-models';

export class GetVenueQuery extends Query<VenueView | undefined> {
  constructor(readonly venueId: string) {
    super();
  }
}
