import type Database from 'better-sqlite3';
import { RemainingCountProjection, REMAINING_COUNTS_TABLE } from '../inventory/remainingCountProjection';
import { SALES_TABLE, SalesAuditProjection } from '../inventory/salesAuditProjection';
import { soldPerShowAndTier } from '../inventory/remainingCountQueries';
import { ticketsPerShow } from '../inventory/salesQueries';
import { CHECKPOINT_TABLE } from '../runner/checkpointTable';

/** The sold counts of the read models, with the log positions they reflect. */
export interface ReadModelCounts {
  /** `sales_audit` checkpoint, and the tickets in the `sales` rows per show. */
  salesPosition: bigint;
  salesTickets: Map<string, number>;
  /** `remaining_count` checkpoint, and `remaining_counts.sold` per show and tier. */
  remainingPosition: bigint;
  soldByTier: Map<string, Map<string, number>>;
}

/**
 * The sold counts of a read database, read in one transaction with the checkpoints they
 * reflect, so an auditor can compare them with the log up to exactly those positions
 * while an API goes on writing. Only reads: the connection may be read-only. Undefined
 * when the tables are missing, or the sales rows were written by another version of
 * their projection than this one (it counts tickets differently: no comparison).
 */
export function soldCountsAtCheckpoints(db: Database.Database, showId?: string): ReadModelCounts | undefined {
  const sales = new SalesAuditProjection();
  const remaining = new RemainingCountProjection();
  const tables = new Set(db.prepare<[], string>("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
  if (![CHECKPOINT_TABLE, SALES_TABLE, REMAINING_COUNTS_TABLE].every((t) => tables.has(t))) return undefined;
  return db.transaction((): ReadModelCounts | undefined => {
    const checkpoints = new Map(
      db
        .prepare<[string, string], { name: string; position: number; version: number }>(`SELECT name, position, version FROM ${CHECKPOINT_TABLE} WHERE name IN (?, ?)`)
        .all(sales.name, remaining.name)
        .filter((row) => row.name !== sales.name || row.version === sales.version)
        .map((row) => [row.name, BigInt(row.position)]),
    );
    const salesPosition = checkpoints.get(sales.name);
    const remainingPosition = checkpoints.get(remaining.name);
    if (salesPosition === undefined || remainingPosition === undefined) return undefined;
    return { salesPosition, salesTickets: ticketsPerShow(db, showId), remainingPosition, soldByTier: soldPerShowAndTier(db, showId) };
  })();
}
