import type { PriceTier } from './api/types';

/** What was asked for when a hold was made (tiers and prices), kept for its payment page: a ticket's label and its tier's price. */
export interface HoldLine extends PriceTier {
  label: string;
}

export interface HoldSummary {
  showId: string;
  title: string;
  lines: HoldLine[];
}

const key = (holdId: string) => `tickets.hold.${holdId}`;

export function saveHoldSummary(holdId: string, summary: HoldSummary): void {
  sessionStorage.setItem(key(holdId), JSON.stringify(summary));
}

export function holdSummary(holdId: string): HoldSummary | undefined {
  const raw = sessionStorage.getItem(key(holdId));
  return raw ? (JSON.parse(raw) as HoldSummary) : undefined;
}
