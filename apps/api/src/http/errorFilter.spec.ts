import type { ArgumentsHost } from '@nestjs/common';
import { DomainError } from '@app/domain';
import { AppError } from '../application/appError';
import { ERROR_CODES } from '@app/contracts';
import { APP_PUBLIC_CODE, APP_STATUS, DOMAIN_STATUS, ErrorFilter, HTTP_CODES } from './errorFilter';

interface Sent {
  status?: number;
  headers: Record<string, string>;
  body?: unknown;
}

function answer(exception: unknown): Sent {
  const sent: Sent = { headers: {} };
  const reply = {
    header(name: string, value: string) {
      sent.headers[name] = value;
      return reply;
    },
    status(code: number) {
      sent.status = code;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => reply }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return sent;
}

describe('the error filter: application errors carry no status, the filter gives them one', () => {
  it('answers a plain error with its status from the table and { error, message, details? }', () => {
    expect(answer(new AppError('not_found', 'Show x does not exist'))).toEqual({ status: 404, headers: {}, body: { error: 'not_found', message: 'Show x does not exist' } });
    expect(answer(new AppError('payment_declined', 'The card was declined', { reason: 'card_declined' }))).toEqual({
      status: 402,
      headers: {},
      body: { error: 'payment_declined', message: 'The card was declined', details: { reason: 'card_declined' } },
    });
  });

  it('sends Retry-After when the error says when to retry', () => {
    expect(answer(new AppError('rate_limited', 'Too many', { scope: 'customer', retryAfterSeconds: 7 }, 7))).toEqual({
      status: 429,
      headers: { 'Retry-After': '7' },
      body: { error: 'rate_limited', message: 'Too many', details: { scope: 'customer', retryAfterSeconds: 7 } },
    });
    expect(answer(new AppError('not_ready', 'retry', undefined, 1))).toMatchObject({ status: 503, headers: { 'Retry-After': '1' } });
  });

  it("sends an entry's own stream limit as too_many_listeners with 429, the server's with 503", () => {
    expect(answer(new AppError('too_many_entry_listeners', 'Entry e already has 4', undefined, 10))).toEqual({
      status: 429,
      headers: { 'Retry-After': '10' },
      body: { error: 'too_many_listeners', message: 'Entry e already has 4' },
    });
    expect(answer(new AppError('too_many_listeners', 'full', undefined, 10))).toMatchObject({ status: 503, body: { error: 'too_many_listeners' } });
  });

  it("still repeats a domain error's details at the top level", () => {
    expect(answer(new DomainError('hold_not_found', 'Hold h not found', { holdId: 'h' }))).toEqual({
      status: 404,
      headers: {},
      body: { error: 'hold_not_found', message: 'Hold h not found', holdId: 'h', details: { holdId: 'h' } },
    });
  });
});

describe("the error filter's tables and the API's list of error codes (libs/contracts)", () => {
  it('answers every code with a status the list gives it, so the OpenAPI description and the README tell the truth', () => {
    const answered: Array<[string, number]> = [
      ...Object.entries(DOMAIN_STATUS),
      ...Object.entries(APP_STATUS).map(([code, status]): [string, number] => [APP_PUBLIC_CODE[code as keyof typeof APP_PUBLIC_CODE] ?? code, status]),
      ...Object.entries(HTTP_CODES).map(([status, code]): [string, number] => [code, Number(status)]),
    ];
    const wrong = answered.filter(([code, status]) => !(ERROR_CODES as Record<string, { statuses: readonly number[] }>)[code]?.statuses.includes(status));
    expect(wrong).toEqual([]);
  });
});
