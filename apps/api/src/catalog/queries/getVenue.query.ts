import { Query } from '@nestjs/cqrs';
import type { VenueView } from '../views/venueView';

export class GetVenueQuery extends Query<VenueView | undefined> {
  constructor(readonly venueId: string) {
    super();
  }
}
