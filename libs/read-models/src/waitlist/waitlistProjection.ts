import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@app/event-store';
import type { WaitlistEnded, WaitlistJoined, WaitlistLeft, WaitlistOffered } from '@app/domain';
import { ensureIndex } from '../ensureIndex';
import type { Projection } from '../projection';
import { LIVE_TABLES, type TableNames } from '../tableNames';

export interface WaitlistRow {
  entry_id: string;
  show_id: string;
  customer_id: string;
  /** Stream revision of the join: the entry's place in its show's line. */
  seq: number;
  quantity: number;
  tier: string | null;
  section: string | null;
  joined_at: string;
  waits_until: string;
  status: 'waiting' | 'offered' | 'left' | 'sold_out' | 'expired';
  hold_id: string | null;
}

/**
 * Every waiting-line entry: what `GET /v1/waitlist/:entryId` answers from (status and
 * position), and, after a restart, which shows still have people waiting.
 */
export class WaitlistProjection implements Projection {
  readonly name = 'waitlist';
  readonly version = 1;
  readonly eventTypes = ['WaitlistJoined', 'WaitlistOffered', 'WaitlistLeft', 'WaitlistEnded'];
  readonly tables = ['waitlist_entries'];
  private statements: ReturnType<WaitlistProjection['prepare']> | undefined;
  private readonly entries: string;

  constructor(private readonly names: TableNames = LIVE_TABLES) {
    this.entries = names.table('waitlist_entries');
  }

  withTables(names: TableNames): WaitlistProjection {
    return new WaitlistProjection(names);
  }

  setup(db: Database.Database): void {
    db.exec(`CREATE TABLE IF NOT EXISTS ${this.entries} (
      entry_id TEXT PRIMARY KEY, show_id TEXT NOT NULL, customer_id TEXT NOT NULL, seq INTEGER NOT NULL,
      quantity INTEGER NOT NULL, tier TEXT, section TEXT, joined_at TEXT NOT NULL, waits_until TEXT NOT NULL,
      status TEXT NOT NULL, hold_id TEXT)`);
    ensureIndex(db, this.names.index('waitlist_line'), this.entries, ['show_id', 'status', 'seq']);
  }

  reset(db: Database.Database): void {
    db.exec(`DELETE FROM ${this.entries}`);
  }

  apply(db: Database.Database, event: RecordedEvent): void {
    const s = (this.statements ??= this.prepare(db));
    switch (event.type) {
      case 'WaitlistJoined': {
        const d = event.data as WaitlistJoined['data'];
        const showId = (event.metadata as { showId?: string }).showId;
        if (!showId) return;
        s.joined.run(d.entryId, showId, d.customerId, Number(event.streamRevision), d.quantity, d.tier ?? null, d.section ?? null, d.joinedAt, d.waitsUntil);
        return;
      }
      case 'WaitlistOffered': {
        const d = event.data as WaitlistOffered['data'];
        s.ended.run('offered', d.holdId, d.entryId);
        return;
      }
      case 'WaitlistLeft':
        s.ended.run('left', null, (event.data as WaitlistLeft['data']).entryId);
        return;
      case 'WaitlistEnded': {
        const d = event.data as WaitlistEnded['data'];
        s.ended.run(d.reason, null, d.entryId);
        return;
      }
    }
  }

  private prepare(db: Database.Database) {
    const entries = this.entries;
    return {
      joined: db.prepare(`INSERT OR IGNORE INTO ${entries} (entry_id, show_id, customer_id, seq, quantity, tier, section, joined_at, waits_until, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'waiting')`),
      // Only a waiting entry moves on, as in the decider.
      ended: db.prepare(`UPDATE ${entries} SET status = ?, hold_id = coalesce(?, hold_id) WHERE entry_id = ? AND status = 'waiting'`),
    };
  }
}
