import type Database from 'better-sqlite3';

export type SynchronousMode = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

/**
 * A stream's revision is the highest revision among its events (one index probe),
 * so an append writes only its event rows.
 * Streams get a small integer id so that every event row and the (stream, revision)
 * index carry 8 bytes instead of the stream's name.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS streams (
  id   INTEGER PRIMARY KEY,
  name TEXT    NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY,
  stream   INTEGER NOT NULL REFERENCES streams(id),
  revision INTEGER NOT NULL,
  id       TEXT    NOT NULL,
  type     TEXT    NOT NULL,
  data     TEXT    NOT NULL,
  metadata TEXT,
  created  INTEGER NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream_revision ON events(stream, revision);
`;

/**
 * WAL lets readers (subscriptions, projections) run beside the single writer;
 * synchronous=FULL fsyncs the WAL at every commit, so a commit that returned is on
 * disk. busy_timeout lets several processes share one file and queue for its lock.
 */
export function openSchema(db: Database.Database, synchronous: SynchronousMode): void {
  if (db.name !== ':memory:') db.pragma('journal_mode = WAL');
  // Checkpoint every ~40 MB of WAL instead of ~4 MB: hot index pages rewritten by
  // many small commits are then copied into the database file once, not ten times.
  db.pragma('wal_autocheckpoint = 10000');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = OFF');
  db.exec(SCHEMA);
}
