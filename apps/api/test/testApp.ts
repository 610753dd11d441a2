import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig, type AppConfig } from '@app/config';
import { SqliteEventStore, type EventStore } from '@app/event-store';
import { createApp } from '../src/bootstrap';
import { watchApp } from './support/contractWatch';

export interface TestApp {
  app: NestFastifyApplication;
  http: ReturnType<typeof request>;
  store: EventStore;
  dataDir: string;
  adminToken: string;
  config: AppConfig;
  /** A fresh customer's id and `Authorization` header value. */
  customer(): Promise<{ customerId: string; auth: string }>;
  close(): Promise<void>;
}

const ADMIN = 'test-admin-token-0123456789';

/**
 * The real app on the real embedded store: an in-memory event store unless a
 * dataDir is given (restart tests reuse one), and a read database in a temp dir.
 */
export interface TestAppOptions {
  dataDir?: string;
  seedDemo?: boolean;
  expiryWorker?: boolean;
  store?: EventStore;
  waitlistMaxWaitSeconds?: number;
  /** Off unless a test turns them on: most tests make many holds quickly from one address. */
  rateLimits?: { customerPerMinute: number; ipPerMinute: number };
  webDir?: string;
  corsOrigins?: string[];
  /** Email through this SMTP server (the outbox runs with the expiry worker). */
  smtpUrl?: string;
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ticketing-test-'));
  const config: AppConfig = {
    ...loadConfig({}),
    dataDir,
    logLevel: 'error',
    adminToken: ADMIN,
    seedDemo: options.seedDemo ?? false,
    expiryWorker: options.expiryWorker ?? true,
    ...(options.waitlistMaxWaitSeconds !== undefined ? { waitlistMaxWaitSeconds: options.waitlistMaxWaitSeconds } : {}),
    rateLimits: options.rateLimits !== undefined,
    ...(options.rateLimits ? { rateLimitCustomerPerMinute: options.rateLimits.customerPerMinute, rateLimitIpPerMinute: options.rateLimits.ipPerMinute } : {}),
    corsOrigins: options.corsOrigins ?? [],
    ...(options.webDir !== undefined ? { webDir: options.webDir } : {}),
    ...(options.smtpUrl !== undefined ? { smtpUrl: options.smtpUrl } : {}),
  };
  const store = options.store ?? (options.dataDir ? new SqliteEventStore({ file: join(dataDir, 'events.db') }) : SqliteEventStore.inMemory());
  const app = await createApp(config, store);
  // Every answer the suites receive is checked against the OpenAPI description.
  watchApp(app);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = request(app.getHttpServer());
  return {
    app,
    http,
    store,
    dataDir,
    adminToken: ADMIN,
    config,
    async customer() {
      const response = await request(app.getHttpServer()).post('/v1/customers').expect(201);
      return { customerId: response.body.customerId as string, auth: `Bearer ${response.body.token as string}` };
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
