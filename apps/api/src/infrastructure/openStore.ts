import type { AppConfig } from '@app/config';
import { openEventStore, type EventStore } from '@app/event-store';

/** The event store the configuration names; a cluster store only once one of its members answered. */
export function openStoreFor(config: AppConfig): Promise<EventStore> {
  switch (config.eventStore) {
    case 'eventstoredb':
      return openEventStore({ kind: 'eventstoredb', connectionString: config.eventStoreConnectionString! });
    case 'etcd':
      return openEventStore({ kind: 'etcd', endpoints: config.etcdEndpoints, prefix: config.etcdPrefix });
    case 'embedded':
      return openEventStore({ kind: 'embedded', dataDir: config.dataDir, synchronous: config.sqliteSynchronous, backgroundCheckpoints: true });
  }
}
