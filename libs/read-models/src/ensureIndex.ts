import type Database from 'better-sqlite3';

/**
 * Creates an index unless the table already has one on the same columns (and as
 * unique), whatever its name: a table swapped in by a rebuild keeps the index names
 * it was built with, and `CREATE INDEX IF NOT EXISTS <live name>` would then add a
 * second, identical index.
 */
export function ensureIndex(db: Database.Database, name: string, table: string, columns: readonly string[], options: { unique?: boolean } = {}): void {
  const unique = options.unique ?? false;
  const indexes = db.prepare<[string], { name: string; unique: number }>('SELECT name, "unique" FROM pragma_index_list(?)').all(table);
  const columnsOf = db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno');
  const wanted = columns.join(',');
  for (const index of indexes) {
    if (Boolean(index.unique) === unique && columnsOf.all(index.name).map((c) => c.name).join(',') === wanted) return;
  }
  db.exec(`CREATE ${unique ? 'UNIQUE ' : ''}INDEX "${name}" ON "${table}" (${columns.map((c) => `"${c}"`).join(', ')})`);
}

/**
 * Drops any index of the table on exactly these columns, whatever its name (a table
 * swapped in by a rebuild carries its generation's names). An index that belongs to a
 * constraint written into the table itself cannot be dropped and is left.
 */
export function dropIndexOn(db: Database.Database, table: string, columns: readonly string[]): void {
  const indexes = db.prepare<[string], { name: string; origin: string }>('SELECT name, origin FROM pragma_index_list(?)').all(table);
  const columnsOf = db.prepare<[string], { name: string }>('SELECT name FROM pragma_index_info(?) ORDER BY seqno');
  const unwanted = columns.join(',');
  for (const index of indexes) {
    if (index.origin === 'c' && columnsOf.all(index.name).map((c) => c.name).join(',') === unwanted) db.exec(`DROP INDEX "${index.name}"`);
  }
}
