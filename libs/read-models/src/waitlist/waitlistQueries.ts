import type Database from 'better-sqlite3';
import { WaitlistProjection, type WaitlistRow } from './waitlistProjection';

/** Queries over the waitlist table, on the read connection. */
export class WaitlistQueries {
  private readonly byId: Database.Statement<[string], WaitlistRow>;
  private readonly ahead: Database.Statement<[string, number, string], { n: number }>;
  private readonly showsWaiting: Database.Statement<[], { show_id: string }>;

  constructor(db: Database.Database) {
    new WaitlistProjection().setup(db);
    this.byId = db.prepare('SELECT * FROM waitlist_entries WHERE entry_id = ?');
    this.ahead = db.prepare(`SELECT count(*) AS n FROM waitlist_entries WHERE show_id = ? AND status = 'waiting' AND seq < ? AND waits_until > ?`);
    this.showsWaiting = db.prepare(`SELECT DISTINCT show_id FROM waitlist_entries WHERE status = 'waiting'`);
  }

  get(entryId: string): WaitlistRow | undefined {
    return this.byId.get(entryId);
  }

  /** Waiting entries of the show that joined before `seq` and have not run out of time at `nowIso`. */
  countAhead(showId: string, seq: number, nowIso: string): number {
    return this.ahead.get(showId, seq, nowIso)?.n ?? 0;
  }

  /** Shows with at least one entry still waiting (as written; some may be past due). */
  showsWithWaiting(): string[] {
    return this.showsWaiting.all().map((r) => r.show_id);
  }
}
