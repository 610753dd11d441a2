import type Database from 'better-sqlite3';
import { HoldsProjection, type HoldRow } from './holdsProjection';

/** Queries over the holds table, on the read connection. */
export class HoldsQueries {
  private readonly byId: Database.Statement<[string], HoldRow>;
  private readonly active: Database.Statement<[], HoldRow>;

  constructor(db: Database.Database) {
    new HoldsProjection().setup(db);
    this.byId = db.prepare('SELECT * FROM holds WHERE hold_id = ?');
    this.active = db.prepare(`SELECT * FROM holds WHERE status IN ('active', 'reserving') ORDER BY expires_at`);
  }

  get(holdId: string): HoldRow | undefined {
    return this.byId.get(holdId);
  }

  /** Live holds and reservations still waiting for their seats. */
  allActive(): HoldRow[] {
    return this.active.all();
  }
}
