import { Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { ReadDatabase } from '../infrastructure/readDatabase';
import type { Order } from './holdService';
import { SalesAuditProjection, type SaleRow } from './projections/salesAuditProjection';
import { SeatAvailabilityProjection } from './projections/seatAvailabilityProjection';
import { RemainingCountProjection } from './projections/remainingCountProjection';

/** Reads over the inventory read models, on the read connection. */
@Injectable()
export class InventoryQueries {
  private readonly db: Database.Database;
  private readonly s: {
    seatStatuses: Database.Statement<[string], { seat_id: string; status: 'held' | 'sold' }>;
    counts: Database.Statement<[string], { tier: string; held: number; sold: number; updated_at: string }>;
    salesPage: Database.Statement<[string, number, number], SaleRow>;
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
      salesPage: this.db.prepare('SELECT * FROM sales WHERE show_id = ? AND seq > ? ORDER BY seq LIMIT ?'),
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

  sales(showId: string, after: number, limit: number): SaleRow[] {
    return this.s.salesPage.all(showId, after, limit);
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
      tickets: rows.map((r) => ({
        ticketId: r.ticket_id,
        ...(r.seat_id !== null ? { seatId: r.seat_id } : {}),
        ...(r.ticket_number !== null ? { ticketNumber: r.ticket_number } : {}),
        tier: r.tier,
        price: r.price,
        currency: r.currency,
      })),
      total: rows.reduce((sum, r) => sum + r.price, 0),
      currency: rows[0].currency,
      purchasedAt: rows[0].sold_at,
    };
  }

  customerOrders(customerId: string, limit = 100): Order[] {
    return this.s.customerOrders.all(customerId, limit).flatMap((r) => this.order(customerId, r.order_id) ?? []);
  }
}
