/**
 * Every command carries `now` (epoch ms): the decider never reads the clock. The app
 * computes `waitsUntil` (it also reserves the customer's allowance until then) and
 * passes the show's per-customer limit as `maxQuantity`.
 */

export type JoinWaitlist = {
  type: 'JoinWaitlist';
  data: {
    entryId: string;
    customerId: string;
    quantity: number;
    maxQuantity: number;
    tier?: string;
    section?: string;
    now: number;
    waitsUntil: number;
  };
};

export type LeaveWaitlist = {
  type: 'LeaveWaitlist';
  data: { entryId: string; customerId: string; now: number };
};

/** Recorded after the offer's hold (holdId = entryId) got its seats. */
export type OfferWaitlistEntry = {
  type: 'OfferWaitlistEntry';
  data: { entryId: string; holdId: string; now: number };
};

/** Sent by the timer; a no-op unless the entry is waiting and due. */
export type ExpireWaitlistEntry = {
  type: 'ExpireWaitlistEntry';
  data: { entryId: string; now: number };
};

/** Sent when nothing the entry asked for can come free any more; a no-op unless the entry is waiting. */
export type EndWaitlistSoldOut = {
  type: 'EndWaitlistSoldOut';
  data: { entryId: string; now: number };
};

export type WaitlistCommand = JoinWaitlist | LeaveWaitlist | OfferWaitlistEntry | ExpireWaitlistEntry | EndWaitlistSoldOut;
