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
  /**
   * A new staff user with its own token, made through the accounts API by the bootstrap
   * admin: in `organisationId` (created when missing; default 'acme'), with `showIds` for a gate user.
   */
  staff(role: 'admin' | 'event_manager' | 'auditor' | 'gate', options?: { organisationId?: string; showIds?: string[]; name?: string }): Promise<StaffLogin>;
  close(): Promise<void>;
}

const ADMIN = 'test-admin-token-0123456789';

export interface StaffLogin {
  userId: string;
  organisationId: string;
  tokenId: string;
  /** `Bearer <token>`, for the Authorization header. */
  auth: string;
}

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
  /** Processes that verify each other's tickets share it (unset: each keeps its own in its dataDir). */
  ticketSigningSecret?: string;
  /** Email through this SMTP server (the outbox runs with the expiry worker). */
  smtpUrl?: string;
  /** Any other setting, over the test defaults (e.g. `powDifficulty`, `liveStreamsPerAddress`). */
  config?: Partial<AppConfig>;
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
    ...(options.ticketSigningSecret !== undefined ? { ticketSigningSecret: options.ticketSigningSecret } : {}),
    ...(options.smtpUrl !== undefined ? { smtpUrl: options.smtpUrl } : {}),
    ...options.config,
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
    async staff(role, options = {}) {
      const admin = `Bearer ${ADMIN}`;
      const http = request(app.getHttpServer());
      const organisationId = role === 'admin' ? 'platform' : (options.organisationId ?? 'acme');
      if (organisationId !== 'platform') {
        const created = await http.post('/v1/admin/organisations').set('Authorization', admin).send({ id: organisationId, name: `Org ${organisationId}` });
        if (created.status !== 201 && created.status !== 409) throw new Error(`organisation ${organisationId}: ${created.status} ${JSON.stringify(created.body)}`);
      }
      const user = await http
        .post(`/v1/admin/organisations/${organisationId}/users`)
        .set('Authorization', admin)
        .send({ name: options.name ?? `A ${role}`, role, ...(options.showIds ? { showIds: options.showIds } : {}) });
      if (user.status !== 201) throw new Error(`user: ${user.status} ${JSON.stringify(user.body)}`);
      const token = await http.post(`/v1/admin/organisations/${organisationId}/users/${user.body.userId}/tokens`).set('Authorization', admin).send({ label: 'test' });
      if (token.status !== 201) throw new Error(`token: ${token.status} ${JSON.stringify(token.body)}`);
      return { userId: user.body.userId as string, organisationId, tokenId: token.body.tokenId as string, auth: `Bearer ${token.body.token as string}` };
    },
    async close() {
      await app.close();
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
