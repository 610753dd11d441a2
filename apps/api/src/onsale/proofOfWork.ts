import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import type * as api from '@app/contracts';
import { AppError } from '../application/appError';
import { openPayload, signPayload } from '../auth/signedPayload';
import { TokenService } from '../auth/tokenService';
import { APP_CONFIG } from '../infrastructure/tokens';
import { HotOnSales } from './hotOnSales';

const PREFIX = 'pow1';
/** Challenges answered, remembered until they expire; beyond this many the oldest go first. */
const USED_KEPT = 1_000_000;

export type PowProblem = 'malformed' | 'forged' | 'expired' | 'used' | 'wrong_solution';

/** Leading zero bits of a digest. */
export function leadingZeroBits(digest: Buffer): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/** Solves a challenge the way the browser does (tests and the bench's scripted clients). */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let nonce = 0; ; nonce++) {
    if (leadingZeroBits(createHash('sha256').update(`${challenge}:${nonce}`).digest()) >= difficulty) return String(nonce);
  }
}

/**
 * While a hot on-sale is open, a new customer identity costs a proof-of-work: SHA-256 of
 * `<challenge>:<nonce>` must start with POW_DIFFICULTY zero bits (18: about 260,000 hashes,
 * a second or so in a browser). Challenges are signed (no store), short-lived, and
 * single-use: an answered one is remembered until it expires. That memory is per
 * process; across a fleet a challenge could be spent once per process, which the per-address
 * identity limit bounds.
 */
@Injectable()
export class ProofOfWork {
  private readonly key: Buffer;
  private readonly used = new Map<string, number>();

  constructor(
    tokens: TokenService,
    private readonly hot: HotOnSales,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.key = tokens.keyFor('proof-of-work');
  }

  async required(): Promise<boolean> {
    return this.config.powDifficulty > 0 && (await this.hot.anyOpen());
  }

  async challenge(): Promise<api.PowChallenge> {
    const expiresAt = Date.now() + this.config.powChallengeSeconds * 1000;
    const difficulty = this.config.powDifficulty;
    const challenge = signPayload(this.key, PREFIX, { n: randomBytes(12).toString('base64url'), d: difficulty, x: expiresAt });
    return { challenge, difficulty, expiresAt: new Date(expiresAt).toISOString(), required: await this.required() };
  }

  /** Checks `Proof-Of-Work: <challenge>:<nonce>` when one is required; spends the challenge. */
  async check(header: string | undefined): Promise<void> {
    if (!(await this.required())) return;
    if (header === undefined || header.trim() === '') {
      throw new AppError('proof_of_work_required', 'A hot on-sale is open: solve a challenge from POST /v1/customers/challenges and send Proof-Of-Work: <challenge>:<nonce>', {
        field: 'Proof-Of-Work',
        difficulty: this.config.powDifficulty,
      });
    }
    const problem = this.problem(header.trim(), Date.now());
    if (problem) throw new AppError('proof_of_work_invalid', `The Proof-Of-Work is not accepted: ${DESCRIBE[problem]}`, { field: 'Proof-Of-Work', reason: problem });
  }

  private problem(header: string, now: number): PowProblem | undefined {
    const colon = header.lastIndexOf(':');
    if (colon <= 0 || !/^[0-9]{1,16}$/.test(header.slice(colon + 1))) return 'malformed';
    const challenge = header.slice(0, colon);
    const claims = openPayload(this.key, PREFIX, challenge);
    if (!claims || typeof claims.n !== 'string' || typeof claims.d !== 'number' || typeof claims.x !== 'number') return 'forged';
    if (now >= claims.x) return 'expired';
    this.forgetExpired(now);
    if (this.used.has(claims.n)) return 'used';
    // The difficulty asked now, or the one the challenge was made with when that was higher.
    const difficulty = Math.max(claims.d, this.config.powDifficulty);
    if (leadingZeroBits(createHash('sha256').update(header).digest()) < difficulty) return 'wrong_solution';
    this.used.set(claims.n, claims.x);
    if (this.used.size > USED_KEPT) this.used.delete(this.used.keys().next().value!);
    return undefined;
  }

  /** Insertion order is nearly expiry order (one lifetime for all), so the expired are at the front. */
  private forgetExpired(now: number): void {
    for (const [nonce, expiresAt] of this.used) {
      if (expiresAt > now) break;
      this.used.delete(nonce);
    }
  }
}

const DESCRIBE: Record<PowProblem, string> = {
  malformed: 'send <challenge>:<nonce> with a decimal nonce',
  forged: 'the challenge was not issued by this platform',
  expired: 'the challenge has expired; ask for a new one',
  used: 'the challenge was already used; ask for a new one',
  wrong_solution: 'SHA-256 of <challenge>:<nonce> does not start with enough zero bits',
};
