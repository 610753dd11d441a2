import type Database from 'better-sqlite3';
import { CATALOG_EVENT_TYPES, countSeats, type CatalogEvent, type Venue } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { ensureIndex } from '../ensureIndex';
import type { Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';
import { showView, type ShowView } from './showView';

const TABLES = ['catalog_shows', 'catalog_events', 'catalog_performers', 'catalog_venues', 'catalog_cities'] as const;
type Table = (typeof TABLES)[number];

/** Lower-cased once here so a search is one LIKE over one column, case-insensitive beyond ASCII too. */
export function eventSearchText(name: string, description: string, performerName: string): string {
  return `${name}\n${description}\n${performerName}`.toLowerCase();
}

interface Statements {
  insertCity: Database.Statement;
  insertVenue: Database.Statement;
  insertPerformer: Database.Statement;
  insertEvent: Database.Statement;
  insertShow: Database.Statement;
  showJson: Database.Statement;
  updateShowJson: Database.Statement;
  venueJson: Database.Statement;
  cityTimeZone: Database.Statement;
  performerName: Database.Statement;
}

/**
 * The browsing side of the catalog: one table per entity, the JSON the pages need
 * stored ready-made (a show page is one row), plus indexed columns for search
 * (names, city, start). Shows carry their venue's city so "events in this city"
 * needs no join through venues.
 *
 * Each id is created once (its stream is appended with `no_stream`), so a second
 * row for an id can only come from a hand-written stream: the first one wins, as
 * it does in the write side's `load`. A show's prices are the one thing that changes
 * later (`PriceChanged`): its row's tiers follow them.
 */
export class CatalogProjection implements Projection {
  readonly name = 'catalog';
  /** 2: a show's stored page carries its venue's time zone. */
  readonly version = 2;
  readonly eventTypes = CATALOG_EVENT_TYPES;
  readonly tables = TABLES;
  private readonly statements = new WeakMap<Database.Database, Statements>();
  private readonly t: Record<Table, string>;

  constructor(private readonly names: TableNames = LIVE_TABLES) {
    this.t = Object.fromEntries(TABLES.map((table) => [table, names.table(table)])) as Record<Table, string>;
  }

  withTables(names: TableNames): CatalogProjection {
    return new CatalogProjection(names);
  }

  setup(db: Database.Database): void {
    const { t, names } = this;
    db.exec(`
      CREATE TABLE IF NOT EXISTS ${t.catalog_cities} (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, time_zone TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.catalog_venues} (
        id TEXT PRIMARY KEY, city_id TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
        capacity INTEGER NOT NULL, venue_json TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.catalog_performers} (id TEXT PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.catalog_events} (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, category TEXT NOT NULL,
        performer_id TEXT NOT NULL, search_text TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.catalog_shows} (
        id TEXT PRIMARY KEY, event_id TEXT NOT NULL, venue_id TEXT NOT NULL, city_id TEXT NOT NULL,
        starts_at TEXT NOT NULL, kind TEXT NOT NULL, show_json TEXT NOT NULL);
    `);
    ensureIndex(db, names.index('catalog_venues_city'), t.catalog_venues, ['city_id']);
    ensureIndex(db, names.index('catalog_events_name'), t.catalog_events, ['name']);
    ensureIndex(db, names.index('catalog_events_performer'), t.catalog_events, ['performer_id']);
    ensureIndex(db, names.index('catalog_shows_event'), t.catalog_shows, ['event_id', 'starts_at']);
    ensureIndex(db, names.index('catalog_shows_city'), t.catalog_shows, ['city_id', 'starts_at']);
    ensureIndex(db, names.index('catalog_shows_starts'), t.catalog_shows, ['starts_at']);
  }

  reset(db: Database.Database): void {
    for (const table of TABLES) db.exec(`DELETE FROM ${this.t[table]}`);
  }

  apply(db: Database.Database, recorded: RecordedEvent): void {
    const sql = this.prepared(db);
    const event = { type: recorded.type, data: recorded.data } as CatalogEvent;
    switch (event.type) {
      case 'CityCreated': {
        const { id, name, country, timeZone } = event.data;
        sql.insertCity.run(id, name, country, timeZone);
        return;
      }
      case 'VenueCreated': {
        const venue = event.data;
        sql.insertVenue.run(venue.id, venue.cityId, venue.name, venue.kind, venue.seatMap ? countSeats(venue.seatMap) : 0, JSON.stringify(venue));
        return;
      }
      case 'PerformerCreated':
        sql.insertPerformer.run(event.data.id, event.data.name);
        return;
      case 'EventCreated': {
        const { id, name, description, category, performerId } = event.data;
        // The command checked the performer's stream before appending, so its event is earlier in the log.
        const performer = sql.performerName.get(performerId) as { name: string } | undefined;
        sql.insertEvent.run(id, name, description, category, performerId, eventSearchText(name, description, performer?.name ?? ''));
        return;
      }
      case 'ShowScheduled': {
        const show = event.data;
        const row = sql.venueJson.get(show.venueId) as { venue_json: string } | undefined;
        // Cannot happen for shows scheduled through the command; stopping says so instead of hiding a show.
        if (!row) throw new Error(`Show ${show.id} plays in venue ${show.venueId}, which the catalog projection has not seen`);
        const venue = JSON.parse(row.venue_json) as Venue;
        // The venue's command checked its city, so the city is earlier in the log.
        const city = sql.cityTimeZone.get(venue.cityId) as { time_zone: string } | undefined;
        if (!city) throw new Error(`Venue ${venue.id} is in city ${venue.cityId}, which the catalog projection has not seen`);
        sql.insertShow.run(show.id, show.eventId, show.venueId, venue.cityId, new Date(show.startsAt).toISOString(), show.kind, JSON.stringify(showView(show, venue, city.time_zone)));
        return;
      }
      case 'PriceChanged': {
        // The show page shows the current price; what a hold or ticket cost stays on its own events.
        const { showId, tier, price, currency } = event.data;
        const row = sql.showJson.get(showId) as { show_json: string } | undefined;
        if (!row) throw new Error(`Price of show ${showId} changed, but the catalog projection has not seen the show`);
        const view = JSON.parse(row.show_json) as ShowView;
        view.tiers = view.tiers.map((t) => (t.tier === tier ? { tier, price, currency } : t));
        sql.updateShowJson.run(JSON.stringify(view), showId);
        return;
      }
      default: {
        const _never: never = event;
        return _never;
      }
    }
  }

  private prepared(db: Database.Database): Statements {
    let statements = this.statements.get(db);
    if (!statements) {
      const { t } = this;
      statements = {
        insertCity: db.prepare(`INSERT INTO ${t.catalog_cities} (id, name, country, time_zone) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`),
        insertVenue: db.prepare(
          `INSERT INTO ${t.catalog_venues} (id, city_id, name, kind, capacity, venue_json) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        ),
        insertPerformer: db.prepare(`INSERT INTO ${t.catalog_performers} (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING`),
        insertEvent: db.prepare(
          `INSERT INTO ${t.catalog_events} (id, name, description, category, performer_id, search_text) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        ),
        insertShow: db.prepare(
          `INSERT INTO ${t.catalog_shows} (id, event_id, venue_id, city_id, starts_at, kind, show_json) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING`,
        ),
        showJson: db.prepare(`SELECT show_json FROM ${t.catalog_shows} WHERE id = ?`),
        updateShowJson: db.prepare(`UPDATE ${t.catalog_shows} SET show_json = ? WHERE id = ?`),
        venueJson: db.prepare(`SELECT venue_json FROM ${t.catalog_venues} WHERE id = ?`),
        cityTimeZone: db.prepare(`SELECT time_zone FROM ${t.catalog_cities} WHERE id = ?`),
        performerName: db.prepare(`SELECT name FROM ${t.catalog_performers} WHERE id = ?`),
      };
      this.statements.set(db, statements);
    }
    return statements;
  }
}
