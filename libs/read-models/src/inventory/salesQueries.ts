import type Database from 'better-sqlite3';
import { chargesFor, type SoldTicket } from '@app/domain';
import type { Order, SalesOverTime } from '@app/contracts';
import type { ReadDatabase } from '../readDatabase';
import { SALES_TABLE, SalesAuditProjection, saleItems, type SaleRow } from './salesAuditProjection';

/** An order as the API answers it (an order across shards has one sales row per shard), as libs/contracts defines it. */
export type { Order, OrderTicket } from '@app/contracts';

/** Signs a ticket's check-in payload (see the API's TicketPasses). */
export type TicketPassOf = (showId: string, shardId: string, ticketId: string) => string;

/** A sold ticket as the audit pages list it: its place among the show's sold tickets (from 1) and its sale. */
export interface SoldTicketRow {
  place: number;
  ticket: SoldTicket;
  customerId: string;
  orderId: string;
  soldAt: string;
}

/** Reads over the sales table, on the read connection: the audit pages and the customers' orders. */
export class SalesQueries {
  private readonly s: {
    salesPage: Database.Statement<{ show: string; after: number; limit: number }, SaleRow>;
    order: Database.Statement<[string, string], SaleRow>;
    customerOrders: Database.Statement<[string, number], { order_id: string }>;
    orderParts: Database.Statement<[string], SaleRow>;
    revenue: Database.Statement<[], { show_id: string; currency: string; amount: number }>;
  };

  constructor(readDb: ReadDatabase) {
    const db = readDb.reader;
    // The table may not exist yet on the read connection's first use.
    new SalesAuditProjection().setup(readDb.writer);
    this.s = {
      // From the row holding ticket `after + 1` on: `limit` rows hold at least `limit` tickets from there.
      salesPage: db.prepare(
        `SELECT * FROM sales WHERE show_id = @show
           AND first_ticket >= COALESCE((SELECT MAX(first_ticket) FROM sales WHERE show_id = @show AND first_ticket <= @after + 1), 0)
         ORDER BY first_ticket LIMIT @limit`,
      ),
      // A customer has few sales rows: their index finds the order without one of its own.
      order: db.prepare('SELECT * FROM sales WHERE customer_id = ? AND order_id = ? ORDER BY seq'),
      customerOrders: db.prepare('SELECT order_id FROM sales WHERE customer_id = ? GROUP BY order_id ORDER BY MIN(seq) DESC LIMIT ?'),
      // Refunds by staff, who know the order but not its customer: rare enough for a scan of the sales rows.
      orderParts: db.prepare('SELECT * FROM sales WHERE order_id = ? ORDER BY seq'),
      // One pass over the rows (a sell-out of a million tickets is a fifth of a million), asked for by a page load, not a poll.
      revenue: db.prepare('SELECT show_id, currency, SUM(total) AS amount FROM sales GROUP BY show_id, currency ORDER BY show_id, currency'),
    };
  }

  /** Up to `limit` of a show's sold tickets, from its ticket `after + 1` (counting from 1, in the order sold). */
  sales(showId: string, after: number, limit: number): SoldTicketRow[] {
    const tickets: SoldTicketRow[] = [];
    for (const row of this.s.salesPage.all({ show: showId, after, limit })) {
      const items = saleItems(row);
      for (let i = Math.max(0, after + 1 - row.first_ticket); i < items.length && tickets.length < limit; i++) {
        tickets.push({ place: row.first_ticket + i, ticket: items[i], customerId: row.customer_id, orderId: row.order_id, soldAt: row.sold_at });
      }
      if (tickets.length === limit) break;
    }
    return tickets;
  }

  /**
   * One of this customer's orders; another customer's answers like a missing one. `pass`, when
   * given, signs each ticket's check-in payload (the app holds the key, not this library).
   */
  order(customerId: string, orderId: string, pass?: TicketPassOf): Order | undefined {
    const rows = this.s.order.all(customerId, orderId);
    if (rows.length === 0) return undefined;
    // The fee and rate are the show's, the same on every part; the VAT is worked out once on the whole order, as the hold's was.
    const charges = chargesFor(
      rows.reduce((sum, r) => sum + r.total, 0),
      rows.reduce((sum, r) => sum + r.tickets, 0),
      rows[0].currency,
      { serviceFeePerTicket: rows[0].fee_per_ticket, vatBasisPoints: rows[0].vat_bp },
    );
    return {
      orderId,
      holdId: rows[0].hold_id,
      showId: rows[0].show_id,
      customerId: rows[0].customer_id,
      tickets: rows.flatMap((row) => (pass ? saleItems(row).map((t) => ({ ...t, pass: pass(row.show_id, row.shard_id, t.ticketId) })) : saleItems(row))),
      ...charges,
      purchasedAt: rows[0].sold_at,
    };
  }

  customerOrders(customerId: string, limit = 100, pass?: TicketPassOf): Order[] {
    return this.s.customerOrders.all(customerId, limit).flatMap((r) => this.order(customerId, r.order_id, pass) ?? []);
  }

  /** What each show's sold tickets brought in, per currency, in minor units (a show with no sale is absent). */
  revenueByShow(): Map<string, Array<{ currency: string; amount: number }>> {
    const byShow = new Map<string, Array<{ currency: string; amount: number }>>();
    for (const row of this.s.revenue.all()) {
      const list = byShow.get(row.show_id) ?? [];
      list.push({ currency: row.currency, amount: row.amount });
      byShow.set(row.show_id, list);
    }
    return byShow;
  }

  /** The shards an order's tickets were sold on, whoever bought it; empty for an order nobody made. */
  orderParts(orderId: string): Array<{ showId: string; shardId: string; customerId: string; tickets: number }> {
    return this.s.orderParts.all(orderId).map((r) => ({ showId: r.show_id, shardId: r.shard_id, customerId: r.customer_id, tickets: r.tickets }));
  }
}

/** Tickets in the sales rows, per show (of one show, or of all). */
export function ticketsPerShow(db: Database.Database, showId?: string): Map<string, number> {
  const rows = db
    .prepare<Record<string, string>, { show_id: string; n: number }>(
      `SELECT show_id, SUM(tickets) AS n FROM ${SALES_TABLE} ${showId === undefined ? '' : 'WHERE show_id = @showId'} GROUP BY show_id`,
    )
    .all(showId === undefined ? {} : { showId });
  return new Map(rows.map((row) => [row.show_id, row.n]));
}

export type { SalesOverTime } from '@app/contracts';

export const MAX_BUCKETS = 60;
const STEPS = [1, 5, 10, 30, 60, 300, 600, 1_800, 3_600, 10_800, 21_600, 43_200, 86_400, 604_800, 2_592_000, 31_536_000];

/**
 * Tickets sold per time bucket, from the sales audit table. The first and last sale are
 * found through the (show, first ticket) index, since the log orders sales in time; the grouping
 * then reads the show's rows once.
 */
export class SalesOverTimeQuery {
  private readonly first: Database.Statement<[string], { sold_at: string }>;
  private readonly last: Database.Statement<[string], { sold_at: string }>;
  private readonly grouped: Database.Statement<{ show: string; bucket: number }, { at: number; sold: number }>;

  constructor(db: Database.Database) {
    this.first = db.prepare('SELECT sold_at FROM sales WHERE show_id = ? ORDER BY first_ticket LIMIT 1');
    this.last = db.prepare('SELECT sold_at FROM sales WHERE show_id = ? ORDER BY first_ticket DESC LIMIT 1');
    // The bucket is cast: a JS number is bound as a REAL, and the division must truncate.
    this.grouped = db.prepare(
      `SELECT (CAST(strftime('%s', sold_at) AS INTEGER) / CAST(@bucket AS INTEGER)) * CAST(@bucket AS INTEGER) AS at, SUM(tickets) AS sold
         FROM sales WHERE show_id = @show GROUP BY 1 ORDER BY 1`,
    );
  }

  run(showId: string): SalesOverTime {
    const first = this.first.get(showId);
    const last = this.last.get(showId);
    if (!first || !last) return { showId, bucketSeconds: 60, buckets: [], sold: 0 };
    const spanSeconds = Math.max(1, (Date.parse(last.sold_at) - Date.parse(first.sold_at)) / 1000);
    const bucketSeconds = STEPS.find((step) => spanSeconds / step < MAX_BUCKETS) ?? STEPS[STEPS.length - 1];
    const rows = this.grouped.all({ show: showId, bucket: bucketSeconds });
    return {
      showId,
      bucketSeconds,
      buckets: rows.map((row) => ({ at: new Date(row.at * 1000).toISOString(), sold: row.sold })),
      sold: rows.reduce((sum, row) => sum + row.sold, 0),
    };
  }
}
