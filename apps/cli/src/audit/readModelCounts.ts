import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadModelCounts } from './saleAuditor';

/** The `sales_audit` version whose rows carry a ticket count (one row per sale). */
const SALES_AUDIT_VERSION = 2;

/**
 * The sold counts of the read models in `DATA_DIR/read.db`, read in one transaction
 * with the checkpoints they reflect, so the auditor can compare them with the log up
 * to exactly those positions while an API goes on writing. Undefined when there is no
 * read database (no API has run against this data directory) or it lacks the tables.
 */
export function readModelCounts(dataDir: string, showId?: string): ReadModelCounts | undefined {
  const file = join(dataDir, 'read.db');
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    if (!['projection_checkpoints', 'sales', 'remaining_counts'].every((t) => tables.has(t))) return undefined;
    return db.transaction((): ReadModelCounts | undefined => {
      const checkpoints = new Map(
        db
          .prepare<[], { name: string; position: number; version: number }>(
            `SELECT name, position, version FROM projection_checkpoints WHERE name IN ('sales_audit', 'remaining_count')`,
          )
          .all()
          // A sales table of another version than this auditor knows counts tickets differently: no comparison.
          .filter((row) => row.name !== 'sales_audit' || row.version === SALES_AUDIT_VERSION)
          .map((row) => [row.name, BigInt(row.position)]),
      );
      const salesPosition = checkpoints.get('sales_audit');
      const remainingPosition = checkpoints.get('remaining_count');
      if (salesPosition === undefined || remainingPosition === undefined) return undefined;
      const filter = showId === undefined ? '' : 'WHERE show_id = @showId';
      const params = showId === undefined ? {} : { showId };
      const salesTickets = new Map(
        db
          .prepare(`SELECT show_id, SUM(tickets) AS n FROM sales ${filter} GROUP BY show_id`)
          .all(params)
          .map((row) => [(row as { show_id: string }).show_id, (row as { n: number }).n]),
      );
      const soldByTier = new Map<string, Map<string, number>>();
      for (const row of db.prepare(`SELECT show_id, tier, sold FROM remaining_counts ${filter}`).all(params) as Array<{ show_id: string; tier: string; sold: number }>) {
        if (row.sold === 0) continue;
        let tiers = soldByTier.get(row.show_id);
        if (!tiers) soldByTier.set(row.show_id, (tiers = new Map()));
        tiers.set(row.tier, row.sold);
      }
      return { salesPosition, salesTickets, remainingPosition, soldByTier };
    })();
  } finally {
    db.close();
  }
}
