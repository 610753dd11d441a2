import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestApp, type TestApp } from './testApp';

describe('web pages served at /', () => {
  let t: TestApp;
  let webDir: string;

  beforeAll(async () => {
    webDir = mkdtempSync(join(tmpdir(), 'ticketing-webdir-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>pages</title>');
    writeFileSync(join(webDir, 'assets', 'index-abc123.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'ticketing-outside-web.txt'), 'secret');
    t = await createTestApp({ webDir });
  });

  afterAll(async () => {
    await t.close();
    rmSync(webDir, { recursive: true, force: true });
  });

  it('answers / and every page path with index.html, so the pages can route in the browser', async () => {
    for (const path of ['/', '/shows/cinema-1', '/admin/projections', '/events?q=night']) {
      const response = await t.http.get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      expect(response.text).toContain('<title>pages</title>');
      expect(response.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves built assets with a long cache, and answers a missing file with a JSON 404', async () => {
    const asset = await t.http.get('/assets/index-abc123.js').expect(200);
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await t.http.get('/assets/nothing.js').expect(404);
    expect(missing.body).toMatchObject({ error: 'not_found' });
  });

  it('never reads outside the built directory', async () => {
    for (const path of ['/../ticketing-outside-web.txt', '/%2e%2e/ticketing-outside-web.txt', '/assets/..%2f..%2fticketing-outside-web.txt']) {
      const response = await t.http.get(path);
      expect(response.text).not.toContain('secret');
    }
  });

  it('leaves the API its own: unknown API paths are JSON 404s, not the page', async () => {
    for (const path of ['/v1/nothing-here', '/v1', '/health/deep', '/docs/nothing']) {
      const response = await t.http.get(path).expect(404);
      expect(response.headers['content-type']).toMatch(/^application\/json/);
    }
    expect((await t.http.get('/health').expect(200)).body).toMatchObject({ status: 'ok', store: 'embedded' });
    await t.http.get('/v1/cities').expect(200);
  });

  it('says how to build the pages when they are not built', async () => {
    const bare = await createTestApp({ webDir: join(webDir, 'not-built') });
    try {
      const response = await bare.http.get('/').expect(404);
      expect(response.body).toMatchObject({ error: 'web_not_built' });
      expect(response.body.message).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
