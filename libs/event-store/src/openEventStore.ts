import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from './eventStore';
import { SqliteEventStore } from './sqlite/sqliteEventStore';
import { EventStoreDbEventStore } from './eventstoredb/eventStoreDbEventStore';

export type OpenEventStoreOptions =
  | { kind: 'embedded'; dataDir: string; synchronous?: 'FULL' | 'EXTRA'; backgroundCheckpoints?: boolean }
  | { kind: 'embedded'; file: ':memory:' }
  | { kind: 'eventstoredb'; connectionString: string };

/** The one place that turns configuration into an adapter. */
export function openEventStore(options: OpenEventStoreOptions): EventStore {
  if (options.kind === 'eventstoredb') return EventStoreDbEventStore.connect(options.connectionString);
  if ('file' in options) return SqliteEventStore.inMemory();
  mkdirSync(options.dataDir, { recursive: true });
  return new SqliteEventStore({ file: join(options.dataDir, 'events.db'), synchronous: options.synchronous, backgroundCheckpoints: options.backgroundCheckpoints });
}
