import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WalCheckpointer } from '@app/event-store';

/** The read database's file in the data directory. */
export const READ_DATABASE_FILE = 'read.db';

export interface ReadDatabaseOptions {
  /** Checkpoint the WAL from a thread of its own (the API does; tools and tests need not). */
  backgroundCheckpoints?: boolean;
}

/**
 * The read models live in their own SQLite file, apart from the event store: they can
 * be thrown away and rebuilt from the log at any time. One connection writes (the
 * projection runner, rows and checkpoint in one transaction); a second one serves
 * queries, so a reader never sees a projection transaction half-way.
 */
export class ReadDatabase {
  readonly writer: Database.Database;
  readonly reader: Database.Database;
  private readonly checkpointer: WalCheckpointer | undefined;

  private constructor(
    readonly file: string,
    options: ReadDatabaseOptions,
  ) {
    this.writer = new Database(file);
    this.writer.pragma('journal_mode = WAL');
    // The read models are rebuilt from the log, and rows and checkpoint commit
    // together, so losing the last commits to a power cut is harmless: they are replayed.
    this.writer.pragma('synchronous = NORMAL');
    this.writer.pragma('busy_timeout = 5000');
    this.writer.pragma('cache_size = -65536');
    this.writer.pragma('temp_store = MEMORY');
    // Every projection batch is a small commit; with SQLite's default (a checkpoint every
    // 1,000 pages) the checkpoint and its fsyncs ran every few batches, on the thread that
    // serves requests. Every 10,000 pages (~40 MB of WAL) copies hot pages back once instead
    // of ten times; with a background checkpointer this one only catches what it could not.
    this.writer.pragma(`wal_autocheckpoint = ${options.backgroundCheckpoints ? 50_000 : 10_000}`);
    this.reader = new Database(file, { readonly: false });
    this.reader.pragma('busy_timeout = 5000');
    if (options.backgroundCheckpoints) this.checkpointer = new WalCheckpointer([file]);
  }

  static open(dataDir: string, options: ReadDatabaseOptions = {}): ReadDatabase {
    mkdirSync(dataDir, { recursive: true });
    return new ReadDatabase(join(dataDir, READ_DATABASE_FILE), options);
  }

  async close(): Promise<void> {
    await this.checkpointer?.stop();
    if (this.reader.open) this.reader.close();
    if (this.writer.open) this.writer.close();
  }
}
