import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { AppModule } from './app.module';
import { ErrorFilter } from './http/errorFilter';
import { serveOpenApi } from './http/openApi';
import { Metrics } from './metrics/metrics';
import { strictValidationPipe } from './http/validation';
import { BODY_LIMIT, hardenHttp } from './http/hardening';
import { RequestDrain } from './shutdown/requestDrain';
import { StoreStatus } from './health/storeStatus';

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/**
 * Builds the HTTP app; `main.ts` listens on it, end-to-end tests drive it in-process.
 * Signals are main.ts's business (see shutdown/gracefulShutdown.ts).
 */
export async function createApp(config: AppConfig, store?: EventStore): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, store),
    // While closing, RequestDrain answers new requests itself, in our error format.
    new FastifyAdapter({ bodyLimit: BODY_LIMIT, routerOptions: { maxParamLength: 200 }, return503OnClosing: false }),
    { logger: LOG_LEVELS[config.logLevel], abortOnError: false },
  );
  app.get(RequestDrain).attach(app.getHttpAdapter().getInstance());
  await hardenHttp(app, config);
  serveOpenApi(app);
  const storeStatus = app.get(StoreStatus);
  app.useGlobalFilters(new ErrorFilter(storeStatus, app.get(Metrics)));
  app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && reply.statusCode >= 200 && reply.statusCode < 300) storeStatus.writeSucceeded();
    done();
  });
  app.useGlobalPipes(strictValidationPipe());
  return app;
}
