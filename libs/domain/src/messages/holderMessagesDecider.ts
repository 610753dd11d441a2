import type { Decider } from '../decider';
import { invalidRequest } from '../errors';
import { requireEpochMs, requireText } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import {
  MAX_MESSAGE_BODY_LENGTH,
  MAX_SUBJECT_LENGTH,
  type HolderMessageCommand,
  type HolderMessageEvent,
  type HolderMessagesState,
  type PostHolderMessage,
} from './holderMessageEvents';

export function decideHolderMessages(command: HolderMessageCommand, state: HolderMessagesState): HolderMessageEvent[] {
  switch (command.type) {
    case 'PostHolderMessage':
      return post(command.data, state);
    default: {
      const _never: never = command.type;
      throw new Error(`Unknown holder-message command ${String(_never)}`);
    }
  }
}

/** Text that is sent by email and shown on pages: trimmed, not empty, bounded, no control characters but line breaks and tabs. */
function text(value: unknown, field: string, max: number, singleLine: boolean): string {
  if (typeof value !== 'string') throw invalidRequest(field, 'must be a string', { value });
  const trimmed = value.trim();
  if (trimmed.length === 0) throw invalidRequest(field, 'must not be empty');
  if (trimmed.length > max) throw invalidRequest(field, `must be at most ${max} characters`, { length: trimmed.length, max });
  const control = singleLine ? /[\u0000-\u001f\u007f]/ : /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
  if (control.test(trimmed)) throw invalidRequest(field, singleLine ? 'must be one line without control characters' : 'must not contain control characters');
  return trimmed;
}

function post(data: PostHolderMessage['data'], state: HolderMessagesState): HolderMessageEvent[] {
  requireText(data.messageId, 'messageId');
  requireText(data.showId, 'showId');
  requireEpochMs(data.now, 'now');
  const subject = text(data.subject, 'subject', MAX_SUBJECT_LENGTH, true);
  const body = text(data.body, 'body', MAX_MESSAGE_BODY_LENGTH, false);
  if (data.tier !== undefined && !data.showTiers.includes(data.tier)) {
    throw invalidRequest('tier', `${data.tier} is not a tier of show ${data.showId} (one of ${data.showTiers.join(', ')})`, { tier: data.tier, tiers: [...data.showTiers] });
  }
  // The same message id again is a retry of the same post: it was written once.
  if (state.posted.has(data.messageId)) return [];
  return [
    {
      type: 'HolderMessagePosted',
      data: { messageId: data.messageId, showId: data.showId, ...(data.tier !== undefined ? { tier: data.tier } : {}), subject, body, postedAt: toIsoTimestamp(data.now) },
    },
  ];
}

export function evolveHolderMessages(state: HolderMessagesState, event: HolderMessageEvent): HolderMessagesState {
  switch (event.type) {
    case 'HolderMessagePosted':
      state.posted.add(event.data.messageId);
      return state;
    default: {
      const _never: never = event.type;
      return _never;
    }
  }
}

/** The decider of one `holderMessagesStream(showId)`. */
export const holderMessagesDecider: Decider<HolderMessageCommand, HolderMessageEvent, HolderMessagesState> = {
  decide: decideHolderMessages,
  evolve: evolveHolderMessages,
  initialState: () => ({ posted: new Set() }),
};
