import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { InfrastructureModule } from './infrastructure/infrastructure.module';
import { HealthController } from './health/health.controller';

@Module({})
export class AppModule {
  /** `store` lets tests hand in an in-memory store; the app opens the configured one. */
  static forRoot(config: AppConfig, store?: EventStore): DynamicModule {
    return {
      module: AppModule,
      imports: [InfrastructureModule.forRoot(config, store)],
      controllers: [HealthController],
    };
  }
}
