/** A plain HTTP call for the lab's customers and probes (no contract checks: the lab measures, the tests check). */
export interface Reply {
  status: number;
  retryAfter: string | null;
  /** The `arrival-stamp` header (hold answers carry it), or null. */
  arrivalStamp: string | null;
  body: any;
}

/** One HTTP call as the API's clients make it: JSON in, the answer's status, headers, text and (JSON or text) body. */
export async function fetchAnswer(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<{ status: number; headers: Headers; text: string; body: any }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.headers ?? {}),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs ?? 15_000)]) : AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: kept as text
  }
  return { status: response.status, headers: response.headers, text, body };
}

export async function request(
  url: string,
  method: string,
  path: string,
  options: { body?: unknown; token?: string; headers?: Record<string, string>; timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<Reply> {
  const answer = await fetchAnswer(url, method, path, options);
  return { status: answer.status, retryAfter: answer.headers.get('retry-after'), arrivalStamp: answer.headers.get('arrival-stamp'), body: answer.body };
}

/** A general-admission festival through one region's admin API (city, venue, performer, event, show); answers the show id. */
export async function createFestival(url: string, adminToken: string, prefix: string, show: Record<string, unknown>): Promise<string> {
  const admin = async (path: string, body: unknown): Promise<{ id: string }> => {
    for (let attempt = 0; ; attempt++) {
      const answer = await request(url, 'POST', path, { body, token: adminToken, headers: { 'idempotency-key': `${prefix}-${path}` } }).catch((error: unknown) => ({ status: 0, retryAfter: null, arrivalStamp: null, body: String(error) }));
      if (answer.status === 201) return answer.body as { id: string };
      if ((answer.status === 503 || answer.status === 0) && attempt < 20) {
        await sleep(500);
        continue;
      }
      throw new Error(`${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  };
  await admin('/v1/admin/cities', { id: `${prefix}-city`, name: `${prefix} City`, country: 'NL', timeZone: 'Europe/Amsterdam' });
  await admin('/v1/admin/venues', { id: `${prefix}-field`, cityId: `${prefix}-city`, name: 'Field', kind: 'festival' });
  await admin('/v1/admin/performers', { id: `${prefix}-band`, name: 'Band' });
  await admin('/v1/admin/events', { id: `${prefix}-event`, name: `${prefix} Fest`, description: 'The lab festival', category: 'festival', performerId: `${prefix}-band` });
  const created = await admin('/v1/admin/shows', {
    id: `${prefix}-show`, eventId: `${prefix}-event`, venueId: `${prefix}-field`, startsAt: '2027-07-01T12:00:00.000Z', kind: 'general',
    tiers: [{ tier: 'regular', price: 5000, currency: 'EUR' }], ...show,
  });
  return created.id;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
