import { sampleServerTime } from './clock';
import { solveProofOfWork } from '../onsale/proofOfWork';
import type { Auth, CallArgs, Method, Operation, PathParams, PathsFor, Result, StreamPaths } from './operations';
import type { ApiErrorCode, CustomerToken } from './types';

export type { Auth } from './operations';

/**
 * Why a call failed: a code of the API's error answers, or one of the pages' own:
 * `network` (no answer), `admin_token_missing` (no token to send), `http_<status>`
 * (an error answer without a code, e.g. from a proxy).
 */
export type FailureCode = ApiErrorCode | 'network' | 'admin_token_missing' | `http_${number}`;

/** An error answer of the API: `{ error, message, details? }` plus the status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: FailureCode,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

interface RequestOptions {
  method?: Method;
  body?: unknown;
  auth?: Auth;
  headers?: Record<string, string>;
}

const CUSTOMER_KEY = 'tickets.customer';
const ADMIN_KEY = 'tickets.adminToken';

let customerPromise: Promise<CustomerToken> | undefined;

/** The visitor's customer identity, made on first need and kept in this browser. */
export function customer(): Promise<CustomerToken> {
  const stored = localStorage.getItem(CUSTOMER_KEY);
  if (stored) return Promise.resolve(JSON.parse(stored) as CustomerToken);
  customerPromise ??= newCustomer().then(
    (made) => {
      localStorage.setItem(CUSTOMER_KEY, JSON.stringify(made));
      return made;
    },
    (error: unknown) => {
      customerPromise = undefined;
      throw error;
    },
  );
  return customerPromise;
}

const solvingListeners = new Set<(solving: boolean) => void>();

/** Hears when the browser starts and stops solving a proof-of-work for a new identity. */
export function onSolvingProof(listener: (solving: boolean) => void): () => void {
  solvingListeners.add(listener);
  return () => void solvingListeners.delete(listener);
}

/** A new identity; while a hot on-sale is open the API asks for a proof-of-work first. */
async function newCustomer(): Promise<CustomerToken> {
  try {
    return await api('POST', '/v1/customers');
  } catch (error) {
    if (!(error instanceof ApiFailure) || error.code !== 'proof_of_work_required') throw error;
  }
  const { challenge, difficulty } = await api('POST', '/v1/customers/challenges');
  for (const listener of solvingListeners) listener(true);
  try {
    const proof = await solveProofOfWork(challenge, difficulty);
    return await api('POST', '/v1/customers', { headers: { 'Proof-Of-Work': proof } });
  } finally {
    for (const listener of solvingListeners) listener(false);
  }
}

export function hasCustomer(): boolean {
  return localStorage.getItem(CUSTOMER_KEY) !== null;
}

export function adminToken(): string | null {
  return localStorage.getItem(ADMIN_KEY);
}

export function setAdminToken(token: string | null): void {
  if (token) localStorage.setItem(ADMIN_KEY, token);
  else localStorage.removeItem(ADMIN_KEY);
}

export async function authHeader(auth: Auth): Promise<Record<string, string>> {
  if (auth === 'customer') return { Authorization: `Bearer ${(await customer()).token}` };
  if (auth === 'admin') {
    const token = adminToken();
    if (!token) throw new ApiFailure(401, 'admin_token_missing', 'Sign in with a staff token first.');
    return { Authorization: `Bearer ${token}` };
  }
  return {};
}

/**
 * Calls an operation of the API's description: `api('GET', '/v1/shows/{showId}', { path: { showId } })`.
 * The path must be one the description has for the method; path parameters, query,
 * headers and JSON body are the operation's own, and the promise holds its 2xx JSON
 * body (undefined for 204 No Content). So a wrong path, a missing parameter, a wrong
 * body field or a misread answer does not compile. An error answer rejects with ApiFailure.
 */
export function api<M extends Method, P extends PathsFor<M>>(method: M, path: P, ...args: CallArgs<Operation<M, P>>): Promise<Result<Operation<M, P>>>;
export async function api(method: Method, path: string, options: CallShape = {}): Promise<unknown> {
  const url = `${fillPath(path, options.path)}${queryString(options.query)}`;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(options.headers ?? {})) if (value !== undefined) headers[name] = String(value);
  return request(url, { method, body: options.body, auth: options.auth, headers });
}

/** What `api()` is given, as its implementation sees it. */
interface CallShape {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  body?: unknown;
  auth?: Auth;
}

/**
 * The URL of a Server-Sent Events stream of the description, `{name}`s filled in. A
 * stream is no JSON call (it is read as it comes, see live/), so it has no `api()`.
 */
export function streamUrl<P extends StreamPaths>(path: P, ...params: [PathParams<Operation<'GET', P>>] extends [never] ? [] : [PathParams<Operation<'GET', P>>]): string;
export function streamUrl(path: string, params: Record<string, unknown> = {}): string {
  return fillPath(path, params);
}

/** `/v1/shows/{showId}` with `{ showId: 'a b' }` -> `/v1/shows/a%20b`. */
function fillPath(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === null) throw new Error(`${template}: no value for {${name}}`);
    return encodeURIComponent(String(value));
  });
}

/** `?name=value&…` of the values given, undefined ones left out; '' when none. */
function queryString(query: Record<string, unknown> = {}): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) search.append(name, String(one));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** One call of `api()`, on a filled URL: auth headers, a new customer once on 401, errors as ApiFailure. */
async function request(path: string, options: RequestOptions = {}): Promise<unknown> {
  try {
    return await send(path, options);
  } catch (error) {
    // A customer token this server no longer knows (its data was reset): start as a new customer once.
    if (options.auth === 'customer' && error instanceof ApiFailure && error.status === 401) {
      localStorage.removeItem(CUSTOMER_KEY);
      customerPromise = undefined;
      return send(path, options);
    }
    throw error;
  }
}

async function send(path: string, options: RequestOptions): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(await authHeader(options.auth ?? 'none')), ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const sent = Date.now();
  let response: Response;
  try {
    response = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiFailure(0, 'network', 'The server cannot be reached. Check your connection and try again.');
  }
  const received = Date.now();
  const date = response.headers.get('Date');
  if (date) sampleServerTime(Date.parse(date), sent, received, false);
  if (response.status === 204) return undefined;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body ?? {}) as Record<string, unknown>;
    // The API answers errors as its description's `Error`; its `error` is one of the codes there.
    throw new ApiFailure(response.status, typeof error.error === 'string' ? (error.error as ApiErrorCode) : `http_${response.status}`, typeof error.message === 'string' ? error.message : response.statusText, error);
  }
  const asOf = (body as { asOf?: unknown } | undefined)?.asOf;
  if (typeof asOf === 'string') sampleServerTime(Date.parse(asOf), sent, received, true);
  return body;
}
