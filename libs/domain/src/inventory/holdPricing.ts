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
 * Prices a hold. `parts` are the hold's parts, one per shard, each with the tier of every
 * unit it holds (`HoldView.tiers`) and the prices it recorded when it was made
 * (`HoldView.prices`): a unit costs its part's recorded price, and only a part from before
 * prices were recorded costs the show's current price (`tiers`). `prices` is what
 * `SellHold` takes for such parts: the show's current prices.
 */
export function priceHold(tiers: readonly PriceTier[], parts: ReadonlyArray<{ tiers: readonly string[]; prices?: Record<string, TierPrice> }>): HoldPrice {
  const prices: Record<string, TierPrice> = Object.fromEntries(tiers.map((t) => [t.tier, { price: t.price, currency: t.currency }]));
  const total = parts.reduce((sum, part) => sum + part.tiers.reduce((s, tier) => s + ((part.prices?.[tier] ?? prices[tier])?.price ?? 0), 0), 0);
  return { prices, total, currency: tiers[0]?.currency ?? 'EUR' };
}
