/**
 * Compile-time checks of `api()` and `streamUrl()`: tsc reads this file (tsconfig's
 * `src/**\/*.ts`); nothing imports it, so the Vite build never bundles it and nothing
 * here runs. Each `@ts-expect-error` fails the type check if its line ever compiles.
 */
import { api, streamUrl } from './client';
import type { Availability, HoldCreated, ShowView, WaitlistEntry } from './types';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(): T | void {}

export async function typedCallChecks(): Promise<void> {
  // The answer is the operation's 2xx JSON body, exactly.
  const show = await api('GET', '/v1/shows/{showId}', { path: { showId: 's' } });
  expectType<Equal<typeof show, ShowView>>();
  const created = await api('POST', '/v1/shows/{showId}/holds', { path: { showId: 's' }, auth: 'customer', body: { quantity: 2, tier: null } });
  expectType<Equal<typeof created, HoldCreated>>();
  expectType<Equal<Awaited<ReturnType<typeof api<'GET', '/v1/shows/{showId}/availability'>>>, Availability>>();
  expectType<Equal<Awaited<ReturnType<typeof api<'GET', '/v1/waitlist/{entryId}'>>>, WaitlistEntry>>();
  // 204 No Content answers undefined.
  const released = await api('DELETE', '/v1/holds/{holdId}', { path: { holdId: 'h' }, auth: 'customer' });
  expectType<Equal<typeof released, undefined>>();

  // A path the API does not have.
  // @ts-expect-error '/v1/show/{showId}' is no path of the description
  await api('GET', '/v1/show/{showId}', { path: { showId: 's' } });
  // A method the path does not have.
  // @ts-expect-error there is no POST /v1/cities
  await api('POST', '/v1/cities');
  // A stream is no JSON operation.
  // @ts-expect-error GET /v1/shows/{showId}/updates answers text/event-stream
  await api('GET', '/v1/shows/{showId}/updates', { path: { showId: 's' } });

  // @ts-expect-error the path parameter showId is missing
  await api('GET', '/v1/shows/{showId}');
  // @ts-expect-error the path parameter is showId, not id
  await api('GET', '/v1/shows/{showId}', { path: { id: 's' } });
  // @ts-expect-error /v1/cities has no path parameters
  await api('GET', '/v1/cities', { path: { cityId: 'c' } });

  // @ts-expect-error the hold request has `quantity`, not `count`
  await api('POST', '/v1/shows/{showId}/holds', { path: { showId: 's' }, body: { count: 2 } });
  // @ts-expect-error seatIds are strings
  await api('POST', '/v1/shows/{showId}/holds', { path: { showId: 's' }, body: { seatIds: [7] } });
  // @ts-expect-error a purchase needs its body
  await api('POST', '/v1/holds/{holdId}/purchase', { path: { holdId: 'h' } });
  // @ts-expect-error GET takes no body
  await api('GET', '/v1/cities', { body: {} });
  // @ts-expect-error `after` of the sales audit is a number
  await api('GET', '/v1/audit/shows/{showId}/sales', { path: { showId: 's' }, query: { after: 'x' } });
  // @ts-expect-error the events search has no `city_id`
  await api('GET', '/v1/events', { query: { city_id: 'c' } });
  // @ts-expect-error GET /v1/cities takes no header parameters
  await api('GET', '/v1/cities', { headers: { 'Idempotency-Key': 'k' } });

  // Misusing the answer.
  const cities = await api('GET', '/v1/cities');
  // @ts-expect-error a City has no `timezone` (it is `timeZone`)
  void cities[0].timezone;
  // @ts-expect-error GET /v1/cities answers City[], not a ShowView
  const notAShow: ShowView = await api('GET', '/v1/cities');
  // @ts-expect-error a hold's `ticketNumbers` may be absent
  void created.ticketNumbers.length;
  // @ts-expect-error an answer of 204 has nothing to read
  void released.status;

  // Stream URLs: only the description's streams, with their parameters.
  streamUrl('/v1/shows/{showId}/updates', { showId: 's' });
  // @ts-expect-error GET /v1/shows/{showId} is no stream
  streamUrl('/v1/shows/{showId}', { showId: 's' });
  // @ts-expect-error the stream's parameter is entryId
  streamUrl('/v1/waitlist/{entryId}/updates', { showId: 's' });
  void notAShow;
}
