import { createHash } from 'node:crypto';
import { leadingZeroBits, sha256Words, searchNonce } from '../src/onsale/sha256';

const hex = (words: Uint32Array): string => [...words].map((w) => (w >>> 0).toString(16).padStart(8, '0')).join('');
const nodeHex = (text: string): string => createHash('sha256').update(text).digest('hex');

describe("the browser's SHA-256 for the proof-of-work", () => {
  it('agrees with Node\'s for every length across block boundaries', () => {
    for (let length = 0; length < 200; length++) {
      const text = Array.from({ length }, (_, i) => String.fromCharCode(33 + ((i * 7 + length) % 90))).join('');
      expect(hex(sha256Words(text))).toBe(nodeHex(text));
    }
    expect(hex(sha256Words('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('finds the nonce the server checks: the first with enough leading zero bits', () => {
    const challenge = 'pow1.eyJuIjoiYWJjIn0.c2ln';
    const nonce = searchNonce(challenge, 10, 0, 1_000_000)!;
    const digest = createHash('sha256').update(`${challenge}:${nonce}`).digest();
    expect(digest[0]).toBe(0);
    expect(digest[1] >> 6).toBe(0);
    expect(leadingZeroBits(`${challenge}:${nonce}`)).toBeGreaterThanOrEqual(10);
    for (let n = 0; n < nonce; n++) expect(leadingZeroBits(`${challenge}:${n}`)).toBeLessThan(10);
  });
});
