import type Database from 'better-sqlite3';
import type { Projection } from '../projection';

export const CHECKPOINT_TABLE = 'projection_checkpoints';

export interface CheckpointRow {
  name: string;
  version: number;
  position: number;
  rebuilt_at: string | null;
}

/**
 * Where each projection stands in the log, one row per projection in the read
 * database: written in the same transaction as the projection's rows, so rows and
 * checkpoint can never disagree.
 */
export class CheckpointTable {
  private readonly upsert: Database.Statement;
  private readonly rebuilt: Database.Statement<[string, string]>;

  constructor(private readonly db: Database.Database) {
    db.exec(`CREATE TABLE IF NOT EXISTS ${CHECKPOINT_TABLE} (
      name TEXT PRIMARY KEY, version INTEGER NOT NULL, position INTEGER NOT NULL, updated_at TEXT NOT NULL, rebuilt_at TEXT)`);
    // Read databases made before rebuilds existed lack the column.
    const columns = db.prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${CHECKPOINT_TABLE}')`).all();
    if (!columns.some((c) => c.name === 'rebuilt_at')) db.exec(`ALTER TABLE ${CHECKPOINT_TABLE} ADD COLUMN rebuilt_at TEXT`);
    this.upsert = db.prepare(
      `INSERT INTO ${CHECKPOINT_TABLE} (name, version, position, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET version = excluded.version, position = excluded.position, updated_at = excluded.updated_at`,
    );
    this.rebuilt = db.prepare(`UPDATE ${CHECKPOINT_TABLE} SET rebuilt_at = ? WHERE name = ?`);
  }

  /** Every stored checkpoint, by projection name. */
  rows(): Map<string, CheckpointRow> {
    const rows = this.db.prepare<[], CheckpointRow>(`SELECT name, version, position, rebuilt_at FROM ${CHECKPOINT_TABLE}`).all();
    return new Map(rows.map((row) => [row.name, row]));
  }

  /** Call inside the transaction that brought the projection's rows to `position`. */
  save(projection: Projection, position: bigint, at: string): void {
    this.upsert.run(projection.name, projection.version, Number(position), at);
  }

  markRebuilt(projection: Projection, at: string): void {
    this.rebuilt.run(at, projection.name);
  }
}
