import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { HealthModule } from './health/health.module';
import { CatalogModule } from './catalog/catalog.module';
import { InventoryModule } from './inventory/inventory.module';
import { CustomersModule } from './customers/customers.module';
import { AdminModule } from './admin/admin.module';
import { WaitlistModule } from './waitlist/waitlist.module';
import { LiveModule } from './live/live.module';
import { ShutdownModule } from './shutdown/shutdown.module';
import { SecurityModule } from './security/security.module';
import { WebModule } from './web/web.module';
import { MetricsModule } from './metrics/metrics.module';
import { AnalyticsModule } from './analytics/analytics.module';
import { TicketsModule } from './tickets/tickets.module';
import { AccountsModule } from './accounts/accounts.module';
import { MessagesModule } from './messages/messages.module';
import { OnSaleModule } from './onsale/onsale.module';

@Module({})
export class AppModule {
  /** `store` lets tests hand in an in-memory store; the app opens the configured one. */
  static forRoot(config: AppConfig, store?: EventStore): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config, store), CqrsModule.forRoot(), ShutdownModule, SecurityModule, HealthModule, CustomersModule, AccountsModule, CatalogModule, OnSaleModule, InventoryModule, TicketsModule, AdminModule, AnalyticsModule, WaitlistModule, LiveModule, MessagesModule, MetricsModule, WebModule],
    };
  }
}
