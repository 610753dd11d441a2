import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { invalidRequest } from '@app/domain';
import { ReadDatabase } from '../../infrastructure/readDatabase';
import { EVENTS_PAGE_SIZE, SearchEventsQuery, type EventsPage } from './searchEvents.query';

interface Params {
  q: string | null;
  city: string | null;
  from: string | null;
  to: string | null;
  now: string;
  limit: number;
  offset: number;
}

interface Row {
  id: string;
  name: string;
  description: string;
  category: string;
  performerId: string;
  performerName: string | null;
  nextShowAt: string | null;
  cities: string | null;
}

const SHOW_FILTER = `(@city IS NULL OR s.city_id = @city) AND (@from IS NULL OR s.starts_at >= @from) AND (@to IS NULL OR s.starts_at < @to)`;

// Without a city or date filter every event matches, including those with no show yet.
const WHERE = `
  (@q IS NULL OR e.search_text LIKE @q ESCAPE '\\')
  AND (COALESCE(@city, @from, @to) IS NULL OR EXISTS (SELECT 1 FROM catalog_shows s WHERE s.event_id = e.id AND ${SHOW_FILTER}))`;

/**
 * A LIKE scan over one lower-cased column: plenty for a catalog of thousands of
 * events. Start times are stored as UTC ISO text, so comparing text compares time.
 */
@QueryHandler(SearchEventsQuery)
export class SearchEventsHandler implements IQueryHandler<SearchEventsQuery> {
  private statements: { count: Database.Statement; page: Database.Statement } | undefined;

  constructor(private readonly readDb: ReadDatabase) {}

  async execute({ criteria, now }: SearchEventsQuery): Promise<EventsPage> {
    const from = criteria.from ? new Date(criteria.from).toISOString() : null;
    const to = criteria.to ? exclusiveEnd(criteria.to) : null;
    if (from && to && to <= from) throw invalidRequest('to', 'must not be before from', { from: criteria.from, to: criteria.to });
    const params: Params = {
      q: criteria.q ? `%${escapeLike(criteria.q.toLowerCase())}%` : null,
      city: criteria.cityId ?? null,
      from,
      to,
      now: now.toISOString(),
      limit: EVENTS_PAGE_SIZE,
      offset: (criteria.page - 1) * EVENTS_PAGE_SIZE,
    };
    const sql = this.prepared();
    const { total } = sql.count.get(params) as { total: number };
    const rows = total > params.offset ? (sql.page.all(params) as Row[]) : [];
    return {
      items: rows.map((row) => ({
        id: row.id,
        name: row.name,
        description: row.description,
        category: row.category,
        performer: { id: row.performerId, name: row.performerName ?? '' },
        cities: row.cities ? row.cities.split(',') : [],
        nextShowAt: row.nextShowAt,
      })),
      page: criteria.page,
      pageSize: EVENTS_PAGE_SIZE,
      total,
    };
  }

  private prepared(): NonNullable<SearchEventsHandler['statements']> {
    const db = this.readDb.reader;
    this.statements ??= {
      count: db.prepare(`SELECT COUNT(*) AS total FROM catalog_events e WHERE ${WHERE}`),
      page: db.prepare(
        `SELECT e.id, e.name, e.description, e.category, e.performer_id AS performerId, p.name AS performerName,
                (SELECT MIN(s.starts_at) FROM catalog_shows s
                  WHERE s.event_id = e.id AND s.starts_at >= @now AND ${SHOW_FILTER}) AS nextShowAt,
                (SELECT group_concat(city_id, ',') FROM
                  (SELECT DISTINCT s.city_id FROM catalog_shows s WHERE s.event_id = e.id ORDER BY s.city_id)) AS cities
           FROM catalog_events e LEFT JOIN catalog_performers p ON p.id = e.performer_id
          WHERE ${WHERE}
          ORDER BY nextShowAt IS NULL, nextShowAt, e.name, e.id
          LIMIT @limit OFFSET @offset`,
      ),
    };
    return this.statements;
  }
}

/** `%` and `_` in a search are letters, not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** A bare date includes its whole day; a date-time includes itself. */
function exclusiveEnd(to: string): string {
  const ms = Date.parse(to);
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(to) ? ms + 86_400_000 : ms + 1).toISOString();
}
