import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { READ_DATABASE_FILE, soldCountsAtCheckpoints, type ReadModelCounts } from '@app/read-models';

/**
 * The sold counts of the read models in `DATA_DIR/read.db` with the checkpoints they
 * reflect (see `soldCountsAtCheckpoints`), read without writing, while an API may go on
 * writing. Undefined when there is no read database (no API has run against this data
 * directory), it lacks the tables, or its sales rows are of another projection version.
 */
export function readModelCounts(dataDir: string, showId?: string): ReadModelCounts | undefined {
  const file = join(dataDir, READ_DATABASE_FILE);
  if (!existsSync(file)) return undefined;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return soldCountsAtCheckpoints(db, showId);
  } finally {
    db.close();
  }
}
