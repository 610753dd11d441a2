import type { AllowanceReleaseReason } from './allowanceEvents';

export type ReserveAllowance = {
  type: 'ReserveAllowance';
  /** `now` and `expiresAt` are epoch ms; `limit` is the show's maxTicketsPerCustomer. */
  data: { holdId: string; quantity: number; limit: number; now: number; expiresAt: number };
};

export type ReleaseAllowance = {
  type: 'ReleaseAllowance';
  data: { holdId: string; now: number; reason: AllowanceReleaseReason };
};

export type AllowanceCommand = ReserveAllowance | ReleaseAllowance;
