import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventStore } from './eventStore';
import { SqliteEventStore } from './sqlite/sqliteEventStore';
import { EventStoreDbEventStore } from './eventstoredb/eventStoreDbEventStore';
import { EtcdEventStore } from './etcd/etcdEventStore';

export type OpenEventStoreOptions =
  | { kind: 'embedded'; dataDir: string; synchronous?: 'FULL' | 'EXTRA'; backgroundCheckpoints?: boolean }
  | { kind: 'embedded'; file: ':memory:' }
  | { kind: 'eventstoredb'; connectionString: string }
  | { kind: 'etcd'; endpoints: readonly string[]; prefix?: string };

/**
 * The one place that turns configuration into an adapter. An etcd store is only
 * handed out once one of its members answered: a list that reaches none is refused here,
 * with the list named, rather than at the first request.
 */
export async function openEventStore(options: OpenEventStoreOptions): Promise<EventStore> {
  if (options.kind === 'eventstoredb') return EventStoreDbEventStore.connect(options.connectionString);
  if (options.kind === 'etcd') return EtcdEventStore.connect({ endpoints: options.endpoints, prefix: options.prefix });
  if ('file' in options) return SqliteEventStore.inMemory();
  mkdirSync(options.dataDir, { recursive: true });
  return new SqliteEventStore({ file: join(options.dataDir, 'events.db'), synchronous: options.synchronous, backgroundCheckpoints: options.backgroundCheckpoints });
}
