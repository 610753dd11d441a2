import { hash, randomFillSync } from 'node:crypto';

/** Random bytes drawn from the OS in blocks, 16 per id. */
const pool = Buffer.alloc(16 * 512);
let used = pool.length;

/**
 * A version 7 UUID (RFC 9562): the first 48 bits are the time in milliseconds, the
 * last 74 random. Ids made later sort after ids made earlier, so the SQLite indexes
 * keyed by them (a customer's stream name, a hold's row in the read models) grow at
 * their end: each commit rewrites the few pages there instead of one page per new key
 * anywhere in the index. They still cannot be guessed; they tell when they were made.
 */
export function timeOrderedUuid(now: number = Date.now()): string {
  if (used === pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  const b = pool.subarray(used, used + 16);
  used += 16;
  b.writeUIntBE(now, 0, 6);
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A uuid derived from a name: the same purchase retried gets the same order and ticket ids. */
export function stableUuid(name: string): string {
  const h = hash('sha256', name, 'hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h[16], 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
