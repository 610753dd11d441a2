import type Database from 'better-sqlite3';
import type { City, ShowKind, Venue, VenueKind } from '@app/domain';
import type { ReadDatabase } from '../readDatabase';
import { CatalogProjection } from './catalogProjection';
import type { ShowView } from './showView';

export interface EventRow {
  id: string;
  name: string;
  description: string;
  category: string;
  performerId: string;
  performerName: string | null;
}

/** A show of an event, with the venue it plays in. */
export interface EventShowRow {
  id: string;
  venueId: string;
  startsAt: string;
  kind: ShowKind;
  venueName: string;
  cityId: string;
  venueKind: VenueKind;
  /** The venue's city's IANA time zone. */
  timeZone: string;
}

export interface EventSearch {
  /** Matched case-insensitively, as plain text (no wildcards), against name, description and performer. */
  text: string | null;
  /** Events with a show in this city, starting at or after `from` and before `to` (UTC ISO, exclusive). */
  city: string | null;
  from: string | null;
  to: string | null;
  /** Shows starting before this have started: `nextShowAt` skips them. */
  now: string;
  limit: number;
  offset: number;
}

export interface EventSearchRow extends EventRow {
  nextShowAt: string | null;
  /** The time zone of the next show's city; null when there is none. */
  nextShowTimeZone: string | null;
  /** Ids of the cities the event has shows in, comma-separated (null: none). */
  cities: string | null;
}

const SHOW_FILTER = `(@city IS NULL OR s.city_id = @city) AND (@from IS NULL OR s.starts_at >= @from) AND (@to IS NULL OR s.starts_at < @to)`;

// Without a city or date filter every event matches, including those with no show yet.
const WHERE = `
  (@q IS NULL OR e.search_text LIKE @q ESCAPE '\\')
  AND (COALESCE(@city, @from, @to) IS NULL OR EXISTS (SELECT 1 FROM catalog_shows s WHERE s.event_id = e.id AND ${SHOW_FILTER}))`;

/**
 * Reads over the catalog tables, on the read connection. Search is a LIKE scan over one
 * lower-cased column: plenty for a catalog of thousands of events. Start times are stored
 * as UTC ISO text, so comparing text compares time.
 */
export class CatalogQueries {
  private readonly s: Record<'cities' | 'event' | 'eventShows' | 'show' | 'venue' | 'showIds' | 'showExists' | 'count' | 'page', Database.Statement>;

  constructor(readDb: ReadDatabase) {
    // The tables may not exist yet on the read connection's first use.
    new CatalogProjection().setup(readDb.writer);
    const db = readDb.reader;
    this.s = {
      cities: db.prepare('SELECT id, name, country, time_zone AS timeZone FROM catalog_cities ORDER BY name, id'),
      event: db.prepare(
        `SELECT e.id, e.name, e.description, e.category, e.performer_id AS performerId, p.name AS performerName
           FROM catalog_events e LEFT JOIN catalog_performers p ON p.id = e.performer_id
          WHERE e.id = ?`,
      ),
      eventShows: db.prepare(
        `SELECT s.id, s.venue_id AS venueId, s.starts_at AS startsAt, s.kind, v.name AS venueName, v.city_id AS cityId, v.kind AS venueKind, c.time_zone AS timeZone
           FROM catalog_shows s JOIN catalog_venues v ON v.id = s.venue_id JOIN catalog_cities c ON c.id = v.city_id
          WHERE s.event_id = ?
          ORDER BY s.starts_at, s.id`,
      ),
      // The page is stored ready-made by the projection: the hottest read is one primary-key lookup.
      show: db.prepare('SELECT show_json FROM catalog_shows WHERE id = ?').pluck(),
      venue: db.prepare('SELECT venue_json FROM catalog_venues WHERE id = ?').pluck(),
      showIds: db.prepare('SELECT id FROM catalog_shows ORDER BY starts_at, id').pluck(),
      showExists: db.prepare('SELECT 1 FROM catalog_shows WHERE id = ?'),
      count: db.prepare(`SELECT COUNT(*) AS total FROM catalog_events e WHERE ${WHERE}`),
      page: db.prepare(
        `SELECT e.id, e.name, e.description, e.category, e.performer_id AS performerId, p.name AS performerName,
                (SELECT MIN(s.starts_at) FROM catalog_shows s
                  WHERE s.event_id = e.id AND s.starts_at >= @now AND ${SHOW_FILTER}) AS nextShowAt,
                (SELECT c.time_zone FROM catalog_shows s JOIN catalog_cities c ON c.id = s.city_id
                  WHERE s.event_id = e.id AND s.starts_at >= @now AND ${SHOW_FILTER}
                  ORDER BY s.starts_at, s.id LIMIT 1) AS nextShowTimeZone,
                (SELECT group_concat(city_id, ',') FROM
                  (SELECT DISTINCT s.city_id FROM catalog_shows s WHERE s.event_id = e.id ORDER BY s.city_id)) AS cities
           FROM catalog_events e LEFT JOIN catalog_performers p ON p.id = e.performer_id
          WHERE ${WHERE}
          ORDER BY nextShowAt IS NULL, nextShowAt, e.name, e.id
          LIMIT @limit OFFSET @offset`,
      ),
    };
  }

  /** Each city's IANA time zone, by city id. */
  timeZones(): Map<string, string> {
    return new Map(this.cities().map((c) => [c.id, c.timeZone]));
  }

  cities(): City[] {
    return this.s.cities.all() as City[];
  }

  /** The event and its shows, earliest first. */
  event(eventId: string): { event: EventRow; shows: EventShowRow[] } | undefined {
    const event = this.s.event.get(eventId) as EventRow | undefined;
    return event ? { event, shows: this.s.eventShows.all(eventId) as EventShowRow[] } : undefined;
  }

  /** The show page as the projection stored it. */
  show(showId: string): ShowView | undefined {
    const json = this.s.show.get(showId) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as ShowView);
  }

  venue(venueId: string): Venue | undefined {
    const json = this.s.venue.get(venueId) as string | undefined;
    return json === undefined ? undefined : (JSON.parse(json) as Venue);
  }

  /** Every scheduled show, earliest first. */
  showIds(): string[] {
    return this.s.showIds.all() as string[];
  }

  showExists(showId: string): boolean {
    return this.s.showExists.get(showId) !== undefined;
  }

  /** One page of the events that match, with how many match in all. */
  searchEvents(search: EventSearch): { total: number; rows: EventSearchRow[] } {
    const { text, ...rest } = search;
    const params = { ...rest, q: text ? `%${escapeLike(text.toLowerCase())}%` : null };
    const { total } = this.s.count.get(params) as { total: number };
    return { total, rows: total > params.offset ? (this.s.page.all(params) as EventSearchRow[]) : [] };
  }
}

/** `%` and `_` in a search are letters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
