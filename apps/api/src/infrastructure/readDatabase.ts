import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The read models live in their own SQLite file, apart from the event store: they can
 * be thrown away and rebuilt from the log at any time. One connection writes (the
 * projection runner, rows and checkpoint in one transaction); a second one serves
 * queries, so a reader never sees a projection transaction half-way.
 */
export class ReadDatabase {
  readonly writer: Database.Database;
  readonly reader: Database.Database;

  private constructor(readonly file: string) {
    this.writer = new Database(file);
    this.writer.pragma('journal_mode = WAL');
    // The read models are rebuilt from the log, and rows and checkpoint commit
    // together, so losing the last commits to a power cut is harmless: they are replayed.
    this.writer.pragma('synchronous = NORMAL');
    this.writer.pragma('busy_timeout = 5000');
    this.writer.pragma('cache_size = -65536');
    this.writer.pragma('temp_store = MEMORY');
    this.reader = new Database(file, { readonly: false });
    this.reader.pragma('busy_timeout = 5000');
  }

  static open(dataDir: string): ReadDatabase {
    mkdirSync(dataDir, { recursive: true });
    return new ReadDatabase(join(dataDir, 'read.db'));
  }

  close(): void {
    if (this.reader.open) this.reader.close();
    if (this.writer.open) this.writer.close();
  }
}
