import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { City, Show, TicketsSold, Venue } from '@app/domain';
import type { Projection, SetupOptions } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';
import { knownTimeZone, localHour } from './localHour';

/** The breakdowns partner analytics publish; each partitions a show's sales. */
export const ANALYTICS_DIMENSIONS = ['tier', 'hour', 'region', 'size'] as const;
export type AnalyticsDimension = (typeof ANALYTICS_DIMENSIONS)[number];

/** The row that holds a show's totals. */
export const TOTAL_CELL = { dimension: 'total', key: 'total' } as const;

const TABLES = ['analytics_places', 'analytics_shows', 'analytics_cells', 'analytics_buyers', 'analytics_orders'] as const;

/** Order sizes are counted one by one up to this, and together above it. */
const LARGEST_SIZE = 10;
export function orderSizeKey(tickets: number): string {
  return tickets > LARGEST_SIZE ? `${LARGEST_SIZE + 1}+` : String(tickets);
}

const REGION = /^[a-z0-9][a-z0-9-]{0,31}$/;
/** On a topology a customer id ends in `.<region>` (the region that minted it); otherwise the region is not known. */
export function customerRegion(customerId: string): string {
  const dot = customerId.lastIndexOf('.');
  const region = dot < 0 ? '' : customerId.slice(dot + 1);
  return REGION.test(region) ? region : 'unknown';
}

interface Delta {
  tickets: number;
  revenue: number;
  orders: number;
  buyers: number;
}

/**
 * Sales of each show counted per cell (a tier, an hour of the venue's clock, the buyer's
 * region, the order's size) as they happen, with the number of distinct buyers and orders
 * in each cell, so partner analytics read a handful of rows per show instead of its sales.
 * Distinct counts need to know who is already in a cell: each buyer's and each order's
 * row says which cells they are in (an order split over shards arrives as several
 * `TicketsSold`, and moves from one order size to the next). Those rows never leave the
 * read database; the queries publish counts only.
 *
 * The venue's time zone comes from the catalog events, kept in tables of its own so a
 * rebuild of this projection alone never depends on another one's tables.
 */
export class SalesAnalyticsProjection implements Projection {
  readonly name = 'sales_analytics';
  readonly version = 1;
  readonly eventTypes = ['CityCreated', 'VenueCreated', 'ShowScheduled', 'TicketsSold'];
  readonly tables = TABLES;
  private readonly t: Record<(typeof TABLES)[number], string>;
  private readonly upserts = new Map<number, Database.Statement>();
  private s:
    | {
        place: Database.Statement<[string], string>;
        putPlace: Database.Statement<[string, string]>;
        show: Database.Statement<[string], { time_zone: string }>;
        putShow: Database.Statement<[string, string, string, string]>;
        order: Database.Statement<[string, string], { tickets: number; revenue: number; cells: string }>;
        putOrder: Database.Statement<[string, string, number, number, string]>;
        buyer: Database.Statement<[string, string], string>;
        putBuyer: Database.Statement<[string, string, string]>;
      }
    | undefined;

  constructor(names: TableNames = LIVE_TABLES) {
    this.t = Object.fromEntries(TABLES.map((table) => [table, names.table(table)])) as Record<(typeof TABLES)[number], string>;
  }

  withTables(names: TableNames): SalesAnalyticsProjection {
    return new SalesAnalyticsProjection(names);
  }

  setup(db: Database.Database, _options: SetupOptions = {}): void {
    const t = this.t;
    db.exec(`CREATE TABLE IF NOT EXISTS ${t.analytics_places} (id TEXT PRIMARY KEY, time_zone TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${t.analytics_shows} (show_id TEXT PRIMARY KEY, event_id TEXT NOT NULL, time_zone TEXT NOT NULL, currency TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS ${t.analytics_cells} (show_id TEXT NOT NULL, dimension TEXT NOT NULL, key TEXT NOT NULL,
        tickets INTEGER NOT NULL, revenue INTEGER NOT NULL, orders INTEGER NOT NULL, buyers INTEGER NOT NULL,
        PRIMARY KEY (show_id, dimension, key)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${t.analytics_buyers} (show_id TEXT NOT NULL, customer_id TEXT NOT NULL, cells TEXT NOT NULL,
        PRIMARY KEY (show_id, customer_id)) WITHOUT ROWID;
      CREATE TABLE IF NOT EXISTS ${t.analytics_orders} (show_id TEXT NOT NULL, order_id TEXT NOT NULL, tickets INTEGER NOT NULL, revenue INTEGER NOT NULL,
        cells TEXT NOT NULL, PRIMARY KEY (show_id, order_id)) WITHOUT ROWID;`);
  }

  reset(db: Database.Database): void {
    for (const table of TABLES) db.exec(`DELETE FROM ${this.t[table]}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    const s = this.statements(db);
    switch (event.type) {
      case 'CityCreated': {
        const city = event.data as City;
        s.putPlace.run(`city/${city.id}`, knownTimeZone(city.timeZone));
        return;
      }
      case 'VenueCreated': {
        const venue = event.data as Venue;
        s.putPlace.run(`venue/${venue.id}`, s.place.get(`city/${venue.cityId}`) ?? 'UTC');
        return;
      }
      case 'ShowScheduled': {
        const show = event.data as Show;
        s.putShow.run(show.id, show.eventId, s.place.get(`venue/${show.venueId}`) ?? 'UTC', show.tiers[0]?.currency ?? '');
        return;
      }
      case 'TicketsSold':
        this.sold(db, (event.metadata as { showId?: string }).showId ?? '', event.data as TicketsSold['data']);
        return;
    }
  }

  private sold(db: Database.Database, showId: string, sale: TicketsSold['data']): void {
    const s = this.statements(db);
    const order = s.order.get(showId, sale.orderId);
    const orderCells = new Set<string>(order ? (JSON.parse(order.cells) as string[]) : []);
    const buyerRow = s.buyer.get(showId, sale.customerId);
    const buyerCells = (buyerRow ? JSON.parse(buyerRow) : {}) as Record<string, number>;
    const deltas = new Map<string, Delta>();
    const delta = (cell: string): Delta => {
      let d = deltas.get(cell);
      if (!d) deltas.set(cell, (d = { tickets: 0, revenue: 0, orders: 0, buyers: 0 }));
      return d;
    };
    // An order counts once in a cell, and a buyer once however many of their orders are in it.
    const enter = (cell: string, tickets: number, revenue: number): void => {
      const d = delta(cell);
      d.tickets += tickets;
      d.revenue += revenue;
      if (orderCells.has(cell)) return;
      orderCells.add(cell);
      d.orders += 1;
      buyerCells[cell] = (buyerCells[cell] ?? 0) + 1;
      if (buyerCells[cell] === 1) d.buyers += 1;
    };
    const leave = (cell: string, tickets: number, revenue: number): void => {
      const d = delta(cell);
      d.tickets -= tickets;
      d.revenue -= revenue;
      d.orders -= 1;
      orderCells.delete(cell);
      buyerCells[cell] -= 1;
      if (buyerCells[cell] === 0) {
        delete buyerCells[cell];
        d.buyers -= 1;
      }
    };

    let tickets = 0;
    let revenue = 0;
    const byTier = new Map<string, { tickets: number; revenue: number }>();
    for (const ticket of sale.tickets) {
      tickets += 1;
      revenue += ticket.price;
      const tier = byTier.get(ticket.tier) ?? { tickets: 0, revenue: 0 };
      tier.tickets += 1;
      tier.revenue += ticket.price;
      byTier.set(ticket.tier, tier);
    }
    enter(`${TOTAL_CELL.dimension}/${TOTAL_CELL.key}`, tickets, revenue);
    for (const [tier, figures] of byTier) enter(`tier/${tier}`, figures.tickets, figures.revenue);
    enter(`hour/${localHour(sale.soldAt, this.timeZone(db, showId))}`, tickets, revenue);
    enter(`region/${customerRegion(sale.customerId)}`, tickets, revenue);
    // An order split over shards grows with each part: it leaves its old size for the new one.
    if (order) leave(`size/${orderSizeKey(order.tickets)}`, order.tickets, order.revenue);
    const orderTickets = (order?.tickets ?? 0) + tickets;
    const orderRevenue = (order?.revenue ?? 0) + revenue;
    enter(`size/${orderSizeKey(orderTickets)}`, orderTickets, orderRevenue);

    const rows: unknown[] = [];
    for (const [cell, d] of deltas) {
      const slash = cell.indexOf('/');
      rows.push(showId, cell.slice(0, slash), cell.slice(slash + 1), d.tickets, d.revenue, d.orders, d.buyers);
    }
    this.upsert(db, deltas.size).run(rows);
    s.putOrder.run(showId, sale.orderId, orderTickets, orderRevenue, JSON.stringify([...orderCells]));
    s.putBuyer.run(showId, sale.customerId, JSON.stringify(buyerCells));
  }

  private timeZone(db: Database.Database, showId: string): string {
    return this.statements(db).show.get(showId)?.time_zone ?? 'UTC';
  }

  /** Adds one sale's deltas to its cells in one statement (one per number of cells touched). */
  private upsert(db: Database.Database, cells: number): Database.Statement {
    let statement = this.upserts.get(cells);
    if (!statement) {
      statement = db.prepare(
        `INSERT INTO ${this.t.analytics_cells} (show_id, dimension, key, tickets, revenue, orders, buyers)
         VALUES ${Array.from({ length: cells }, () => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
         ON CONFLICT (show_id, dimension, key) DO UPDATE SET tickets = tickets + excluded.tickets, revenue = revenue + excluded.revenue,
           orders = orders + excluded.orders, buyers = buyers + excluded.buyers`,
      );
      this.upserts.set(cells, statement);
    }
    return statement;
  }

  private statements(db: Database.Database) {
    const t = this.t;
    this.s ??= {
      place: db.prepare<[string], string>(`SELECT time_zone FROM ${t.analytics_places} WHERE id = ?`).pluck(),
      putPlace: db.prepare(`INSERT OR REPLACE INTO ${t.analytics_places} (id, time_zone) VALUES (?, ?)`),
      show: db.prepare(`SELECT time_zone FROM ${t.analytics_shows} WHERE show_id = ?`),
      putShow: db.prepare(`INSERT OR REPLACE INTO ${t.analytics_shows} (show_id, event_id, time_zone, currency) VALUES (?, ?, ?, ?)`),
      order: db.prepare(`SELECT tickets, revenue, cells FROM ${t.analytics_orders} WHERE show_id = ? AND order_id = ?`),
      putOrder: db.prepare(`INSERT OR REPLACE INTO ${t.analytics_orders} (show_id, order_id, tickets, revenue, cells) VALUES (?, ?, ?, ?, ?)`),
      buyer: db.prepare<[string, string], string>(`SELECT cells FROM ${t.analytics_buyers} WHERE show_id = ? AND customer_id = ?`).pluck(),
      putBuyer: db.prepare(`INSERT OR REPLACE INTO ${t.analytics_buyers} (show_id, customer_id, cells) VALUES (?, ?, ?)`),
    };
    return this.s;
  }
}
