/**
 * `npm run bench:stadium`: what the 200,000-seat stadium show of the demo catalog costs.
 * Starts the real app in this process on a fresh embedded store with the demo catalog and
 * prints: the seeding (app start), the first and second load of the show's definition
 * (read + shard plan), the show page, the venue's seat map, a section's seats, and the
 * first hold (which reads the shard's stream) against a second one. Figures only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadConfig } from '../libs/config/src';
import { SqliteEventStore } from '../libs/event-store/src';
import { createApp } from '../apps/api/src/bootstrap';
import { ShowCatalog } from '../apps/api/src/catalog/showCatalog';

const ms = (from: bigint): number => Number((process.hrtime.bigint() - from) / 1_000n) / 1_000;

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-stadium-'));
  const rows: Array<[string, string]> = [];
  let app: NestFastifyApplication | undefined;
  try {
    const store = new SqliteEventStore({ file: join(dataDir, 'events.db') });
    let t = process.hrtime.bigint();
    app = await createApp({ ...loadConfig({}), dataDir, logLevel: 'error', seedDemo: true, expiryWorker: false, rateLimits: false, corsOrigins: [] }, store);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    rows.push(['app start with demo seeding (stadium show included)', `${ms(t)} ms`]);
    const fastify = app.getHttpAdapter().getInstance();
    const get = async (url: string) => {
      const started = process.hrtime.bigint();
      const response = await fastify.inject({ method: 'GET', url });
      if (response.statusCode !== 200) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
      return { took: ms(started), bytes: response.body.length, body: response.json() as unknown };
    };
    const events = (await get('/v1/events/cup-final')).body as { shows: Array<{ id: string }> };
    const showId = events.shows[0].id;
    const catalog = app.get(ShowCatalog);
    t = process.hrtime.bigint();
    const definition = await catalog.get(showId);
    rows.push([`first load of ${showId}'s definition (${definition?.shards.length} shards planned)`, `${ms(t)} ms`]);
    t = process.hrtime.bigint();
    await catalog.get(showId);
    rows.push(['second load (kept in memory)', `${ms(t)} ms`]);
    const page = await get(`/v1/shows/${showId}`);
    rows.push(['GET /v1/shows/:id (overview with 66 sections)', `${page.took} ms, ${page.bytes} bytes`]);
    const venue = await get('/v1/venues/stadium');
    rows.push(['GET /v1/venues/stadium (seat map)', `${venue.took} ms, ${venue.bytes} bytes`]);
    const seats = await get(`/v1/shows/${showId}/seats?section=N`);
    rows.push(['GET seats of section N (12,000 seats)', `${seats.took} ms, ${seats.bytes} bytes`]);
    const customer = async () => (await fastify.inject({ method: 'POST', url: '/v1/customers' })).json() as { token: string };
    for (const label of ['first hold (reads its shard)', 'second hold, same shard']) {
      const { token } = await customer();
      t = process.hrtime.bigint();
      const held = await fastify.inject({ method: 'POST', url: `/v1/shows/${showId}/holds`, headers: { authorization: `Bearer ${token}` }, payload: { quantity: 2, section: 'N' } });
      if (held.statusCode !== 201) throw new Error(`hold: ${held.statusCode} ${held.body}`);
      rows.push([label, `${ms(t)} ms`]);
    }
  } finally {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
}

void main();
