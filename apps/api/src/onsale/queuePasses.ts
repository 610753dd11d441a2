import { Injectable } from '@nestjs/common';
import { AppError } from '../application/appError';
import { openPayload, signPayload } from '../auth/signedPayload';
import { TokenService } from '../auth/tokenService';

const PREFIX = 'qp1';

export type QueuePassProblem = 'forged' | 'other_customer' | 'other_show' | 'expired' | 'not_yet_valid';

/**
 * Queue passes: `qp1.<claims>.<HMAC>` naming one customer, one show, their place in the
 * waiting room and the window the pass is good for. Verifying one is a hash, no read: the
 * hold path of a hot show pays microseconds for it, and every process with the same
 * secret accepts the passes of every other, before and after a restart.
 */
@Injectable()
export class QueuePasses {
  private readonly key: Buffer;

  constructor(tokens: TokenService) {
    this.key = tokens.keyFor('queue-pass');
  }

  issue(customerId: string, showId: string, position: number, admitAt: number, expiresAt: number): string {
    return signPayload(this.key, PREFIX, { c: customerId, s: showId, p: position, a: admitAt, x: expiresAt });
  }

  /** Throws the 403 that says what is wrong with the pass, or returns when it lets `customerId` hold on `showId` at `now`. */
  check(pass: string | undefined, customerId: string, showId: string, now: number): void {
    if (pass === undefined || pass.trim() === '') {
      throw new AppError('queue_pass_required', `Show ${showId} is a hot on-sale: join its waiting room (POST /v1/shows/${showId}/waiting-room) and send the pass you get as Queue-Pass`, {
        field: 'Queue-Pass',
        showId,
      });
    }
    const problem = this.problem(pass.trim(), customerId, showId, now);
    if (problem) throw new AppError('queue_pass_invalid', `The Queue-Pass is not valid here: ${DESCRIBE[problem]}`, { field: 'Queue-Pass', reason: problem, showId });
  }

  private problem(pass: string, customerId: string, showId: string, now: number): QueuePassProblem | undefined {
    const claims = openPayload(this.key, PREFIX, pass);
    if (!claims || typeof claims.c !== 'string' || typeof claims.s !== 'string' || typeof claims.a !== 'number' || typeof claims.x !== 'number') return 'forged';
    if (claims.c !== customerId) return 'other_customer';
    if (claims.s !== showId) return 'other_show';
    if (now >= claims.x) return 'expired';
    if (now < claims.a) return 'not_yet_valid';
    return undefined;
  }
}

const DESCRIBE: Record<QueuePassProblem, string> = {
  forged: 'it was not issued by this platform',
  other_customer: 'it was issued to another customer',
  other_show: 'it was issued for another show',
  expired: 'it has expired; join the waiting room again',
  not_yet_valid: 'its admission time has not come yet',
};
