import { Module } from '@nestjs/common';
import { MetricsController } from './metrics.controller';

/** `GET /metrics`; the Metrics themselves come from the infrastructure module, which times the store's appends. */
@Module({ controllers: [MetricsController] })
export class MetricsModule {}
