import { DomainError, invalidRequest } from '../errors';
import { requireEpochMs, requireText } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import type { EndWaitlistSoldOut, ExpireWaitlistEntry, JoinWaitlist, LeaveWaitlist, OfferWaitlistEntry, WaitlistCommand } from './waitlistCommands';
import type { WaitlistEnded, WaitlistEvent, WaitlistJoined } from './waitlistEvents';
import type { WaitlistEntry, WaitlistState } from './waitlistState';
import { waitlistEntryStatus } from './waitlistViews';

export function decideWaitlist(command: WaitlistCommand, state: WaitlistState): WaitlistEvent[] {
  switch (command.type) {
    case 'JoinWaitlist':
      return join(command.data, state);
    case 'LeaveWaitlist':
      return leave(command.data, state);
    case 'OfferWaitlistEntry':
      return offer(command.data, state);
    case 'ExpireWaitlistEntry':
      return expire(command.data, state);
    case 'EndWaitlistSoldOut':
      return endSoldOut(command.data, state);
    default: {
      const _never: never = command;
      throw new Error(`Unknown waitlist command ${String((_never as { type?: unknown }).type)}`);
    }
  }
}

/**
 * One waiting entry per customer and show. A previous entry past its `waitsUntil` no
 * longer counts: its WaitlistEnded is written first, in the same append, so every reader
 * sees it end before the customer's new entry begins (the same trick as a stale hold).
 */
function join(data: JoinWaitlist['data'], state: WaitlistState): WaitlistEvent[] {
  requireText(data.entryId, 'entryId');
  requireText(data.customerId, 'customerId');
  requireEpochMs(data.now, 'now');
  requireEpochMs(data.waitsUntil, 'waitsUntil');
  if (data.waitsUntil <= data.now) throw invalidRequest('waitsUntil', 'must be after now', { value: data.waitsUntil });
  if (!Number.isInteger(data.maxQuantity) || data.maxQuantity < 1) throw invalidRequest('maxQuantity', 'must be a positive integer', { value: data.maxQuantity });
  if (!Number.isInteger(data.quantity) || data.quantity < 1) throw invalidRequest('quantity', 'must be a positive integer', { value: data.quantity });
  if (data.quantity > data.maxQuantity) {
    throw new DomainError('limit_exceeded', `At most ${data.maxQuantity} tickets per customer for this show`, {
      limit: data.maxQuantity,
      current: 0,
      requested: data.quantity,
    });
  }
  if (data.tier !== undefined) requireText(data.tier, 'tier');
  if (data.section !== undefined) requireText(data.section, 'section');

  const existing = state.entries.get(data.entryId);
  if (existing) {
    // A retried join decides nothing new; a reused id for something else is a bug of the caller.
    if (existing.customerId === data.customerId && existing.quantity === data.quantity && existing.tier === data.tier && existing.section === data.section) return [];
    throw invalidRequest('entryId', `entry ${data.entryId} already exists for a different request`, { value: data.entryId });
  }

  const events: WaitlistEvent[] = [];
  const currentId = state.waitingByCustomer.get(data.customerId);
  const current = currentId === undefined ? undefined : state.entries.get(currentId);
  if (current) {
    if (data.now < current.waitsUntil) {
      throw new DomainError('already_waiting', `You are already waiting for this show (entry ${current.entryId})`, { entryId: current.entryId });
    }
    events.push(ended(current, 'expired', data.now));
  }
  const joined: WaitlistJoined = {
    type: 'WaitlistJoined',
    data: {
      entryId: data.entryId,
      customerId: data.customerId,
      quantity: data.quantity,
      ...(data.tier !== undefined ? { tier: data.tier } : {}),
      ...(data.section !== undefined ? { section: data.section } : {}),
      joinedAt: toIsoTimestamp(data.now),
      waitsUntil: toIsoTimestamp(data.waitsUntil),
    },
  };
  events.push(joined);
  return events;
}

/** Only your own entry, only while it waits; leaving twice is a retry, not an error. */
function leave(data: LeaveWaitlist['data'], state: WaitlistState): WaitlistEvent[] {
  requireText(data.entryId, 'entryId');
  requireText(data.customerId, 'customerId');
  requireEpochMs(data.now, 'now');
  const entry = state.entries.get(data.entryId);
  // Someone else's entry answers exactly like a missing one.
  if (!entry || entry.customerId !== data.customerId) throw notFound(data.entryId);
  if (entry.status === 'left') return [];
  requireWaiting(entry, data.now);
  return [{ type: 'WaitlistLeft', data: { entryId: entry.entryId, at: toIsoTimestamp(data.now) } }];
}

/** Only a waiting, unexpired entry is offered, and only once. */
function offer(data: OfferWaitlistEntry['data'], state: WaitlistState): WaitlistEvent[] {
  requireText(data.entryId, 'entryId');
  requireText(data.holdId, 'holdId');
  requireEpochMs(data.now, 'now');
  const entry = state.entries.get(data.entryId);
  if (!entry) throw notFound(data.entryId);
  if (entry.status === 'offered' && entry.holdId === data.holdId) return [];
  requireWaiting(entry, data.now);
  return [{ type: 'WaitlistOffered', data: { entryId: entry.entryId, holdId: data.holdId, offeredAt: toIsoTimestamp(data.now) } }];
}

function expire(data: ExpireWaitlistEntry['data'], state: WaitlistState): WaitlistEvent[] {
  requireText(data.entryId, 'entryId');
  requireEpochMs(data.now, 'now');
  const entry = state.waiting.get(data.entryId);
  if (!entry || data.now < entry.waitsUntil) return [];
  return [ended(entry, 'expired', data.now)];
}

/** An entry already past its wait ends as what it is: expired. */
function endSoldOut(data: EndWaitlistSoldOut['data'], state: WaitlistState): WaitlistEvent[] {
  requireText(data.entryId, 'entryId');
  requireEpochMs(data.now, 'now');
  const entry = state.waiting.get(data.entryId);
  if (!entry) return [];
  return [ended(entry, data.now >= entry.waitsUntil ? 'expired' : 'sold_out', data.now)];
}

function ended(entry: WaitlistEntry, reason: WaitlistEnded['data']['reason'], now: number): WaitlistEnded {
  return { type: 'WaitlistEnded', data: { entryId: entry.entryId, reason, at: toIsoTimestamp(now) } };
}

function requireWaiting(entry: WaitlistEntry, now: number): void {
  const status = waitlistEntryStatus(entry, now);
  if (status !== 'waiting') {
    throw new DomainError('waitlist_entry_not_waiting', `Entry ${entry.entryId} is no longer waiting (${status})`, { entryId: entry.entryId, status });
  }
}

function notFound(entryId: string): DomainError<'waitlist_entry_not_found'> {
  return new DomainError('waitlist_entry_not_found', `Waiting-line entry ${entryId} not found`, { entryId });
}
