import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { TicketsSold } from '@app/domain';
import { dropIndexOn, ensureIndex } from '../../projections/ensureIndex';
import { BulkInsert } from '../../projections/bulkInsert';
import type { BulkLoader, Projection, SetupOptions } from '../../projections/projection';
import { LIVE_TABLES, type TableNames } from '../../projections/tableNames';

export interface SaleRow {
  seq: number;
  ticket_id: string;
  show_id: string;
  seat_id: string | null;
  ticket_number: number | null;
  tier: string;
  price: number;
  currency: string;
  customer_id: string;
  order_id: string;
  hold_id: string;
  sold_at: string;
}

/** One row per sold ticket, in the order the log recorded the sales: the auditors' table and the source of orders. */
export class SalesAuditProjection implements Projection {
  readonly name = 'sales_audit';
  readonly version = 1;
  readonly eventTypes = ['TicketsSold'];
  readonly tables = ['sales'];
  private insert: Database.Statement | undefined;
  private readonly sales: string;

  constructor(private readonly names: TableNames = LIVE_TABLES) {
    this.sales = names.table('sales');
  }

  withTables(names: TableNames): SalesAuditProjection {
    return new SalesAuditProjection(names);
  }

  setup(db: Database.Database, options: SetupOptions = {}): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.sales} (
      seq INTEGER PRIMARY KEY, ticket_id TEXT NOT NULL, show_id TEXT NOT NULL, seat_id TEXT, ticket_number INTEGER,
      tier TEXT NOT NULL, price INTEGER NOT NULL, currency TEXT NOT NULL, customer_id TEXT NOT NULL, order_id TEXT NOT NULL,
      hold_id TEXT NOT NULL, sold_at TEXT NOT NULL)`);
    // Inserting only, apply needs no index.
    if (options.bulk) return;
    // No index on ticket_id: nothing reads by it, and a ticket sold twice is the log's fault, found by
    // `audit verify` from the log; a unique index here would only stop every read model at that event.
    ensureIndex(db, this.names.index('sales_by_show'), this.sales, ['show_id', 'seq']);
    // Orders are looked up within their customer's rows (sales_by_customer). Read databases made
    // earlier have an index on order_id and a unique one on ticket_id: they go.
    dropIndexOn(db, this.sales, ['order_id']);
    dropIndexOn(db, this.sales, ['ticket_id']);
    ensureIndex(db, this.names.index('sales_by_customer'), this.sales, ['customer_id', 'seq']);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.sales}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    this.insert ??= db.prepare(`INSERT INTO ${this.sales} (ticket_id, show_id, seat_id, ticket_number, tier, price, currency, customer_id, order_id, hold_id, sold_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const d = event.data as TicketsSold['data'];
    const showId = (event.metadata as { showId?: string }).showId ?? '';
    for (const t of d.tickets) {
      this.insert.run(t.ticketId, showId, t.seatId ?? null, t.ticketNumber ?? null, t.tier, t.price, t.currency, d.customerId, d.orderId, d.holdId, d.soldAt);
    }
  }

  /** Sales never change once written: a rebuild writes each page's rows at its end, 64 to a statement. */
  bulkLoader(db: Database.Database): BulkLoader {
    const rows = new BulkInsert(db, this.sales, ['ticket_id', 'show_id', 'seat_id', 'ticket_number', 'tier', 'price', 'currency', 'customer_id', 'order_id', 'hold_id', 'sold_at']);
    return {
      add(event) {
        const d = event.data as TicketsSold['data'];
        const showId = (event.metadata as { showId?: string }).showId ?? '';
        for (const t of d.tickets) rows.add(t.ticketId, showId, t.seatId ?? null, t.ticketNumber ?? null, t.tier, t.price, t.currency, d.customerId, d.orderId, d.holdId, d.soldAt);
      },
      endPage: () => rows.flush(),
      finish: () => rows.flush(),
    };
  }
}
