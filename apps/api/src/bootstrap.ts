import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { LogLevel } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { AppModule } from './app.module';
import { ErrorFilter } from './http/errorFilter';
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
  const openApi = new DocumentBuilder()
    .setTitle('Ticketing API')
    .setDescription('Find shows, hold seats or tickets, pay, and audit sales. Errors are JSON { error, message, details? }.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs/openapi.json' });
  const storeStatus = app.get(StoreStatus);
  app.useGlobalFilters(new ErrorFilter(storeStatus));
  app.getHttpAdapter().getInstance().addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && reply.statusCode >= 200 && reply.statusCode < 300) storeStatus.writeSucceeded();
    done();
  });
  app.useGlobalPipes(strictValidationPipe());
  return app;
}
