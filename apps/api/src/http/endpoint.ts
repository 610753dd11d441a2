import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOperation, ApiQuery, ApiResponse } from '@nestjs/swagger';
import { z } from 'zod';
import { IdempotencyKey } from '@app/contracts';
import { jsonSchemaOf } from './openApiSchemas';
import type { StaffRole } from '../auth/staff';

/** Who may call: anyone, a customer (token from POST /v1/customers), or staff (the admin token or a user token; see `roles`). */
export type Caller = 'anyone' | 'customer' | 'admin';

export interface EndpointContract {
  summary: string;
  description?: string;
  caller: Caller;
  /** Staff calls (caller 'admin'): the roles besides admin that may make it (see `@Roles`). */
  roles?: StaffRole[];
  /** The success status; 200 unless given. */
  status?: number;
  /** The success body (a schema from libs/contracts), 'events' for a Server-Sent Events stream, or none (204). */
  answer?: z.ZodType | 'events';
  /** The JSON body it takes. */
  body?: z.ZodType;
  /** Its query parameters, as one object schema. */
  query?: z.ZodObject;
  /** Error statuses it can answer besides those every call can (429/503 carry Retry-After). */
  errors?: number[];
  /** Other answers with a body of their own, e.g. /health's report with 503. */
  alsoAnswers?: Record<number, z.ZodType>;
  /** Takes an `Idempotency-Key` header. */
  idempotent?: boolean;
  /** The success answer may also be `text/csv` (a query parameter chooses), described in words. */
  csv?: string;
}

const RETRY_AFTER = { 'Retry-After': { required: true, description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } } };
const ERROR_SCHEMA = { $ref: '#/components/schemas/Error' };

/**
 * One operation's contract, for the OpenAPI description: summary, security, body, query,
 * headers, the success answer and every error answer. Validation stays with the DTOs and
 * the pipe; a spec sends the same bodies to both and checks that they agree.
 */
export function Endpoint(contract: EndpointContract): MethodDecorator {
  const status = contract.status ?? (contract.answer === undefined ? 204 : 200);
  const errors = new Set<number>(contract.errors ?? []);
  if (contract.caller !== 'anyone') errors.add(401);
  if (contract.caller === 'admin') errors.add(403);
  if (contract.body) [400, 413, 415].forEach((code) => errors.add(code));
  if (contract.query) [400, 414].forEach((code) => errors.add(code));
  // Any call can meet a stopping or starting server.
  errors.add(503);
  const decorators: Array<ClassDecorator | MethodDecorator | PropertyDecorator> = [
    ApiOperation({ summary: contract.summary, description: describe(contract), ...(contract.caller === 'anyone' ? { security: [] } : {}) }),
  ];
  if (contract.caller !== 'anyone') decorators.push(ApiBearerAuth(contract.caller));
  if (contract.body) decorators.push(ApiBody({ required: true, schema: jsonSchemaOf(contract.body) as object }));
  for (const [name, field] of Object.entries(contract.query?.shape ?? {})) {
    const optional = (field as z.ZodType).safeParse(undefined).success;
    const schema = jsonSchemaOf(field as z.ZodType) as { description?: string };
    decorators.push(ApiQuery({ name, required: !optional, description: schema.description, schema: schema as object }));
  }
  if (contract.idempotent) {
    decorators.push(ApiHeader({ name: 'Idempotency-Key', required: false, description: IdempotencyKey.description, schema: jsonSchemaOf(IdempotencyKey) as object }));
  }
  if (contract.answer === 'events') {
    decorators.push(
      ApiHeader({ name: 'Last-Event-ID', required: false, description: 'Resume after this message (a log position) instead of starting with a snapshot', schema: { type: 'string', pattern: '^[0-9]{1,20}$' } }),
      ApiResponse({ status, description: 'Server-Sent Events: each message has `id` (a log position), `event` and `data` (JSON)', content: { 'text/event-stream': { schema: { type: 'string' } } } }),
    );
  } else if (contract.answer) {
    const content: Record<string, { schema: object }> = { 'application/json': { schema: jsonSchemaOf(contract.answer) as object } };
    if (contract.csv) content['text/csv'] = { schema: { type: 'string', description: contract.csv } };
    decorators.push(ApiResponse({ status, description: 'OK', content }));
  } else {
    decorators.push(ApiResponse({ status, description: 'Done; no body' }));
  }
  for (const [code, schema] of Object.entries(contract.alsoAnswers ?? {})) {
    const also = errors.delete(Number(code)) ? { anyOf: [jsonSchemaOf(schema), ERROR_SCHEMA] } : jsonSchemaOf(schema);
    decorators.push(ApiResponse({ status: Number(code), description: ERROR_DESCRIPTIONS[Number(code)] ?? 'Answer', content: { 'application/json': { schema: also } } }));
  }
  for (const code of [...errors].sort()) {
    decorators.push(
      ApiResponse({
        status: code,
        description: ERROR_DESCRIPTIONS[code] ?? `Error ${code}`,
        content: { 'application/json': { schema: ERROR_SCHEMA } },
        ...(code === 429 || code === 503 ? { headers: RETRY_AFTER } : {}),
      }),
    );
  }
  return applyDecorators(...decorators) as MethodDecorator;
}

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'A malformed request; `error` says which rule and `details.field` which field',
  401: 'No bearer token, or one the API does not know',
  402: 'The payment was declined',
  403: 'The token lacks the right for this call',
  404: 'Not found (or not yours)',
  409: 'Conflicts with the current state; `error` says which',
  410: 'Gone: the hold expired or was released',
  413: 'The body is too large',
  414: 'The URL is too long',
  415: 'The body is not application/json',
  422: 'Over a limit, or an Idempotency-Key reused with another request',
  429: 'Too many calls; retry after Retry-After seconds',
  503: 'Cannot serve now (store without quorum, starting or stopping, too many listeners); retry after Retry-After seconds',
};

/** The contract's description, with the staff roles that may call it. */
function describe(contract: EndpointContract): string | undefined {
  if (contract.caller !== 'admin') return contract.description;
  const roles = `Staff roles: ${['admin', ...(contract.roles ?? [])].join(', ')}.`;
  return contract.description ? `${contract.description}\n\n${roles}` : roles;
}
