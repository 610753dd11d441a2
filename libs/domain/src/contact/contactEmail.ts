import type { Decider } from '../decider';
import { invalidRequest } from '../errors';
import { requireEpochMs, requireText } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';

/**
 * Personal data, kept apart: a customer's email address lives only in its own
 * `contact-<customerId>` stream, never in a sale, a hold or an audit row (docs/decisions.md).
 */
export type ContactEmailGiven = {
  type: 'ContactEmailGiven';
  data: { customerId: string; orderId: string; email: string; at: string };
};

export type ContactEvent = ContactEmailGiven;

export type GiveContactEmail = {
  type: 'GiveContactEmail';
  data: { customerId: string; orderId: string; email: string; now: number };
};

export type ContactCommand = GiveContactEmail;

/** The address given with each order. */
export type ContactState = { byOrder: Map<string, string> };

export const MAX_EMAIL_LENGTH = 254;

const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
const LABEL = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?';

/**
 * A plain address as people type it: local@domain.tld, a local part of dot-separated
 * atoms (at most 64 characters), no display name, spaces, quoted local parts or IP
 * literals (RFC 5321 allows more; no ticket buyer needs it). One pattern, so the API's
 * check and its OpenAPI description agree.
 */
export const EMAIL_PATTERN = `^(?=[^@]{1,64}@)${ATOM}(?:\\.${ATOM})*@(?=.{1,253}$)${LABEL}(?:\\.${LABEL})*\\.[A-Za-z]{2,63}$`;
const EMAIL = new RegExp(EMAIL_PATTERN);

/** Whether `value` is an email address we accept (see EMAIL_PATTERN). */
export function isEmailAddress(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);
}

export function contactStream(customerId: string): string {
  return `contact-${customerId}`;
}

export function decideContact(command: ContactCommand, state: ContactState): ContactEvent[] {
  switch (command.type) {
    case 'GiveContactEmail': {
      const { customerId, orderId, email, now } = command.data;
      requireText(customerId, 'customerId');
      requireText(orderId, 'orderId');
      requireEpochMs(now, 'now');
      if (!isEmailAddress(email)) throw invalidRequest('email', 'must be an email address like name@example.com', { value: email });
      // A retried purchase gives the same address again: written once.
      if (state.byOrder.get(orderId) === email) return [];
      return [{ type: 'ContactEmailGiven', data: { customerId, orderId, email, at: toIsoTimestamp(now) } }];
    }
    default: {
      const _never: never = command.type;
      throw new Error(`Unknown contact command ${String(_never)}`);
    }
  }
}

export function evolveContact(state: ContactState, event: ContactEvent): ContactState {
  state.byOrder.set(event.data.orderId, event.data.email);
  return state;
}

export const contactDecider: Decider<ContactCommand, ContactEvent, ContactState> = {
  decide: decideContact,
  evolve: evolveContact,
  initialState: () => ({ byOrder: new Map() }),
};
