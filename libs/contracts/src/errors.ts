import { z } from 'zod';

/**
 * Every error code the API answers with, the statuses it comes with, and what it means.
 * The HTTP error filter's tables must agree (a spec checks it), the OpenAPI description
 * lists these codes, and the README's error table is this list.
 */
export const ERROR_CODES = {
  invalid_request: { statuses: [400], means: 'a field is missing, malformed or unknown; `details.field` names it' },
  invalid_json: { statuses: [400], means: 'the body is not JSON' },
  invalid_utf8: { statuses: [400], means: 'the body is not valid UTF-8' },
  invalid_seat: { statuses: [400], means: 'a seat id that does not follow section-row-number' },
  too_deep: { statuses: [400], means: 'the JSON body nests deeper than the API reads' },
  bad_request: { statuses: [400], means: 'a request the framework refused before it reached the API' },
  unauthorized: { statuses: [401], means: 'no bearer token, or one the API does not know or that was revoked ("Token rejected")' },
  payment_declined: { statuses: [402], means: 'the payment provider declined the charge' },
  forbidden: { statuses: [403], means: 'a valid staff token whose role may not make this call (e.g. an auditor changing a price)' },
  not_permitted: { statuses: [403], means: 'the staff member\'s role may not make this change to accounts (e.g. an event manager creating an auditor)' },
  queue_pass_required: { statuses: [403], means: 'the show is a hot on-sale: join its waiting room and send the pass you get in `Queue-Pass`' },
  queue_pass_invalid: { statuses: [403], means: 'the `Queue-Pass` is forged, someone else\'s, for another show, expired or not yet valid; `reason` says which' },
  proof_of_work_required: { statuses: [403], means: 'a hot on-sale is open: solve a challenge from POST /v1/customers/challenges and send it in `Proof-Of-Work`' },
  proof_of_work_invalid: { statuses: [403], means: 'the `Proof-Of-Work` is forged, expired, already used or wrong; `reason` says which' },
  receipt_link_invalid: { statuses: [403], means: 'a receipt link that is forged or altered (its signature does not hold): it opens no tickets' },
  not_found: { statuses: [404], means: 'no such route, show, event, venue, order or projection' },
  hold_not_found: { statuses: [404], means: 'no such hold, or not yours' },
  not_hold_owner: { statuses: [404], means: 'the hold is someone else\'s (reported as missing, so ids cannot be probed)' },
  waitlist_entry_not_found: { statuses: [404], means: 'no such waiting-line entry, or not yours' },
  web_not_built: { statuses: [404], means: 'the web pages were not built into this server' },
  method_not_allowed: { statuses: [405], means: 'the path exists but not with this method' },
  not_acceptable: { statuses: [406], means: 'the API cannot answer in the media type asked for' },
  seats_unavailable: { statuses: [409], means: 'some of the seats or tickets are held or sold; `unavailable` or `available` says which' },
  hold_already_purchased: { statuses: [409], means: 'the hold was already bought; `orderId` names the order' },
  already_exists: { statuses: [409], means: 'an entity with this id exists' },
  already_waiting: { statuses: [409], means: 'the customer already waits for this show; `entryId` names the entry' },
  waitlist_entry_not_waiting: { statuses: [409], means: 'the entry was offered seats or ended' },
  too_many_places: { statuses: [409], means: 'this address already has as many customers in the show\'s waiting room as one address may (QUEUE_PLACES_PER_ADDRESS); `limit` says it' },
  not_hot_onsale: { statuses: [409], means: 'the show is not a hot on-sale: it has no waiting room, hold directly' },
  seats_available: { statuses: [409], means: 'the show has tickets: hold them instead of waiting' },
  sold_out: { statuses: [409], means: 'nothing is held that could still come free' },
  idempotency_key_reused: { statuses: [409], means: 'the Idempotency-Key was used by another customer or call' },
  conflict: { statuses: [409], means: 'too much contention on one show at this moment; retry after `Retry-After`' },
  ticket_not_found: { statuses: [404], means: 'a ticket whose signature holds but that its shard never sold (check-in answers its decided outcomes with 200/201)' },
  order_not_found: { statuses: [404], means: 'the shard sold nothing to that order' },
  ticket_already_admitted: { statuses: [409], means: 'the ticket was let in before; `admittedAt` and `gate` say when and where (the check-in endpoint answers this as outcome already_admitted, 200)' },
  ticket_refunded: { statuses: [409], means: 'the ticket was refunded (the check-in endpoint answers this as outcome refunded, 200)' },
  order_checked_in: { statuses: [409], means: 'a ticket of the order was already used at a gate, so the order is not refunded; `ticketIds` names them' },
  transfer_refused: { statuses: [409], means: 'a capacity transfer the shard cannot make now; `reason` says why (not_enough_fresh_tickets, too_soon, other_tier)' },
  price_unchanged: { statuses: [409], means: 'the tier already has that price; `tier` and `price` say which' },
  rebuild_in_progress: { statuses: [409], means: 'a rebuild of that projection is already running' },
  not_rebuildable: { statuses: [409], means: 'that projection cannot be rebuilt while the API runs' },
  hold_expired: { statuses: [410], means: 'the hold ran out before it was bought' },
  hold_released: { statuses: [410], means: 'the hold was released' },
  payload_too_large: { statuses: [413], means: 'the body is larger than the API reads' },
  uri_too_long: { statuses: [414], means: 'the URL is longer than the API reads' },
  unsupported_media_type: { statuses: [415], means: 'a body that is not application/json' },
  limit_exceeded: { statuses: [422], means: 'over the per-customer ticket limit of the show; `limit` says it' },
  idempotency_key_mismatch: { statuses: [422], means: 'the Idempotency-Key was used with another request' },
  rate_limited: { statuses: [429], means: 'too many calls; retry after `Retry-After` seconds' },
  too_many_listeners: { statuses: [429, 503], means: 'too many live streams open (429: from you; 503: on this show or server)' },
  headers_too_large: { statuses: [431], means: 'the request headers are larger than the API reads' },
  store_unavailable: { statuses: [503], means: 'the event store cannot take writes now (no quorum, disk trouble); retry after `Retry-After`' },
  not_ready: { statuses: [503], means: 'the API is still starting' },
  shutting_down: { statuses: [503], means: 'the API is stopping; another instance will answer' },
} as const satisfies Record<string, { statuses: readonly number[]; means: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** Every error answer: `{ error, message, details? }`; domain errors also repeat their details at the top level. */
export const ErrorBody = z
  .looseObject({
    error: z.enum(ERROR_CODE_LIST).meta({ description: 'A stable code to branch on (see the README\'s error table)' }),
    message: z.string().meta({ description: 'For people; may change' }),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Error', description: '`{ error, message, details? }`; domain errors also repeat their details at the top level' });
export type ErrorBody = z.infer<typeof ErrorBody>;
