export type WaitlistEntryStatus = 'waiting' | 'offered' | 'left' | 'sold_out' | 'expired';

export interface WaitlistEntry {
  entryId: string;
  customerId: string;
  quantity: number;
  tier?: string;
  section?: string;
  joinedAt: string;
  /** Epoch ms. */
  waitsUntil: number;
  /** As written: an entry past `waitsUntil` still says 'waiting' here until its WaitlistEnded. */
  status: WaitlistEntryStatus;
  holdId?: string;
}

/**
 * `waiting` holds the entries whose status is 'waiting', in join order (a Map keeps
 * insertion order and deletes in O(1)), so a walk of the line never passes over the
 * entries that already left it. `version` counts the events evolved: it is the stream
 * revision the next event will get, which tells a reader whether its state is stale.
 */
export interface WaitlistState {
  readonly entries: Map<string, WaitlistEntry>;
  readonly waiting: Map<string, WaitlistEntry>;
  /** customerId -> their entry with status 'waiting' (possibly past due). */
  readonly waitingByCustomer: Map<string, string>;
  version: number;
}

export function initialWaitlistState(): WaitlistState {
  return { entries: new Map(), waiting: new Map(), waitingByCustomer: new Map(), version: 0 };
}
