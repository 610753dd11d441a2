/**
 * In-process hold commands per second on one hot general-admission show (64 shards),
 * through the real PlaceHold: allowance reservation, shard routing, the per-shard
 * queue and batch, the embedded store with synchronous=FULL. Beside it, measured in
 * the same run on a fresh file: the store's own append rate for single-event appends
 * from the same number of concurrent writers.
 * Usage: npm run bench:holds [-- --holds 50000 --customers 2000 --shards 64]
 */
import { loadConfig } from '@app/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { planShards, withShowDefaults, type Show, type Venue } from '../libs/domain/src';
import { SqliteEventStore } from '../libs/event-store/src';
import { ShardRegistry } from '../apps/api/src/inventory/shardRegistry';
import { HoldLookup } from '../apps/api/src/inventory/holds/holdLookup';
import { PlaceHold } from '../apps/api/src/inventory/holds/placeHold';
import { timeOrderedUuid } from '../apps/api/src/infrastructure/ids';
import { ReadDatabase } from '../libs/read-models/src';
import { ProjectionsService } from '../apps/api/src/projections/projections.service';
import type { ShowCatalog, ShowDefinition } from '../apps/api/src/catalog/showCatalog';

const args = Object.fromEntries(
  process.argv.slice(2).flatMap((arg, i, all) => (arg.startsWith('--') && all[i + 1] && !all[i + 1].startsWith('--') ? [[arg.slice(2), Number(all[i + 1])]] : [])),
) as Record<string, number>;
const quick = process.argv.includes('--quick');
const HOLDS = args.holds ?? (quick ? 10_000 : 50_000);
const CUSTOMERS = args.customers ?? 2_000;
const SHARDS = args.shards ?? 64;

function festival(): ShowDefinition {
  const venue: Venue = { id: 'bench-field', cityId: 'bench-city', name: 'Bench Field', kind: 'festival' };
  const show: Show = {
    id: 'bench-festival',
    eventId: 'bench-event',
    venueId: venue.id,
    startsAt: '2027-07-01T12:00:00.000Z',
    kind: 'general',
    capacity: 1_000_000,
    shardCount: SHARDS,
    maxTicketsPerCustomer: 10,
    tiers: [{ tier: 'regular', price: 12_000, currency: 'EUR' }],
  };
  const withDefaults = withShowDefaults(show);
  const prices = Object.fromEntries(show.tiers.map((t) => [t.tier, { price: t.price, currency: t.currency }]));
  return { show: withDefaults, prices, revision: 0n, venue, shards: planShards(show, venue), eventName: 'Bench', organisationId: undefined };
}

async function holdsPerSecond(dir: string): Promise<{ rate: number; tickets: number; transactions: number }> {
  const store = new SqliteEventStore({ file: join(dir, 'holds.db') });
  const definition = festival();
  const catalog = { get: async () => definition, listShowIds: async () => [definition.show.id] } as unknown as ShowCatalog;
  const readDb = ReadDatabase.open(join(dir, 'read'));
  const registry = new ShardRegistry(store, catalog);
  const placeHold = new PlaceHold(registry, new HoldLookup(registry, new ProjectionsService(store, readDb), readDb), loadConfig({}));
  const inventory = (await registry.show(definition.show.id))!;
  await Promise.all(inventory.shards.map((s) => s.writer.warm()));
  let next = 0;
  let tickets = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CUSTOMERS }, async () => {
      while (next < HOLDS) {
        const quantity = 1 + (next++ % 10);
        // A new customer per hold, as in an on-sale: each has a fresh allowance stream.
        const hold = await placeHold.place(randomUUID(), definition.show.id, { quantity }, timeOrderedUuid());
        tickets += hold.ticketNumbers?.length ?? 0;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const transactions = store.stats().transactions;
  await store.close();
  await readDb.close();
  return { rate: HOLDS / seconds, tickets, transactions };
}

async function appendsPerSecond(dir: string): Promise<number> {
  const store = new SqliteEventStore({ file: join(dir, 'appends.db') });
  const revisions = new Map<string, bigint | 'no_stream'>();
  let next = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: CUSTOMERS }, async (_, w) => {
      const stream = `bench-${w}`;
      while (next < HOLDS) {
        next++;
        const result = await store.appendToStream(stream, [{ id: randomUUID(), type: 'SeatsHeld', data: { holdId: randomUUID(), ticketNumbers: [next], heldAt: new Date().toISOString() } }], {
          expectedRevision: revisions.get(stream) ?? 'no_stream',
        });
        revisions.set(stream, result.nextExpectedRevision);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await store.close();
  return HOLDS / seconds;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-holds-'));
  try {
    console.log(`Hold commands in-process: ${HOLDS} holds of 1-10 tickets, ${CUSTOMERS} concurrent customers, one general-admission show with ${SHARDS} shards (synchronous=FULL)`);
    const appends = await appendsPerSecond(dir);
    const holds = await holdsPerSecond(dir);
    console.log('');
    console.log(`${'run'.padEnd(58)}${'per second'.padEnd(14)}`);
    console.log(`${'store appends, one event each (baseline)'.padEnd(58)}${appends.toFixed(0).padEnd(14)}`);
    console.log(`${'hold commands (allowance + shard hold, 2 appends each)'.padEnd(58)}${holds.rate.toFixed(0).padEnd(14)}`);
    console.log('');
    console.log(`holds/s vs single appends/s: ${((holds.rate / appends) * 100).toFixed(1)}%; tickets held: ${holds.tickets}; store transactions: ${holds.transactions}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
