import type Database from 'better-sqlite3';
import type { ReadDatabase } from '../readDatabase';
import { HoldsProjection } from '../inventory/holdsProjection';
import { SalesAuditProjection } from '../inventory/salesAuditProjection';
import { OutboxProjection } from '../messages/outboxProjection';
import { PendingReceiptsProjection, type PendingReceiptRow } from './pendingReceiptsProjection';

/** Reads for the receipts, on the read connection. */
export class ReceiptQueries {
  private readonly s: {
    pending: Database.Statement<[], PendingReceiptRow>;
    sold: Database.Statement<[string, string], { hold_id: string; tickets: number }>;
    held: Database.Statement<[string], { quantity: number }>;
  };

  constructor(readDb: ReadDatabase) {
    for (const projection of [new PendingReceiptsProjection(), new SalesAuditProjection(), new HoldsProjection(), new OutboxProjection()]) projection.setup(readDb.writer);
    const db = readDb.reader;
    this.s = {
      // An address given again for an order whose receipt is complete adds its row again: the mailing says it is done.
      pending: db.prepare(
        `SELECT p.* FROM pending_receipts p LEFT JOIN mailings o ON o.kind = 'receipt' AND o.ref = p.order_id
          WHERE o.completed_at IS NULL ORDER BY p.position`,
      ),
      sold: db.prepare('SELECT hold_id, SUM(tickets) AS tickets FROM sales WHERE customer_id = ? AND order_id = ? GROUP BY hold_id'),
      held: db.prepare('SELECT quantity FROM holds WHERE hold_id = ?'),
    };
  }

  /** Orders with an address whose receipt is not complete, oldest first. */
  pending(): PendingReceiptRow[] {
    return this.s.pending.all();
  }

  /**
   * Whether every ticket of the order is in the read model: an order across shards is one
   * sale per shard, and a receipt sent after the first would list only part of it.
   */
  wholeOrderSold(customerId: string, orderId: string): boolean {
    const sold = this.s.sold.get(customerId, orderId);
    if (!sold) return false;
    const held = this.s.held.get(sold.hold_id);
    return held === undefined || sold.tickets >= held.quantity;
  }
}
