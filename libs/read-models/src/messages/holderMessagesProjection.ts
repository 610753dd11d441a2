import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { HolderMessagePosted } from '@app/domain';
import { ensureIndex } from '../ensureIndex';
import type { Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

export interface HolderMessageRow {
  message_id: string;
  show_id: string;
  tier: string | null;
  subject: string;
  body: string;
  posted_at: string;
  /** The staff member who posted it (`metadata.by`). */
  posted_by: string;
  position: number;
}

/** Every message to ticket holders: what "My orders" shows, and what the outbox mails. */
export class HolderMessagesProjection implements Projection {
  readonly name = 'holder_messages';
  readonly version = 1;
  readonly eventTypes = ['HolderMessagePosted'];
  readonly tables = ['holder_messages'];
  private insert: Database.Statement | undefined;
  private readonly messages: string;

  constructor(private readonly names: TableNames = LIVE_TABLES) {
    this.messages = names.table('holder_messages');
  }

  withTables(names: TableNames): HolderMessagesProjection {
    return new HolderMessagesProjection(names);
  }

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.messages} (
      message_id TEXT PRIMARY KEY, show_id TEXT NOT NULL, tier TEXT, subject TEXT NOT NULL, body TEXT NOT NULL,
      posted_at TEXT NOT NULL, posted_by TEXT NOT NULL, position INTEGER NOT NULL)`);
    ensureIndex(db, this.names.index('holder_messages_by_show'), this.messages, ['show_id', 'position']);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.messages}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    this.insert ??= db.prepare(`INSERT OR IGNORE INTO ${this.messages} VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    const d = event.data as HolderMessagePosted['data'];
    const by = (event.metadata as { by?: string }).by ?? '';
    this.insert.run(d.messageId, d.showId, d.tier ?? null, d.subject, d.body, d.postedAt, by, Number(event.position));
  }
}
