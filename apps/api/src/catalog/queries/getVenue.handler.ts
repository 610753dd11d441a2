import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogQueries, venueView, type VenueView } from '@app/read-models';
import { GetVenueQuery } from './getVenue.query';

@QueryHandler(GetVenueQuery)
export class GetVenueHandler implements IQueryHandler<GetVenueQuery> {
  constructor(private readonly catalog: CatalogQueries) {}

  async execute({ venueId }: GetVenueQuery): Promise<VenueView | undefined> {
    const venue = this.catalog.venue(venueId);
    return venue ? venueView(venue) : undefined;
  }
}
