import type { RecordedEvent } from '@app/event-store';
import { sseMessage } from '../sse/sseMessage';

export interface EntryMessage {
  position: bigint;
  text: string;
}

export interface WaitlistEntryRecord {
  entryId: string;
  customerId: string;
  /** The entry's `waitlist` messages, oldest first (the last `MAX_MESSAGES` of them). */
  messages: EntryMessage[];
  last: bigint;
}

const MAX_MESSAGES = 100;
/** Entries that left or ended, remembered at most (so a late reconnect still gets the final message). */
const MAX_FINISHED = 10_000;
const STREAM_PREFIX = 'waitlist-';

/**
 * Every waiting-line entry this process has seen, with its owner and its events
 * already formatted as `waitlist` messages. An entry is a handful of events, so a
 * resume is served from here, never from the store. Events of one entry must arrive
 * in log order, but they may come from two sources (the projections' batches and a
 * one-off read of the log): one at or below the entry's last position is ignored.
 */
export class WaitlistEntryIndex {
  private readonly open = new Map<string, WaitlistEntryRecord>();
  /** Least recently finished first. */
  private readonly finished = new Map<string, WaitlistEntryRecord>();

  get(entryId: string): WaitlistEntryRecord | undefined {
    return this.open.get(entryId) ?? this.finished.get(entryId);
  }

  get size(): number {
    return this.open.size + this.finished.size;
  }

  /** Takes a waiting-line event; returns its entry and message when it was new. */
  add(event: RecordedEvent): { entry: WaitlistEntryRecord; message: EntryMessage } | undefined {
    if (!event.streamId.startsWith(STREAM_PREFIX)) return undefined;
    const data = event.data as { entryId?: unknown; customerId?: unknown } | null;
    if (typeof data?.entryId !== 'string') return undefined;
    let entry = this.get(data.entryId);
    if (!entry) {
      if (event.type !== 'WaitlistJoined' || typeof data.customerId !== 'string') return undefined;
      entry = { entryId: data.entryId, customerId: data.customerId, messages: [], last: -1n };
      this.open.set(entry.entryId, entry);
    }
    if (event.position <= entry.last) return undefined;
    entry.last = event.position;
    const message = { position: event.position, text: sseMessage('waitlist', { ...data, type: event.type }, event.position) };
    entry.messages.push(message);
    if (entry.messages.length > MAX_MESSAGES) entry.messages.shift();
    if (event.type === 'WaitlistLeft' || event.type === 'WaitlistEnded') this.finish(entry);
    return { entry, message };
  }

  private finish(entry: WaitlistEntryRecord): void {
    this.open.delete(entry.entryId);
    this.finished.delete(entry.entryId);
    this.finished.set(entry.entryId, entry);
    if (this.finished.size > MAX_FINISHED) this.finished.delete(this.finished.keys().next().value!);
  }
}
