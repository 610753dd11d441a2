import { closeSync, fstatSync, fsync, fsyncSync, openSync, statSync } from 'node:fs';

/** Flushes a file descriptor to stable storage; `fs.fsync` unless a test stands in its own. */
export type FlushFile = (fd: number, done: (error: Error | null) => void) => void;

/**
 * Makes the WAL of the embedded store durable from libuv's thread pool instead of
 * the event loop.
 *
 * SQLite commits with synchronous=NORMAL (frames written to the WAL, not yet
 * flushed), and the store acknowledges a batch only after a flush of the WAL that
 * started after the batch committed. fsync is per file, not per descriptor, so our
 * own descriptor flushes what SQLite's wrote. SQLite still flushes the WAL itself
 * before every checkpoint and the database after it, so frames that a checkpoint
 * moves and a WAL reset overwrites are durable in the database file by then.
 *
 * SQLite's locks live on the database file and the -shm file, never on the -wal
 * file, so opening and closing our own descriptor on it cannot drop one of them.
 */
export class WalSync {
  private readonly path: string;
  private fd: number | undefined;
  private inode = 0;

  constructor(
    databaseFile: string,
    private readonly flushFile: FlushFile = fsync,
  ) {
    this.path = `${databaseFile}-wal`;
  }

  /**
   * Flushes at open what an earlier process committed but may not have flushed
   * before it died: those appends were never acknowledged, but readers of this
   * process will now treat them as part of the log.
   */
  openAndFlush(): void {
    this.reopen();
    if (this.fd !== undefined) fsyncSync(this.fd);
  }

  /**
   * Starts one flush of the WAL. Called on the event loop right after a commit;
   * the WAL exists then, and if it is a new file (only possible should every
   * connection to the database have closed in between) the new one is flushed.
   */
  flush(done: (error: Error | null) => void): void {
    try {
      if (this.fd === undefined || statSync(this.path).ino !== this.inode) this.reopen();
    } catch (error) {
      done(error as Error);
      return;
    }
    if (this.fd === undefined) {
      done(new Error(`The write-ahead log ${this.path} is missing after a commit`));
      return;
    }
    this.flushFile(this.fd, done);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private reopen(): void {
    this.close();
    try {
      this.fd = openSync(this.path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    this.inode = fstatSync(this.fd).ino;
  }
}
