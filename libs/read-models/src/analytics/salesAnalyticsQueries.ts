import type Database from 'better-sqlite3';
import type { CountedCell, CountedReport } from '@app/domain';
import type { ReadDatabase } from '../readDatabase';
import { ANALYTICS_DIMENSIONS, SalesAnalyticsProjection, TOTAL_CELL, type AnalyticsDimension } from './salesAnalyticsProjection';

/** What the analytics know of a show besides its sales. */
export interface AnalyticsShow {
  showId: string;
  eventId: string;
  timeZone: string;
  currency: string;
}

/**
 * A show's counted cells, as `suppressReport` (libs/domain) takes them: one indexed range of
 * the cells table, a few dozen rows whatever the show sold. Nothing here is fit to publish
 * before it has been through the suppression rules.
 */
export class SalesAnalyticsQueries {
  private readonly s: {
    show: Database.Statement<[string], AnalyticsShow>;
    eventShows: Database.Statement<[string], AnalyticsShow>;
    cells: Database.Statement<[string], CountedCell & { dimension: string }>;
  };

  constructor(readDb: ReadDatabase) {
    // The tables may not exist yet on the read connection's first use.
    new SalesAnalyticsProjection().setup(readDb.writer);
    const db = readDb.reader;
    const columns = 'show_id AS showId, event_id AS eventId, time_zone AS timeZone, currency';
    this.s = {
      show: db.prepare(`SELECT ${columns} FROM analytics_shows WHERE show_id = ?`),
      eventShows: db.prepare(`SELECT ${columns} FROM analytics_shows WHERE event_id = ? ORDER BY show_id`),
      cells: db.prepare('SELECT dimension, key, tickets, revenue, orders, buyers FROM analytics_cells WHERE show_id = ? AND tickets > 0'),
    };
  }

  show(showId: string): AnalyticsShow | undefined {
    return this.s.show.get(showId);
  }

  eventShows(eventId: string): AnalyticsShow[] {
    return this.s.eventShows.all(eventId);
  }

  /**
   * The show's total and one breakdown per dimension. Cells come in the order of their keys
   * (hours in time, order sizes by size), never by size of the figures: the place of a
   * withheld cell in a list sorted by sales would tell how much it sold.
   */
  counted(showId: string): CountedReport<AnalyticsDimension> {
    const breakdowns = Object.fromEntries(ANALYTICS_DIMENSIONS.map((d) => [d, [] as CountedCell[]])) as Record<AnalyticsDimension, CountedCell[]>;
    let total: CountedCell = { key: TOTAL_CELL.key, tickets: 0, revenue: 0, orders: 0, buyers: 0 };
    for (const { dimension, ...cell } of this.s.cells.all(showId)) {
      if (dimension === TOTAL_CELL.dimension) total = cell;
      else if ((ANALYTICS_DIMENSIONS as readonly string[]).includes(dimension)) breakdowns[dimension as AnalyticsDimension].push(cell);
    }
    for (const dimension of ANALYTICS_DIMENSIONS) breakdowns[dimension].sort(byKey(dimension));
    return { total, breakdowns };
  }
}

/** The order cells are listed in: by their keys' own order. */
export function byKey(dimension: AnalyticsDimension): (a: { key: string }, b: { key: string }) => number {
  switch (dimension) {
    case 'hour':
      return (a, b) => Date.parse(a.key) - Date.parse(b.key) || compare(a.key, b.key);
    case 'size':
      return (a, b) => parseInt(a.key, 10) - parseInt(b.key, 10);
    case 'region':
      // Customers of no known region last.
      return (a, b) => Number(a.key === 'unknown') - Number(b.key === 'unknown') || compare(a.key, b.key);
    case 'tier':
      return (a, b) => compare(a.key, b.key);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
