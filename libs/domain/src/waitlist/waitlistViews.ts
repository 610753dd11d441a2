import type { WaitlistEntry, WaitlistEntryStatus, WaitlistState } from './waitlistState';

/**
 * Read helpers for the app (the offer walk, responses). Like decide, they treat a waiting
 * entry past `waitsUntil` as expired before its WaitlistEnded is written.
 */

export function waitlistEntryStatus(entry: WaitlistEntry, now: number): WaitlistEntryStatus {
  return entry.status === 'waiting' && now >= entry.waitsUntil ? 'expired' : entry.status;
}

/** Entries still in line at `now`, longest-waiting first. O(waiting entries). */
export function waitingEntries(state: WaitlistState, now: number): WaitlistEntry[] {
  const line: WaitlistEntry[] = [];
  for (const entry of state.waiting.values()) if (now < entry.waitsUntil) line.push(entry);
  return line;
}

/** 1 + the waiting entries that joined earlier; undefined when the entry is not in line. O(position). */
export function waitlistPosition(state: WaitlistState, entryId: string, now: number): number | undefined {
  const entry = state.waiting.get(entryId);
  if (!entry || now >= entry.waitsUntil) return undefined;
  let position = 1;
  for (const other of state.waiting.values()) {
    if (other === entry) return position;
    if (now < other.waitsUntil) position++;
  }
  return undefined;
}

/** Entries still in line past their `waitsUntil`: the timer's agenda. */
export function dueWaitlistEntries(state: WaitlistState, now: number): WaitlistEntry[] {
  const due: WaitlistEntry[] = [];
  for (const entry of state.waiting.values()) if (now >= entry.waitsUntil) due.push(entry);
  return due;
}
