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
    expect(response.body).toEqual({ status: 'ok', store: 'embedded' });
  });

  it('answers 503 with the reason when the store cannot be reached', async () => {
    await t.store.close();
    const response = await t.http.get('/health').expect(503);
    expect(response.body).toMatchObject({ status: 'unavailable', store: 'embedded', error: expect.stringMatching(/closed/) });
  });
});
