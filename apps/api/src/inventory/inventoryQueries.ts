import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ReadDatabase } from '../infrastructure/readDatabase';
import type { Order } from './holdService';
import type { SoldTicket } from '@app/domain';
import { SalesAuditProjection, saleItems, type SaleRow } from './projections/salesAuditProjection';
import { SeatAvailabilityProjection } from './projections/seatAvailabilityProjection';
import { RemainingCountProjection } from './projections/remainingCountProjection';

/** A sold ticket as the audit pages list it: its place among the show's sold tickets (from 1) and its sale. */
export interface SoldTicketRow {
  place: number;
  ticket: SoldTicket;
  customerId: string;
  orderId: string;
  soldAt: string;
}

/** Reads over the inventory read models, on the read connection. */
@Injectable()
export class InventoryQueries {
  private readonly db: Database.Database;
  private readonly s: {
    seatStatuses: Database.Statement<[string], { seat_id: string; status: 'held' | 'sold' }>;
    counts: Database.Statement<[string], { tier: string; held: number; sold: number; updated_at: string }>;
    salesPage: Database.Statement<{ show: string; after: number; limit: number }, SaleRow>;
    order: Database.Statement<[string, string], SaleRow>;
    customerOrders: Database.Statement<[string, number], { order_id: string }>;
  };

  constructor(readDb: ReadDatabase) {
    this.db = readDb.reader;
    // The tables may not exist yet on the read connection's first use.
    for (const p of [new SalesAuditProjection(), new SeatAvailabilityProjection(), new RemainingCountProjection()]) p.setup(readDb.writer);
    this.s = {
      seatStatuses: this.db.prepare('SELECT seat_id, status FROM seat_status WHERE show_id = ?'),
      counts: this.db.prepare('SELECT tier, held, sold, updated_at FROM remaining_counts WHERE show_id = ?'),
      // From the row holding ticket `after + 1` on: `limit` rows hold at least `limit` tickets from there.
      salesPage: this.db.prepare(
        `SELECT * FROM sales WHERE show_id = @show
           AND first_ticket >= COALESCE((SELECT MAX(first_ticket) FROM sales WHERE show_id = @show AND first_ticket <= @after + 1), 0)
         ORDER BY first_ticket LIMIT @limit`,
      ),
      // A customer has few sales rows: their index finds the order without one of its own.
      order: this.db.prepare('SELECT * FROM sales WHERE customer_id = ? AND order_id = ? ORDER BY seq'),
      customerOrders: this.db.prepare('SELECT order_id FROM sales WHERE customer_id = ? GROUP BY order_id ORDER BY MIN(seq) DESC LIMIT ?'),
    };
  }

  seatStatuses(showId: string): Map<string, 'held' | 'sold'> {
    return new Map(this.s.seatStatuses.all(showId).map((row) => [row.seat_id, row.status]));
  }

  counts(showId: string): Array<{ tier: string; held: number; sold: number; updatedAt: string }> {
    return this.s.counts.all(showId).map((r) => ({ tier: r.tier, held: r.held, sold: r.sold, updatedAt: r.updated_at }));
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

  /** One of this customer's orders; another customer's answers like a missing one. */
  order(customerId: string, orderId: string): Order | undefined {
    const rows = this.s.order.all(customerId, orderId);
    if (rows.length === 0) return undefined;
    return {
      orderId,
      holdId: rows[0].hold_id,
      showId: rows[0].show_id,
      customerId: rows[0].customer_id,
      tickets: rows.flatMap(saleItems),
      total: rows.reduce((sum, r) => sum + r.total, 0),
      currency: rows[0].currency,
      purchasedAt: rows[0].sold_at,
    };
  }

  customerOrders(customerId: string, limit = 100): Order[] {
    return this.s.customerOrders.all(customerId, limit).flatMap((r) => this.order(customerId, r.order_id) ?? []);
  }
}
