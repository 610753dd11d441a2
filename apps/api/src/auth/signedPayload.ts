import { createHmac, timingSafeEqual } from 'node:crypto';

/** `<prefix>.<payload as base64url JSON>.<HMAC-SHA256 base64url>`: small signed claims a client carries back. */
export function signPayload(key: Buffer, prefix: string, claims: object): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${prefix}.${payload}.${createHmac('sha256', key).update(`${prefix}.${payload}`).digest('base64url')}`;
}

/** The claims of a token `signPayload` made with this key and prefix; undefined for anything else. */
export function openPayload(key: Buffer, prefix: string, token: string, maxLength = 1_000): Record<string, unknown> | undefined {
  if (token.length > maxLength) return undefined;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== prefix) return undefined;
  const given = Buffer.from(parts[2], 'base64url');
  const expected = createHmac('sha256', key).update(`${prefix}.${parts[1]}`).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected) || given.toString('base64url') !== parts[2]) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as unknown;
    return typeof claims === 'object' && claims !== null && !Array.isArray(claims) ? (claims as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
