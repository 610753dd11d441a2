export * from './eventStore';
export * from './errors';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqliteEventStore';
export { WalCheckpointer, type CheckpointPass } from './sqlite/walCheckpointer';
export { EventStoreDbEventStore } from './eventstoredb/eventStoreDbEventStore';
export { EtcdEventStore, type EtcdEventStoreOptions } from './etcd/etcdEventStore';
export { appendSize, eventSize } from './appendRules';
export { openEventStore, type OpenEventStoreOptions } from './openEventStore';
export * from './routing/storeRouter';
