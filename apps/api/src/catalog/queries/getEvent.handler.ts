import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogQueries } from '@app/read-models';
import { GetEventQuery, type EventDetails } from './getEvent.query';

@QueryHandler(GetEventQuery)
export class GetEventHandler implements IQueryHandler<GetEventQuery> {
  constructor(private readonly catalog: CatalogQueries) {}

  async execute({ eventId }: GetEventQuery): Promise<EventDetails | undefined> {
    const found = this.catalog.event(eventId);
    if (!found) return undefined;
    const { event, shows } = found;
    return {
      id: event.id,
      name: event.name,
      description: event.description,
      category: event.category,
      performer: { id: event.performerId, name: event.performerName ?? '' },
      shows: shows.map((show) => ({
        id: show.id,
        venueId: show.venueId,
        venue: { id: show.venueId, name: show.venueName, cityId: show.cityId, kind: show.venueKind },
        startsAt: show.startsAt,
        timeZone: show.timeZone,
        kind: show.kind,
      })),
    };
  }
}
