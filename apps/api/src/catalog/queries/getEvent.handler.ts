import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { ShowKind, VenueKind } from '@app/domain';
import { ReadDatabase } from '../../infrastructure/readDatabase';
import { GetEventQuery, type EventDetails } from './getEvent.query';

interface EventRow {
  id: string;
  name: string;
  description: string;
  category: string;
  performerId: string;
  performerName: string | null;
}

interface ShowRow {
  id: string;
  venueId: string;
  startsAt: string;
  kind: ShowKind;
  venueName: string;
  cityId: string;
  venueKind: VenueKind;
}

@QueryHandler(GetEventQuery)
export class GetEventHandler implements IQueryHandler<GetEventQuery> {
  private statements: { event: Database.Statement; shows: Database.Statement } | undefined;

  constructor(private readonly readDb: ReadDatabase) {}

  async execute({ eventId }: GetEventQuery): Promise<EventDetails | undefined> {
    const sql = this.prepared();
    const event = sql.event.get(eventId) as EventRow | undefined;
    if (!event) return undefined;
    const shows = sql.shows.all(eventId) as ShowRow[];
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
        kind: show.kind,
      })),
    };
  }

  private prepared(): NonNullable<GetEventHandler['statements']> {
    this.statements ??= {
      event: this.readDb.reader.prepare(
        `SELECT e.id, e.name, e.description, e.category, e.performer_id AS performerId, p.name AS performerName
           FROM catalog_events e LEFT JOIN catalog_performers p ON p.id = e.performer_id
          WHERE e.id = ?`,
      ),
      shows: this.readDb.reader.prepare(
        `SELECT s.id, s.venue_id AS venueId, s.starts_at AS startsAt, s.kind, v.name AS venueName, v.city_id AS cityId, v.kind AS venueKind
           FROM catalog_shows s JOIN catalog_venues v ON v.id = s.venue_id
          WHERE s.event_id = ?
          ORDER BY s.starts_at, s.id`,
      ),
    };
    return this.statements;
  }
}
