import { requireRegion, type AppConfig } from '@app/config';
import { openEventStore, type EventStore } from '@app/event-store';
import { openRegionalStore } from './openRegionalStore';

/** The event store the configuration names; a cluster store only once one of its members answered. */
export function openStoreFor(config: AppConfig): Promise<EventStore> {
  // Spread over clusters (TOPOLOGY_FILE): each stream in its cluster, the log copied into this region.
  if (config.topology) {
    requireRegion(config);
    return openRegionalStore(config.topology, { dataDir: config.dataDir, prefix: config.etcdPrefix, synchronous: config.sqliteSynchronous });
  }
  switch (config.eventStore) {
    case 'eventstoredb':
      return openEventStore({ kind: 'eventstoredb', connectionString: config.eventStoreConnectionString! });
    case 'etcd':
      return openEventStore({ kind: 'etcd', endpoints: config.etcdEndpoints, prefix: config.etcdPrefix });
    case 'embedded':
      return openEventStore({ kind: 'embedded', dataDir: config.dataDir, synchronous: config.sqliteSynchronous, backgroundCheckpoints: true });
  }
}
