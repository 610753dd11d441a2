import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { ContactEmailGiven } from '@app/domain';
import type { Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

export interface PendingReceiptRow {
  order_id: string;
  customer_id: string;
  /** Log position of the address given with the order: receipts go out oldest first. */
  position: number;
}

/**
 * Orders given with an address whose receipt is not yet complete: the outbox's to-do list
 * of receipts. A row comes with the order's `ContactEmailGiven` and goes with its receipt's
 * `MailingCompleted`, so the table stays as small as the work left. No address here: the
 * outbox reads it from the customer's contact stream (docs/decisions.md, "one table").
 */
export class PendingReceiptsProjection implements Projection {
  readonly name = 'pending_receipts';
  readonly version = 1;
  readonly eventTypes = ['ContactEmailGiven', 'MailingCompleted'];
  readonly tables = ['pending_receipts'];
  private statements: ReturnType<PendingReceiptsProjection['prepare']> | undefined;
  private readonly pending: string;

  constructor(names: TableNames = LIVE_TABLES) {
    this.pending = names.table('pending_receipts');
  }

  withTables(names: TableNames): PendingReceiptsProjection {
    return new PendingReceiptsProjection(names);
  }

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.pending} (order_id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, position INTEGER NOT NULL)`);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.pending}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    const s = (this.statements ??= this.prepare(db));
    if (event.type === 'ContactEmailGiven') {
      const d = event.data as ContactEmailGiven['data'];
      s.add.run(d.orderId, d.customerId, Number(event.position));
      return;
    }
    const { kind, ref } = event.metadata as { kind?: string; ref?: string };
    if (kind === 'receipt' && ref) s.done.run(ref);
  }

  private prepare(db: Database.Database) {
    return {
      add: db.prepare(`INSERT OR IGNORE INTO ${this.pending} (order_id, customer_id, position) VALUES (?, ?, ?)`),
      done: db.prepare(`DELETE FROM ${this.pending} WHERE order_id = ?`),
    };
  }
}
