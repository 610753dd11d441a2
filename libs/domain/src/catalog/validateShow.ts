import { invalidRequest } from '../errors';
import {
  MAX_GENERAL_SHARD_COUNT,
  MAX_SERVICE_FEE_PER_TICKET,
  MAX_VAT_BASIS_POINTS,
  MIN_GENERAL_SHARD_COUNT,
  type Show,
  type Venue,
} from './catalogEntities';
import { validateSeatMap } from './validateSeatMap';

/** Large enough for any festival, small enough that a typo of three zeros is caught. */
export const MAX_GENERAL_CAPACITY = 10_000_000;
export const MAX_HOLD_SECONDS = 24 * 60 * 60;
/** Far above any real limit (10 is usual); the inventory's largest single hold is the same figure. */
export const MAX_TICKETS_PER_CUSTOMER = 100;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const CURRENCY = /^[A-Z]{3}$/;

const isPositiveInteger = (value: unknown, max: number): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= max;
const isIntegerFrom0 = (value: unknown, max: number): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
const present = (value: unknown): boolean => value !== undefined && value !== null;

/**
 * Checks a show against the venue it plays in, so a show that is accepted can always be
 * planned into shards and every seat it sells has a price. Throws 'invalid_request'.
 */
export function validateShow(show: Show, venue: Venue): void {
  for (const key of ['id', 'eventId', 'venueId'] as const) {
    if (typeof show[key] !== 'string' || show[key].trim() === '') throw invalidRequest(key, 'must be a non-empty string');
  }
  if (venue.id !== show.venueId) throw invalidRequest('venueId', `the show plays in ${show.venueId}, not in ${venue.id}`);
  if (typeof show.startsAt !== 'string' || !ISO_DATE_TIME.test(show.startsAt) || Number.isNaN(Date.parse(show.startsAt))) {
    throw invalidRequest('startsAt', 'must be an ISO-8601 date-time with a zone, e.g. 2026-07-01T19:30:00Z', { value: show.startsAt });
  }
  if (show.kind !== 'seated' && show.kind !== 'general') throw invalidRequest('kind', "must be 'seated' or 'general'", { value: show.kind });
  if (present(show.holdSeconds) && !isPositiveInteger(show.holdSeconds, MAX_HOLD_SECONDS)) {
    throw invalidRequest('holdSeconds', `must be an integer from 1 to ${MAX_HOLD_SECONDS}`, { value: show.holdSeconds });
  }
  if (present(show.maxTicketsPerCustomer) && !isPositiveInteger(show.maxTicketsPerCustomer, MAX_TICKETS_PER_CUSTOMER)) {
    throw invalidRequest('maxTicketsPerCustomer', `must be an integer from 1 to ${MAX_TICKETS_PER_CUSTOMER}`, {
      value: show.maxTicketsPerCustomer,
    });
  }
  if (present(show.serviceFeePerTicket) && !isIntegerFrom0(show.serviceFeePerTicket, MAX_SERVICE_FEE_PER_TICKET)) {
    throw invalidRequest('serviceFeePerTicket', `must be an integer from 0 to ${MAX_SERVICE_FEE_PER_TICKET} in minor units (cents)`, { value: show.serviceFeePerTicket });
  }
  if (present(show.vatBasisPoints) && !isIntegerFrom0(show.vatBasisPoints, MAX_VAT_BASIS_POINTS)) {
    throw invalidRequest('vatBasisPoints', `must be an integer from 0 to ${MAX_VAT_BASIS_POINTS} (basis points: 900 = 9 %)`, { value: show.vatBasisPoints });
  }
  const priced = validateTiers(show);
  if (show.kind === 'seated') validateSeated(show, venue, priced);
  else validateGeneral(show, priced);
}

function validateTiers(show: Show): Set<string> {
  if (!Array.isArray(show.tiers) || show.tiers.length === 0) throw invalidRequest('tiers', 'a show needs at least one priced tier');
  const priced = new Set<string>();
  show.tiers.forEach((tier, i) => {
    if (typeof tier?.tier !== 'string' || tier.tier.trim() === '') throw invalidRequest(`tiers[${i}].tier`, 'must be a non-empty string');
    if (priced.has(tier.tier)) throw invalidRequest(`tiers[${i}].tier`, `duplicate tier ${tier.tier}`);
    priced.add(tier.tier);
    if (!Number.isSafeInteger(tier.price) || tier.price < 0) {
      throw invalidRequest(`tiers[${i}].price`, 'must be a non-negative integer in minor units (cents)', { value: tier.price });
    }
    if (typeof tier.currency !== 'string' || !CURRENCY.test(tier.currency)) {
      throw invalidRequest(`tiers[${i}].currency`, 'must be an ISO 4217 code such as EUR', { value: tier.currency });
    }
  });
  return priced;
}

function validateSeated(show: Show, venue: Venue, priced: Set<string>): void {
  for (const key of ['capacity', 'generalTiers', 'shardCount'] as const) {
    if (present(show[key])) throw invalidRequest(key, 'applies to general-admission shows only');
  }
  if (!venue.seatMap) throw invalidRequest('venueId', `venue ${venue.id} has no seat map, so it cannot host a seated show`);
  validateSeatMap(venue.seatMap);
  for (const section of venue.seatMap.sections) {
    for (const row of section.rows) {
      if (!priced.has(row.tier)) {
        throw invalidRequest('tiers', `no price for tier ${row.tier} (section ${section.id}, row ${row.row})`, { tier: row.tier });
      }
    }
  }
}

function validateGeneral(show: Show, priced: Set<string>): void {
  if (!isPositiveInteger(show.capacity, MAX_GENERAL_CAPACITY)) {
    throw invalidRequest('capacity', `must be an integer from 1 to ${MAX_GENERAL_CAPACITY}`, { value: show.capacity });
  }
  if (present(show.shardCount) && !isPositiveInteger(show.shardCount, MAX_GENERAL_SHARD_COUNT)) {
    throw invalidRequest('shardCount', `must be an integer from ${MIN_GENERAL_SHARD_COUNT} to ${MAX_GENERAL_SHARD_COUNT}`, {
      value: show.shardCount,
    });
  }
  if (!present(show.generalTiers)) {
    if (show.tiers.length !== 1) throw invalidRequest('generalTiers', 'with several tiers, say how the capacity splits across them');
    return;
  }
  if (!Array.isArray(show.generalTiers) || show.generalTiers.length === 0) {
    throw invalidRequest('generalTiers', 'must be a non-empty array of { tier, capacity }');
  }
  const seen = new Set<string>();
  let sum = 0;
  show.generalTiers.forEach((split, i) => {
    if (!priced.has(split?.tier)) throw invalidRequest(`generalTiers[${i}].tier`, `no price for tier ${split?.tier}`, { tier: split?.tier });
    if (seen.has(split.tier)) throw invalidRequest(`generalTiers[${i}].tier`, `duplicate tier ${split.tier}`);
    seen.add(split.tier);
    if (!isPositiveInteger(split.capacity, MAX_GENERAL_CAPACITY)) {
      throw invalidRequest(`generalTiers[${i}].capacity`, 'must be a positive integer', { value: split.capacity });
    }
    sum += split.capacity;
  });
  if (sum !== show.capacity) {
    throw invalidRequest('generalTiers', `tier capacities sum to ${sum}, not to the capacity ${show.capacity}`, { sum, capacity: show.capacity });
  }
}
