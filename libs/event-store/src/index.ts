export * from './eventStore';
export * from './errors';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqliteEventStore';
export { EventStoreDbEventStore } from './eventstoredb/eventStoreDbEventStore';
export { openEventStore, type OpenEventStoreOptions } from './openEventStore';
