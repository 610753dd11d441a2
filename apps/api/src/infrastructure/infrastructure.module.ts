import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { openEventStore, type EventStore } from '@app/event-store';
import { APP_CONFIG, EVENT_STORE } from './tokens';

/** Config and the event store, opened once per app and closed on shutdown. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: AppConfig, store?: EventStore): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => store ?? openStoreFor(config) },
      ],
      exports: [APP_CONFIG, EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

function openStoreFor(config: AppConfig): EventStore {
  return config.eventStore === 'eventstoredb'
    ? openEventStore({ kind: 'eventstoredb', connectionString: config.eventStoreConnectionString! })
    : openEventStore({ kind: 'embedded', dataDir: config.dataDir, synchronous: config.sqliteSynchronous });
}
