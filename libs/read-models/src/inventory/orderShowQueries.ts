import type Database from 'better-sqlite3';
import type { OrderShow } from '@app/contracts';
import { CatalogProjection } from '../catalog/catalogProjection';
import type { ReadDatabase } from '../readDatabase';

/** What an order is for (event, venue, city, start and the venue's zone), from the catalog tables: an order names its show without a raw id. */
export class OrderShowQueries {
  private readonly show: Database.Statement<[string], OrderShow>;

  constructor(readDb: ReadDatabase) {
    new CatalogProjection().setup(readDb.writer);
    this.show = readDb.reader.prepare(
      `SELECT s.event_id AS eventId, e.name AS eventName, v.name AS venueName, c.name AS cityName, s.starts_at AS startsAt, c.time_zone AS timeZone
         FROM catalog_shows s JOIN catalog_events e ON e.id = s.event_id JOIN catalog_venues v ON v.id = s.venue_id JOIN catalog_cities c ON c.id = v.city_id
        WHERE s.id = ?`,
    );
  }

  /** The show's names and start; undefined for a show the catalog does not have. */
  of(showId: string): OrderShow | undefined {
    // Read every time: an organiser may rename the event or move the show.
    const row = this.show.get(showId);
    return row === undefined ? undefined : { ...row };
  }
}
