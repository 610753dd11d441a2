import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, type DomainErrorCode } from '@app/domain';
import { InvalidAppendError, StoreUnavailableError, WrongExpectedVersionError } from '@app/event-store';
import { ApiError } from './apiError';
import { AppError, type AppErrorCode } from '../application/appError';
import type { StoreStatus } from '../health/storeStatus';
import type { Metrics } from '../metrics/metrics';

/** The one table from domain error codes to HTTP statuses. */
export const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  seats_unavailable: 409,
  limit_exceeded: 422,
  hold_not_found: 404,
  hold_expired: 410,
  hold_released: 410,
  hold_already_purchased: 409,
  // Someone else's hold is reported as missing, so ids cannot be probed.
  not_hold_owner: 404,
  invalid_seat: 400,
  invalid_request: 400,
  waitlist_entry_not_found: 404,
  waitlist_entry_not_waiting: 409,
  already_waiting: 409,
  transfer_refused: 409,
  too_many_places: 409,
  price_unchanged: 409,
  not_found: 404,
  already_exists: 409,
  not_permitted: 403,
  // The check-in endpoint answers these as outcomes (200); elsewhere they are plain refusals.
  ticket_not_found: 404,
  ticket_already_admitted: 409,
  ticket_refunded: 409,
  order_not_found: 404,
  order_checked_in: 409,
};

/** The one table from application error codes to HTTP statuses. */
export const APP_STATUS: Record<AppErrorCode, number> = {
  invalid_request: 400,
  unauthorized: 401,
  payment_declined: 402,
  forbidden: 403,
  queue_pass_required: 403,
  queue_pass_invalid: 403,
  proof_of_work_required: 403,
  proof_of_work_invalid: 403,
  receipt_link_invalid: 403,
  not_hot_onsale: 409,
  not_found: 404,
  web_not_built: 404,
  already_exists: 409,
  seats_available: 409,
  sold_out: 409,
  idempotency_key_reused: 409,
  rebuild_in_progress: 409,
  not_rebuildable: 409,
  idempotency_key_mismatch: 422,
  rate_limited: 429,
  too_many_entry_listeners: 429,
  too_many_client_listeners: 429,
  too_many_listeners: 503,
  not_ready: 503,
  shutting_down: 503,
};

/** Codes clients know under another name: an entry's own stream limit has always been sent as the server's. */
export const APP_PUBLIC_CODE: Partial<Record<AppErrorCode, string>> = { too_many_entry_listeners: 'too_many_listeners', too_many_client_listeners: 'too_many_listeners' };

interface ErrorBody {
  error: string;
  message: string;
  details?: unknown;
  [extra: string]: unknown;
}

/** Every error leaves as JSON `{ error, message, details? }` with a 4xx or 503; a 500 is a bug and is logged. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  /** `storeStatus` hears of every write refused for lack of the store, for /health. */
  constructor(
    private readonly storeStatus?: StoreStatus,
    private readonly metrics?: Metrics,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, headers } = this.describe(exception);
    this.metrics?.errors.inc({ status: String(status), code: body.error });
    if (status >= 500 && status !== 503) this.logger.error(exception instanceof Error ? exception.stack ?? exception.message : String(exception));
    for (const [name, value] of Object.entries(headers ?? {})) void reply.header(name, value);
    void reply.status(status).send(body);
  }

  private describe(exception: unknown): { status: number; body: ErrorBody; headers?: Record<string, string> } {
    if (exception instanceof ApiError) {
      return { status: exception.status, body: withDetails(exception.code, exception.message, exception.details), headers: exception.headers };
    }
    if (exception instanceof AppError) {
      const body = withDetails(APP_PUBLIC_CODE[exception.code] ?? exception.code, exception.message, exception.details);
      const headers = exception.retryAfterSeconds === undefined ? undefined : { 'Retry-After': String(exception.retryAfterSeconds) };
      return { status: APP_STATUS[exception.code], body, headers };
    }
    if (exception instanceof DomainError) {
      const status = DOMAIN_STATUS[exception.code as DomainErrorCode] ?? 400;
      // Clients branch on these fields directly, e.g. `unavailable` and `limit`.
      const flat = exception.details && typeof exception.details === 'object' ? exception.details : {};
      return { status, body: { error: exception.code, message: exception.message, ...flat, details: exception.details } };
    }
    if (exception instanceof StoreUnavailableError) {
      this.storeStatus?.noteFailure(exception);
      return {
        status: 503,
        body: { error: 'store_unavailable', message: 'The event store cannot take writes right now; retry shortly' },
        headers: { 'Retry-After': '2' },
      };
    }
    if (exception instanceof WrongExpectedVersionError) {
      return { status: 409, body: { error: 'conflict', message: 'Too much contention on this show right now; retry' }, headers: { 'Retry-After': '1' } };
    }
    if (exception instanceof InvalidAppendError) {
      return { status: 400, body: { error: 'invalid_request', message: exception.message } };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      if (typeof response === 'object' && response !== null && 'error' in response && 'message' in response && typeof (response as ErrorBody).error === 'string' && (response as ErrorBody).error.includes('_')) {
        return { status, body: response as ErrorBody };
      }
      return { status, body: { error: HTTP_CODES[status] ?? 'http_error', message: exception.message } };
    }
    const fastify = exception as { statusCode?: unknown; code?: unknown; message?: unknown };
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      return { status: fastify.statusCode, body: { error: fastifyCode(fastify.statusCode, fastify.code), message: String(fastify.message ?? 'Bad request') } };
    }
    return { status: 500, body: { error: 'internal', message: 'Something went wrong on our side' } };
  }
}

export const HTTP_CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  431: 'headers_too_large',
};

function withDetails(error: string, message: string, details?: Record<string, unknown>): ErrorBody {
  return details === undefined ? { error, message } : { error, message, details };
}

function fastifyCode(status: number, code: unknown): string {
  if (code === 'FST_ERR_CTP_INVALID_JSON_BODY' || code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'invalid_json';
  return HTTP_CODES[status] ?? 'bad_request';
}
