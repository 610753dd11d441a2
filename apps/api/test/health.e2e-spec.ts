import request from 'supertest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '@app/config';
import { SqliteEventStore } from '@app/event-store';
import { createApp } from '../src/bootstrap';

describe('GET /health', () => {
  let app: NestFastifyApplication;
  let store: SqliteEventStore;

  beforeEach(async () => {
    store = SqliteEventStore.inMemory();
    app = await createApp({ ...loadConfig({}), logLevel: 'error' }, store);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });
  afterEach(async () => {
    await app.close();
  });

  it('reports the embedded store as ok', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({ status: 'ok', store: 'embedded' });
  });

  it('answers 503 with the reason when the store cannot be reached', async () => {
    await store.close();
    const response = await request(app.getHttpServer()).get('/health').expect(503);
    expect(response.body).toMatchObject({ status: 'unavailable', store: 'embedded', error: expect.stringMatching(/closed/) });
  });
});
