import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { SoldTicket, TicketsSold } from '@app/domain';
import { ensureIndex } from '../ensureIndex';
import { BulkInsert } from '../bulkInsert';
import type { BulkLoader, Projection, SetupOptions } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

/** One `TicketsSold` event: a shard's part of an order (an order across shards has one row per shard). */
export interface SaleRow {
  seq: number;
  show_id: string;
  customer_id: string;
  order_id: string;
  hold_id: string;
  sold_at: string;
  /** Place of the row's first ticket among the show's sold tickets, from 1, in log order. */
  first_ticket: number;
  /** How many tickets the row holds. */
  tickets: number;
  /** Sum of the tickets' prices, in minor units. */
  total: number;
  currency: string;
  /** The tickets as `TicketsSold` recorded them, packed (see `packTickets`). */
  items: string;
  /** The shard that sold them (where their check-ins and refunds are decided). */
  shard_id: string;
  /** `TicketsSold.serviceFeePerTicket` (0 when absent): paid per ticket on top of `total`. */
  fee_per_ticket: number;
  /** `TicketsSold.vatBasisPoints` (0 when absent). */
  vat_bp: number;
}

/** The live name of the table. */
export const SALES_TABLE = 'sales';

const COLUMNS = ['show_id', 'customer_id', 'order_id', 'hold_id', 'sold_at', 'first_ticket', 'tickets', 'total', 'currency', 'items', 'shard_id', 'fee_per_ticket', 'vat_bp'] as const;

/** The row values of one sale, in the order of `COLUMNS`. */
function saleValues(event: RecordedEvent, firstTicket: number): unknown[] {
  const d = event.data as TicketsSold['data'];
  const { showId = '', shardId = '' } = event.metadata as { showId?: string; shardId?: string };
  let total = 0;
  for (const t of d.tickets) total += t.price;
  return [showId, d.customerId, d.orderId, d.holdId, d.soldAt, firstTicket, d.tickets.length, total, d.tickets[0]?.currency ?? '', packTickets(d.tickets), shardId, d.serviceFeePerTicket ?? 0, d.vatBasisPoints ?? 0];
}

type PackedTicket = [ticketId: string, tier: string, price: number, currency: string, ticketNumber?: number | null, seatId?: string];

/**
 * A JSON array with one array per ticket, `[ticketId, tier, price, currency]` and then
 * the ticket number and the seat when the ticket has them. Without the keys of every
 * ticket the rows are little more than half the size, and quicker to write and read.
 */
export function packTickets(tickets: readonly SoldTicket[]): string {
  return JSON.stringify(
    tickets.map((t): PackedTicket => {
      const packed: PackedTicket = [t.ticketId, t.tier, t.price, t.currency];
      if (t.seatId !== undefined) packed.push(t.ticketNumber ?? null, t.seatId);
      else if (t.ticketNumber !== undefined) packed.push(t.ticketNumber);
      return packed;
    }),
  );
}

/** The tickets of a row, as `TicketsSold` recorded them. */
export function saleItems(row: Pick<SaleRow, 'items'>): SoldTicket[] {
  return (JSON.parse(row.items) as PackedTicket[]).map(([ticketId, tier, price, currency, ticketNumber, seatId]) => ({
    ticketId,
    ...(seatId !== undefined ? { seatId } : {}),
    ...(ticketNumber !== undefined && ticketNumber !== null ? { ticketNumber } : {}),
    tier,
    price,
    currency,
  }));
}

/**
 * One row per sale (a `TicketsSold` event), in the order the log recorded them: the
 * auditors' table and the source of orders. A row carries its tickets as recorded,
 * and where they stand among the show's sold tickets, so the audit pages can start
 * at any ticket. A sell-out of a million tickets in orders of up to ten is a fifth of
 * a million rows, not a million.
 */
export class SalesAuditProjection implements Projection {
  readonly name = 'sales_audit';
  /** 2: one row per sale, with its ticket count (1 had a row per ticket). 3: with the shard that sold it. 4: with the fee per ticket and the VAT rate. */
  readonly version = 4;
  readonly eventTypes = ['TicketsSold'];
  readonly tables = [SALES_TABLE];
  private insert: Database.Statement | undefined;
  private nextTicket: Database.Statement<[string], number> | undefined;
  private readonly sales: string;

  constructor(private readonly names: TableNames = LIVE_TABLES) {
    this.sales = names.table(SALES_TABLE);
  }

  withTables(names: TableNames): SalesAuditProjection {
    return new SalesAuditProjection(names);
  }

  setup(db: Database.Database, options: SetupOptions = {}): void {
    // A table of an older version (one row per ticket, no shard, no fee) goes: the runner rebuilds it from the log.
    const columns = db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck().all(this.sales);
    if (columns.length > 0 && !(columns.includes('first_ticket') && columns.includes('shard_id') && columns.includes('fee_per_ticket'))) db.exec(`DROP TABLE ${this.sales}`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.sales} (
      seq INTEGER PRIMARY KEY, show_id TEXT NOT NULL, customer_id TEXT NOT NULL, order_id TEXT NOT NULL, hold_id TEXT NOT NULL,
      sold_at TEXT NOT NULL, first_ticket INTEGER NOT NULL, tickets INTEGER NOT NULL, total INTEGER NOT NULL, currency TEXT NOT NULL,
      items TEXT NOT NULL, shard_id TEXT NOT NULL, fee_per_ticket INTEGER NOT NULL DEFAULT 0, vat_bp INTEGER NOT NULL DEFAULT 0)`);
    // The bulk load counts tickets per show in memory and needs no index.
    if (options.bulk) return;
    // By show in ticket order: the audit pages, the next ticket's place, sales over time.
    ensureIndex(db, this.names.index('sales_by_show'), this.sales, ['show_id', 'first_ticket']);
    // Orders are looked up within their customer's rows, so order_id needs no index of its own.
    ensureIndex(db, this.names.index('sales_by_customer'), this.sales, ['customer_id', 'seq']);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.sales}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    this.insert ??= db.prepare(`INSERT INTO ${this.sales} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`);
    this.nextTicket ??= db
      .prepare<[string], number>(`SELECT first_ticket + tickets FROM ${this.sales} WHERE show_id = ? ORDER BY first_ticket DESC LIMIT 1`)
      .pluck();
    const showId = (event.metadata as { showId?: string }).showId ?? '';
    this.insert.run(saleValues(event, this.nextTicket.get(showId) ?? 1));
  }

  /** Sales never change once written: a rebuild writes each page's rows at its end, 64 to a statement. */
  bulkLoader(db: Database.Database): BulkLoader {
    const rows = new BulkInsert(db, this.sales, COLUMNS);
    const nextTicket = new Map<string, number>();
    return {
      add(event) {
        const showId = (event.metadata as { showId?: string }).showId ?? '';
        const first = nextTicket.get(showId) ?? 1;
        nextTicket.set(showId, first + (event.data as TicketsSold['data']).tickets.length);
        rows.addRow(saleValues(event, first));
      },
      endPage: () => rows.flush(),
      finish: () => rows.flush(),
    };
  }
}
