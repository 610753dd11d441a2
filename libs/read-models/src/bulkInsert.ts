import type Database from 'better-sqlite3';

/** Rows per multi-row INSERT: one statement call carries this many rows' values. */
const ROWS_PER_STATEMENT = 64;

/**
 * Inserts many rows into one table with multi-row INSERT statements, prepared once
 * per table and width. A rebuild writes its folded rows this way: a few hundred
 * thousand rows cost one statement call per 64 of them instead of one each.
 */
export class BulkInsert {
  private readonly full: Database.Statement;
  private readonly values: unknown[] = [];
  private rows = 0;

  constructor(
    private readonly db: Database.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
  ) {
    this.full = db.prepare(this.sql(ROWS_PER_STATEMENT));
  }

  /** One row, its values in the order of `columns`. Written once 64 are waiting, or at `flush`. */
  add(...row: unknown[]): void {
    this.addRow(row);
  }

  /** As `add`, with the values in an array. */
  addRow(row: readonly unknown[]): void {
    for (let i = 0; i < row.length; i++) this.values.push(row[i]);
    if (++this.rows === ROWS_PER_STATEMENT) {
      this.full.run(this.values);
      this.values.length = 0;
      this.rows = 0;
    }
  }

  /** Writes the rows still waiting. Call inside the same transaction as the `add`s. */
  flush(): void {
    if (this.rows === 0) return;
    this.db.prepare(this.sql(this.rows)).run(this.values);
    this.values.length = 0;
    this.rows = 0;
  }

  private sql(rows: number): string {
    const one = `(${this.columns.map(() => '?').join(', ')})`;
    return `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => one).join(', ')}`;
  }
}
