import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { invalidRequest } from '@app/domain';
import { CatalogQueries } from '@app/read-models';
import { EVENTS_PAGE_SIZE, SearchEventsQuery, type EventsPage } from './searchEvents.query';

/** `GET /v1/events`: its criteria as a search of the catalog read model (`CatalogQueries.searchEvents`). */
@QueryHandler(SearchEventsQuery)
export class SearchEventsHandler implements IQueryHandler<SearchEventsQuery> {
  constructor(private readonly catalog: CatalogQueries) {}

  async execute({ criteria, now }: SearchEventsQuery): Promise<EventsPage> {
    const from = criteria.from ? new Date(criteria.from).toISOString() : null;
    const to = criteria.to ? exclusiveEnd(criteria.to) : null;
    if (from && to && to <= from) throw invalidRequest('to', 'must not be before from', { from: criteria.from, to: criteria.to });
    const { total, rows } = this.catalog.searchEvents({
      text: criteria.q || null,
      city: criteria.cityId ?? null,
      from,
      to,
      now: now.toISOString(),
      limit: EVENTS_PAGE_SIZE,
      offset: (criteria.page - 1) * EVENTS_PAGE_SIZE,
    });
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        description: row.description,
        category: row.category,
        performer: { id: row.performerId, name: row.performerName ?? '' },
        cities: row.cities ? row.cities.split(',') : [],
        nextShowAt: row.nextShowAt,
        nextShowTimeZone: row.nextShowTimeZone,
      })),
      page: criteria.page,
      pageSize: EVENTS_PAGE_SIZE,
      total,
    };
  }
}

/** A bare date includes its whole day; a date-time includes itself. */
function exclusiveEnd(to: string): string {
  const ms = Date.parse(to);
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(to) ? ms + 86_400_000 : ms + 1).toISOString();
}
