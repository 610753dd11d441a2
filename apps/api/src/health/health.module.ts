import { Global, Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { StoreStatus } from './storeStatus';

@Global()
@Module({ controllers: [HealthController], providers: [StoreStatus], exports: [StoreStatus] })
export class HealthModule {}
