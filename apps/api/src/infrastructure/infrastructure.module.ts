import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { RegionalEventStore, type EventStore } from '@app/event-store';
import { ReadDatabase } from '@app/read-models';
import { TokenService } from '../auth/tokenService';
import { AdminGuard, CustomerGuard } from '../auth/guards';
import { StaffDirectory } from '../accounts/staffDirectory';
import { ProjectionsService } from '../projections/projections.service';
import { READ_MODEL_QUERIES, READ_MODEL_QUERY_PROVIDERS } from '../projections/readModelQueries';
import { Metrics } from '../metrics/metrics';
import { MeasuredEventStore } from '../metrics/measuredEventStore';
import { SINGLE_CLUSTER } from './openRegionalStore';
import { openStoreFor } from './openStore';
import { APP_CONFIG, EVENT_STORE } from './tokens';

/** Config, the event store, the read database and its queries, tokens and projections: opened once per app, closed on shutdown. */
@Global()
@Module({})
export class InfrastructureModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  static forRoot(config: AppConfig, store?: EventStore): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        Metrics,
        // Appends are timed into the metrics; everything else passes straight through.
        {
          provide: EVENT_STORE,
          useFactory: async (metrics: Metrics) => {
            const opened = store ?? (await openStoreFor(config));
            // Spread over clusters, the store times each cluster's appends itself; one store is timed as 'default'.
            if (opened instanceof RegionalEventStore) {
              opened.observeAppends((cluster, seconds) => metrics.appendSeconds.observe({ cluster }, seconds));
              return opened;
            }
            return new MeasuredEventStore(opened, metrics, SINGLE_CLUSTER);
          },
          inject: [Metrics],
        },
        { provide: ReadDatabase, useFactory: () => ReadDatabase.open(config.dataDir, { backgroundCheckpoints: true }) },
        { provide: TokenService, useFactory: () => TokenService.open(config.dataDir, config.adminToken, config.topology ? config.region : undefined) },
        ProjectionsService,
        ...READ_MODEL_QUERY_PROVIDERS,
        StaffDirectory,
        CustomerGuard,
        AdminGuard,
      ],
      exports: [APP_CONFIG, Metrics, EVENT_STORE, ReadDatabase, TokenService, ProjectionsService, ...READ_MODEL_QUERIES, StaffDirectory, CustomerGuard, AdminGuard],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
