import { parseIsoTimestamp } from '../timestamps';
import type { WaitlistEvent } from './waitlistEvents';
import type { WaitlistEntry, WaitlistEntryStatus, WaitlistState } from './waitlistState';

/** Mutates in place, like the inventory: the state is owned by the one queue of its stream. */
export function evolveWaitlist(state: WaitlistState, event: WaitlistEvent): WaitlistState {
  state.version++;
  switch (event.type) {
    case 'WaitlistJoined': {
      const d = event.data;
      if (state.entries.has(d.entryId)) return state;
      const entry: WaitlistEntry = {
        entryId: d.entryId,
        customerId: d.customerId,
        quantity: d.quantity,
        ...(d.tier !== undefined ? { tier: d.tier } : {}),
        ...(d.section !== undefined ? { section: d.section } : {}),
        joinedAt: d.joinedAt,
        waitsUntil: parseIsoTimestamp(d.waitsUntil),
        status: 'waiting',
      };
      state.entries.set(entry.entryId, entry);
      state.waiting.set(entry.entryId, entry);
      state.waitingByCustomer.set(entry.customerId, entry.entryId);
      return state;
    }
    case 'WaitlistOffered': {
      const entry = leaveLine(state, event.data.entryId, 'offered');
      if (entry) entry.holdId = event.data.holdId;
      return state;
    }
    case 'WaitlistLeft':
      leaveLine(state, event.data.entryId, 'left');
      return state;
    case 'WaitlistEnded':
      leaveLine(state, event.data.entryId, event.data.reason);
      return state;
    default: {
      const _never: never = event;
      return state;
    }
  }
}

/** Only a waiting entry moves on; decide never emits anything else, so another case is a replayed duplicate. */
function leaveLine(state: WaitlistState, entryId: string, status: Exclude<WaitlistEntryStatus, 'waiting'>): WaitlistEntry | undefined {
  const entry = state.waiting.get(entryId);
  if (!entry) return undefined;
  entry.status = status;
  state.waiting.delete(entryId);
  if (state.waitingByCustomer.get(entry.customerId) === entryId) state.waitingByCustomer.delete(entry.customerId);
  return entry;
}
