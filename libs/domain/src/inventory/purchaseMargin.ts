/**
 * A purchase this close to the hold's expiry is refused rather than risk the hold expiring
 * half-way: between the card's charge and the sale on every shard of the hold.
 */
export const PURCHASE_MARGIN_MS = 1_000;

/** Whether a hold expiring at `expiresAt` (ISO-8601) is too close to its end, at `now` (epoch ms), to be bought. */
export function tooLateToPurchase(expiresAt: string, now: number): boolean {
  return Date.parse(expiresAt) - now < PURCHASE_MARGIN_MS;
}
