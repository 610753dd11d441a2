/** Timestamps are ISO-8601 UTC with milliseconds. */

export type AllowanceReserved = {
  type: 'AllowanceReserved';
  data: { holdId: string; quantity: number; expiresAt: string; at: string };
};

export type AllowanceReleaseReason = 'released' | 'expired' | 'failed';

export type AllowanceReleased = {
  type: 'AllowanceReleased';
  data: { holdId: string; at: string; reason: AllowanceReleaseReason };
};

export type AllowanceEvent = AllowanceReserved | AllowanceReleased;

export const ALLOWANCE_EVENT_TYPES: readonly AllowanceEvent['type'][] = ['AllowanceReserved', 'AllowanceReleased'];
