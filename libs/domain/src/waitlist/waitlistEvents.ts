/** Timestamps are ISO-8601 UTC with milliseconds. */

export type WaitlistJoined = {
  type: 'WaitlistJoined';
  data: {
    entryId: string;
    customerId: string;
    quantity: number;
    tier?: string;
    section?: string;
    joinedAt: string;
    /** After this the entry counts as expired, whether or not its WaitlistEnded is written yet. */
    waitsUntil: string;
  };
};

/** Seats came free and were held for the entry's customer: `holdId` is the entry id, so the entry's allowance covers it. */
export type WaitlistOffered = {
  type: 'WaitlistOffered';
  data: { entryId: string; holdId: string; offeredAt: string };
};

export type WaitlistLeft = {
  type: 'WaitlistLeft';
  data: { entryId: string; at: string };
};

export type WaitlistEndReason = 'sold_out' | 'expired';

export type WaitlistEnded = {
  type: 'WaitlistEnded';
  data: { entryId: string; reason: WaitlistEndReason; at: string };
};

export type WaitlistEvent = WaitlistJoined | WaitlistOffered | WaitlistLeft | WaitlistEnded;

export const WAITLIST_EVENT_TYPES: readonly WaitlistEvent['type'][] = ['WaitlistJoined', 'WaitlistOffered', 'WaitlistLeft', 'WaitlistEnded'];
