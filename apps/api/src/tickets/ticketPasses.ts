import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What a scanned payload turned out to be. */
export type ReadPass =
  | { kind: 'valid'; showId: string; shardId: string; ticketId: string }
  /** Our format, but the signature is not the one the show's key makes: forged or altered. */
  | { kind: 'invalid_signature'; showId: string }
  /** Not a ticket payload of ours at all (another QR code, a typo). */
  | { kind: 'malformed'; reason: string };

const VERSION = 'T1';
const ID = '[A-Za-z0-9_-]{1,80}';
/** 16 bytes of HMAC-SHA256: 128 bits, forging one is out of reach, and the QR code stays small. */
const SIGNATURE_BYTES = 16;
const SIGNATURE_CHARS = Math.ceil((SIGNATURE_BYTES * 8) / 6);
const FORMAT = new RegExp(`^${VERSION}\\.(${ID})\\.(${ID})\\.(${ID})\\.([A-Za-z0-9_-]{${SIGNATURE_CHARS}})$`);
/** Show keys kept derived at most. */
const KEYS_KEPT = 1_000;

/**
 * The check-in payload of a ticket's QR code: `T1.<showId>.<shardId>.<ticketId>.<signature>`,
 * about 110 characters (a version 6 QR code at level M). The signature is an HMAC with a
 * key per show, derived from one secret: every API process of every region that shares
 * the secret can verify any ticket without asking anyone, and a key leaked from one show's
 * scanners (were they ever given keys) opens no other show. The shard in the payload says
 * which stream decides the ticket's check-in, so the gate finds it without a lookup.
 */
export class TicketPasses {
  private readonly keys = new Map<string, Buffer>();

  constructor(private readonly secret: Buffer) {}

  /** The secret from TICKET_SIGNING_SECRET, or else one generated once and kept in DATA_DIR. */
  static open(dataDir: string, fromEnv: string | undefined): TicketPasses {
    if (fromEnv) return new TicketPasses(Buffer.from(fromEnv, 'utf8'));
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, 'ticket-signing-secret');
    if (!existsSync(file)) writeFileSync(file, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600 });
    return new TicketPasses(Buffer.from(readFileSync(file, 'utf8').trim(), 'hex'));
  }

  /** The payload for a ticket sold on `shardId` of `showId`. */
  readonly passOf = (showId: string, shardId: string, ticketId: string): string => {
    const body = `${VERSION}.${showId}.${shardId}.${ticketId}`;
    return `${body}.${this.signature(showId, body).toString('base64url')}`;
  };

  read(payload: string): ReadPass {
    const match = FORMAT.exec(payload);
    if (!match) return { kind: 'malformed', reason: `not a ticket payload (${VERSION}.<showId>.<shardId>.<ticketId>.<signature>)` };
    const [, showId, shardId, ticketId, signature] = match;
    const given = Buffer.from(signature, 'base64url');
    const expected = this.signature(showId, payload.slice(0, payload.length - signature.length - 1));
    // Only the canonical encoding counts: base64url's spare bits would otherwise give each signature several spellings.
    if (given.length !== expected.length || !timingSafeEqual(given, expected) || given.toString('base64url') !== signature) {
      return { kind: 'invalid_signature', showId };
    }
    return { kind: 'valid', showId, shardId, ticketId };
  }

  private signature(showId: string, body: string): Buffer {
    return createHmac('sha256', this.showKey(showId)).update(body).digest().subarray(0, SIGNATURE_BYTES);
  }

  private showKey(showId: string): Buffer {
    let key = this.keys.get(showId);
    if (!key) {
      key = createHmac('sha256', this.secret).update(`ticket-key:${showId}`).digest();
      if (this.keys.size >= KEYS_KEPT) this.keys.delete(this.keys.keys().next().value!);
      this.keys.set(showId, key);
    }
    return key;
  }
}
