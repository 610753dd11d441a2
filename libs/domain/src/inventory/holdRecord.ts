import type { TierPrice } from './inventoryCommands';

export type HoldStatus = 'active' | 'released' | 'expired' | 'sold';

/** A hold as the shard state keeps it; mutated in place by evolve. */
export interface Hold {
  holdId: string;
  customerId: string;
  /** Indexes into the shard's units, in the order the SeatsHeld event listed them. */
  units: number[];
  /** As the event said it (ISO); only expiresAt is compared, so only it is parsed. */
  heldAt: string;
  /** Epoch ms. */
  expiresAt: number;
  status: HoldStatus;
  orderId?: string;
  /** The unit price of each held tier as the hold recorded it (the same object as the event's); absent for old holds. */
  prices?: Record<string, TierPrice>;
}
