import type { Decider } from '../decider';
import { requireEpochMs, requireText } from '../inputGuards';
import { toIsoTimestamp } from '../timestamps';
import type { OutboxCommand, OutboxEvent, OutboxState } from './outboxEvents';

export function decideOutbox(command: OutboxCommand, state: OutboxState): OutboxEvent[] {
  switch (command.type) {
    case 'RecordEmailSent': {
      const { emailId, recipient, messageId, now } = command.data;
      requireText(emailId, 'emailId');
      requireText(recipient, 'recipient');
      requireText(messageId, 'messageId');
      requireEpochMs(now, 'now');
      // One marker per email, whatever the worker retries.
      if (state.outcomes.has(emailId)) return [];
      return [{ type: 'EmailSent', data: { emailId, recipient, messageId, sentAt: toIsoTimestamp(now) } }];
    }
    case 'RecordEmailFailed': {
      const { emailId, recipient, reason, now } = command.data;
      requireText(emailId, 'emailId');
      requireText(recipient, 'recipient');
      requireEpochMs(now, 'now');
      if (state.outcomes.has(emailId)) return [];
      return [{ type: 'EmailFailed', data: { emailId, recipient, reason: reason.slice(0, 500), at: toIsoTimestamp(now) } }];
    }
    case 'CompleteMailing':
      requireEpochMs(command.data.now, 'now');
      if (state.completed) return [];
      return [{ type: 'MailingCompleted', data: { sent: state.sent, failed: state.failed, at: toIsoTimestamp(command.data.now) } }];
    default: {
      const _never: never = command;
      throw new Error(`Unknown outbox command ${String((_never as { type?: unknown }).type)}`);
    }
  }
}

export function evolveOutbox(state: OutboxState, event: OutboxEvent): OutboxState {
  switch (event.type) {
    case 'EmailSent':
      state.outcomes.set(event.data.emailId, 'sent');
      state.sent++;
      return state;
    case 'EmailFailed':
      state.outcomes.set(event.data.emailId, 'failed');
      state.failed++;
      return state;
    case 'MailingCompleted':
      state.completed = true;
      return state;
    default: {
      const _never: never = event;
      return _never;
    }
  }
}

/** The decider of one `outboxStream(kind, ref)`. */
export const outboxDecider: Decider<OutboxCommand, OutboxEvent, OutboxState> = {
  decide: decideOutbox,
  evolve: evolveOutbox,
  initialState: () => ({ outcomes: new Map(), sent: 0, failed: 0, completed: false }),
};
