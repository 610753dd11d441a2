import { sampleServerTime } from './clock';

/** An error answer of the API: `{ error, message, details? }` plus the status. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export type Auth = 'none' | 'customer' | 'admin';

interface RequestOptions {
  method?: string;
  body?: unknown;
  auth?: Auth;
  headers?: Record<string, string>;
}

const CUSTOMER_KEY = 'tickets.customer';
const ADMIN_KEY = 'tickets.adminToken';

export interface Customer {
  customerId: string;
  token: string;
}

let customerPromise: Promise<Customer> | undefined;

/** The visitor's customer identity, made on first need and kept in this browser. */
export function customer(): Promise<Customer> {
  const stored = localStorage.getItem(CUSTOMER_KEY);
  if (stored) return Promise.resolve(JSON.parse(stored) as Customer);
  customerPromise ??= request<Customer>('/v1/customers', { method: 'POST' }).then((made) => {
    localStorage.setItem(CUSTOMER_KEY, JSON.stringify(made));
    return made;
  });
  return customerPromise;
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
    if (!token) throw new ApiFailure(401, 'admin_token_missing', 'Enter the admin token first.');
    return { Authorization: `Bearer ${token}` };
  }
  return {};
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  try {
    return await send<T>(path, options);
  } catch (error) {
    // A customer token this server no longer knows (its data was reset): start as a new customer once.
    if (options.auth === 'customer' && error instanceof ApiFailure && error.status === 401) {
      localStorage.removeItem(CUSTOMER_KEY);
      customerPromise = undefined;
      return send<T>(path, options);
    }
    throw error;
  }
}

async function send<T>(path: string, options: RequestOptions): Promise<T> {
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
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const error = (body ?? {}) as Record<string, unknown>;
    throw new ApiFailure(response.status, typeof error.error === 'string' ? error.error : `http_${response.status}`, typeof error.message === 'string' ? error.message : response.statusText, error);
  }
  const asOf = (body as { asOf?: unknown } | undefined)?.asOf;
  if (typeof asOf === 'string') sampleServerTime(Date.parse(asOf), sent, received, true);
  return body as T;
}
