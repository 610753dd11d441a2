/**
 * Where a projection keeps its rows: the live tables, or a rebuild's copies built
 * beside them. Index names are global in a SQLite database and stay with their table
 * through a rename (SQLite cannot rename an index), so a copy's indexes carry the
 * rebuild's generation and never collide with the live table's.
 */
export interface TableNames {
  table(live: string): string;
  index(live: string): string;
}

export const LIVE_TABLES: TableNames = { table: (name) => name, index: (name) => name };

/** A rebuild builds `<table>__rebuild`; the swap renames the live table to `<table>__retired` and drops it after. */
export const SHADOW_SUFFIX = '__rebuild';
export const RETIRED_SUFFIX = '__retired';

export function shadowTables(generation: string): TableNames {
  return { table: (name) => `${name}${SHADOW_SUFFIX}`, index: (name) => `${name}__${generation}` };
}
