/**
 * A request the application refuses for a reason that is not a domain decision: a show
 * that does not exist, a card refused, a server full of listeners, an order not yet in the
 * read model. It says what went wrong with a stable `code` and nothing of HTTP: the error
 * filter (`http/errorFilter.ts`) maps every code to its status in one table. Rules of the
 * domain itself are `DomainError`s (libs/domain).
 */
export type AppErrorCode =
  /** A malformed input; `details.field` or `details.fields` names it. */
  | 'invalid_request'
  | 'unauthorized'
  | 'forbidden'
  | 'payment_declined'
  | 'not_found'
  | 'web_not_built'
  | 'already_exists'
  /** Waiting line: enough is available, hold it instead. */
  | 'seats_available'
  /** Waiting line: not enough is held that could still come free. */
  | 'sold_out'
  | 'idempotency_key_reused'
  | 'idempotency_key_mismatch'
  | 'rebuild_in_progress'
  | 'not_rebuildable'
  | 'rate_limited'
  /** The server, or one show, has as many live update streams as it takes. */
  | 'too_many_listeners'
  /** One waiting-line entry has as many live update streams as it may have (sent as `too_many_listeners`). */
  | 'too_many_entry_listeners'
  /** One address or customer has as many live update streams as it may have (sent as `too_many_listeners`, 429). */
  | 'too_many_client_listeners'
  /** A hold on a hot on-sale without a queue pass. */
  | 'queue_pass_required'
  /** A queue pass that is forged, someone else's, for another show, expired or not yet valid (`details.reason`). */
  | 'queue_pass_invalid'
  /** A new customer identity while a hot on-sale is open, without a proof-of-work. */
  | 'proof_of_work_required'
  /** A proof-of-work that is forged, expired, already used or does not solve its challenge (`details.reason`). */
  | 'proof_of_work_invalid'
  /** A receipt link whose signature does not hold: forged or altered. */
  | 'receipt_link_invalid'
  /** The waiting room of a show that is not a hot on-sale. */
  | 'not_hot_onsale'
  /** Written but not yet readable: retry. */
  | 'not_ready'
  | 'shutting_down';

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: AppErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
    /** When a retry may succeed; sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** Narrows an unknown caught value, optionally to one code. */
export function isAppError(error: unknown, code?: AppErrorCode): error is AppError {
  return error instanceof AppError && (code === undefined || error.code === code);
}
