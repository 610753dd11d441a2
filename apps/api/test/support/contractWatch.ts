import { gunzipSync } from 'node:zlib';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { openApiDocument } from '../../src/http/openApi';
import { contractProblems } from './contractProblems';
import { ResponseContract, type SeenAnswer } from './responseContract';

/**
 * Every answer the end-to-end suites receive is checked against the OpenAPI description;
 * what breaks it is collected here and fails the suite at its end (see contractAfterAll.ts).
 */
let contract: ResponseContract | undefined;
let fetching: Promise<ResponseContract> | undefined;

/** Paths the description covers: the API, not the web pages or the description itself. */
function described(method: string, url: string): boolean {
  if (!['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].includes(method.toUpperCase())) return false;
  return url.startsWith('/v1/') || url === '/health' || url.startsWith('/health?');
}

export function noteAnswer(seen: SeenAnswer, against: ResponseContract): void {
  if (!described(seen.method, seen.url)) return;
  try {
    contractProblems.push(...against.check(seen));
  } catch (error) {
    // Never let the checker change an answer: a fault of its own is a problem like any other.
    contractProblems.push(`${seen.method} ${seen.url} -> ${seen.status}: the checker failed: ${(error as Error).message}`);
  }
}

/** Checks every answer of an in-process app (added before `init()`). */
export function watchApp(app: NestFastifyApplication): void {
  app.getHttpAdapter().getInstance().addHook('onSend', async (request, reply, payload) => {
    // Streams (Server-Sent Events, static files) are checked where they are read.
    if (payload !== null && payload !== undefined && typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (!described(request.method, request.url)) return payload;
    try {
      contract ??= new ResponseContract(openApiDocument(app) as never);
    } catch (error) {
      contractProblems.push(`the OpenAPI description cannot be built: ${(error as Error).message}`);
      return payload;
    }
    let text = payload === null || payload === undefined ? '' : payload;
    if (Buffer.isBuffer(text)) text = (reply.getHeader('content-encoding') === 'gzip' ? gunzipSync(text) : text).toString('utf8');
    const headers = Object.fromEntries(Object.entries(reply.getHeaders()).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v === undefined ? undefined : String(v)]));
    noteAnswer({ method: request.method, url: request.url, status: reply.statusCode, headers, text }, contract);
    return payload;
  });
}

/** Checks an answer a child-process server gave; the description is read from that server once. */
export async function checkRemoteAnswer(baseUrl: string, seen: SeenAnswer): Promise<void> {
  if (!described(seen.method, seen.url)) return;
  if (!contract) {
    fetching ??= fetch(`${baseUrl}/docs/openapi.json`, { signal: AbortSignal.timeout(10_000) })
      .then(async (response) => new ResponseContract((await response.json()) as never))
      .finally(() => (fetching = undefined));
    try {
      contract = await fetching;
    } catch {
      // That server is gone (a kill test): the next answer's server is asked.
      return;
    }
  }
  noteAnswer(seen, contract);
}
