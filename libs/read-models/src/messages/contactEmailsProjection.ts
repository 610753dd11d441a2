import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { ContactEmailGiven } from '@app/domain';
import type { Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

/**
 * The last address each customer gave, for the outbox only. Personal data: no audit,
 * analytics or export query reads this table, and it is keyed by customer so that
 * erasing a customer is one row here and one stream in the log (docs/decisions.md).
 */
export class ContactEmailsProjection implements Projection {
  readonly name = 'contact_emails';
  readonly version = 1;
  readonly eventTypes = ['ContactEmailGiven'];
  readonly tables = ['contact_emails'];
  private upsert: Database.Statement | undefined;
  private readonly contacts: string;

  constructor(names: TableNames = LIVE_TABLES) {
    this.contacts = names.table('contact_emails');
  }

  withTables(names: TableNames): ContactEmailsProjection {
    return new ContactEmailsProjection(names);
  }

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.contacts} (customer_id TEXT PRIMARY KEY, email TEXT NOT NULL, order_id TEXT NOT NULL, given_at TEXT NOT NULL)`);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.contacts}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    this.upsert ??= db.prepare(
      `INSERT INTO ${this.contacts} (customer_id, email, order_id, given_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (customer_id) DO UPDATE SET email = excluded.email, order_id = excluded.order_id, given_at = excluded.given_at`,
    );
    const d = event.data as ContactEmailGiven['data'];
    this.upsert.run(d.customerId, d.email, d.orderId, d.at);
  }
}
