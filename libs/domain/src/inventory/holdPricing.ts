import type { PriceTier } from '../catalog/catalogEntities';
import type { TierPrice } from './inventoryCommands';

/** What a hold costs: the price of each tier (as `SellHold` takes it), the total and its currency. */
export interface HoldPrice {
  prices: Record<string, TierPrice>;
  /** Integer minor units: every held unit at its tier's price; a tier the show does not price counts 0. */
  total: number;
  /** The show's first tier's currency ('EUR' for a show without tiers): a show is priced in one currency. */
  currency: string;
}

/**
 * Prices a hold from the show's tiers. `parts` are the hold's parts, one per shard, each
 * with the tier of every unit it holds (`HoldView.tiers`).
 */
export function priceHold(tiers: readonly PriceTier[], parts: ReadonlyArray<{ tiers: readonly string[] }>): HoldPrice {
  const prices: Record<string, TierPrice> = Object.fromEntries(tiers.map((t) => [t.tier, { price: t.price, currency: t.currency }]));
  const total = parts.reduce((sum, part) => sum + part.tiers.reduce((s, tier) => s + (prices[tier]?.price ?? 0), 0), 0);
  return { prices, total, currency: tiers[0]?.currency ?? 'EUR' };
}
