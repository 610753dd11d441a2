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

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

/** Builds the HTTP app; `main.ts` listens on it, end-to-end tests drive it in-process. */
export async function createApp(config: AppConfig, store?: EventStore): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, store),
    // Large enough for a stadium's compact seat map (about 140 KB); everything else is far smaller.
    new FastifyAdapter({ bodyLimit: 512 * 1024 }),
    { logger: LOG_LEVELS[config.logLevel], abortOnError: false },
  );
  const openApi = new DocumentBuilder()
    .setTitle('Ticketing API')
    .setDescription('Find shows, hold seats or tickets, pay, and audit sales. Errors are JSON { error, message, details? }.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs/openapi.json' });
  app.useGlobalFilters(new ErrorFilter());
  app.useGlobalPipes(strictValidationPipe());
  app.enableShutdownHooks();
  return app;
}
