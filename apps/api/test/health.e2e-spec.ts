import { createTestApp, type TestApp } from './testApp';

describe('GET /health', () => {
  let t: TestApp;

  beforeEach(async () => {
    t = await createTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  it('reports the embedded store as ok', async () => {
    const response = await t.http.get('/health').expect(200);
    expect(response.body).toMatchObject({ status: 'ok', store: 'embedded', reads: 'ok', writes: 'ok' });
  });

  it('answers 503 with the reason when the store cannot be reached', async () => {
    await t.store.close();
    const response = await t.http.get('/health').expect(503);
    expect(response.body).toMatchObject({ status: 'unavailable', store: 'embedded', error: expect.stringMatching(/closed/) });
  });
});

describe('GET /docs', () => {
  it('serves the OpenAPI description of the HTTP contract', async () => {
    const t = await createTestApp();
    try {
      const spec = await t.http.get('/docs/openapi.json').expect(200);
      expect(spec.body.openapi).toMatch(/^3\./);
      expect(Object.keys(spec.body.paths)).toEqual(
        expect.arrayContaining(['/v1/shows/{showId}/holds', '/v1/holds/{holdId}/purchase', '/v1/shows/{showId}/availability', '/v1/admin/shows']),
      );
      const page = await t.http.get('/docs').expect(200);
      expect(page.text).toMatch(/swagger/i);
    } finally {
      await t.close();
    }
  });
});
