import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

export interface MailingRow {
  kind: string;
  ref: string;
  sent: number;
  failed: number;
  completed_at: string | null;
}

/** How far each mailing of the outbox has got: counts of its sent and failed markers, and whether it is complete. */
export class OutboxProjection implements Projection {
  readonly name = 'outbox';
  readonly version = 1;
  readonly eventTypes = ['EmailSent', 'EmailFailed', 'MailingCompleted'];
  readonly tables = ['mailings'];
  private statements: ReturnType<OutboxProjection['prepare']> | undefined;
  private readonly mailings: string;

  constructor(names: TableNames = LIVE_TABLES) {
    this.mailings = names.table('mailings');
  }

  withTables(names: TableNames): OutboxProjection {
    return new OutboxProjection(names);
  }

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.mailings} (
      kind TEXT NOT NULL, ref TEXT NOT NULL, sent INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, completed_at TEXT,
      PRIMARY KEY (kind, ref))`);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.mailings}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    const s = (this.statements ??= this.prepare(db));
    const { kind, ref } = event.metadata as { kind?: string; ref?: string };
    if (!kind || !ref) return;
    s.ensure.run(kind, ref);
    if (event.type === 'EmailSent') s.sent.run(kind, ref);
    else if (event.type === 'EmailFailed') s.failed.run(kind, ref);
    else s.completed.run((event.data as { at: string }).at, kind, ref);
  }

  private prepare(db: Database.Database) {
    return {
      ensure: db.prepare(`INSERT OR IGNORE INTO ${this.mailings} (kind, ref) VALUES (?, ?)`),
      sent: db.prepare(`UPDATE ${this.mailings} SET sent = sent + 1 WHERE kind = ? AND ref = ?`),
      failed: db.prepare(`UPDATE ${this.mailings} SET failed = failed + 1 WHERE kind = ? AND ref = ?`),
      completed: db.prepare(`UPDATE ${this.mailings} SET completed_at = ? WHERE kind = ? AND ref = ?`),
    };
  }
}
