import type { PriceTier, Show } from '../catalog/catalogEntities';
import type { TierPrice } from './inventoryCommands';

/** What a show adds to its tickets' prices at checkout (both fixed when the show is scheduled). */
export interface ShowCharges {
  /** Integer minor units per ticket; 0: no fee. */
  serviceFeePerTicket: number;
  /** Basis points of VAT the consumer prices include (900 = 9 %). */
  vatBasisPoints: number;
}

export const NO_CHARGES: ShowCharges = { serviceFeePerTicket: 0, vatBasisPoints: 0 };

export function showCharges(show: Pick<Show, 'serviceFeePerTicket' | 'vatBasisPoints'>): ShowCharges {
  return { serviceFeePerTicket: show.serviceFeePerTicket ?? 0, vatBasisPoints: show.vatBasisPoints ?? 0 };
}

/**
 * A total, itemised: what the tickets cost, the service fees, the VAT the total includes
 * and the total itself. Integer minor units throughout. The hold page, the charge and the
 * order all come from `charges`, so they cannot disagree.
 */
export interface Charges {
  /** The tickets' prices added up. */
  ticketsTotal: number;
  serviceFeePerTicket: number;
  /** `serviceFeePerTicket` times the number of tickets. */
  serviceFees: number;
  vatBasisPoints: number;
  /** How much of `total` is VAT (`vatIncluded`). */
  vat: number;
  /** `ticketsTotal + serviceFees`: what the card is charged. */
  total: number;
  currency: string;
}

/**
 * The VAT inside a VAT-inclusive amount: gross × rate / (1 + rate), computed once on the
 * whole total (never per line, so the lines' roundings cannot add up to a cent more or
 * less), rounded to the nearest minor unit with halves rounded up. BigInt: exact for any
 * safe integer amount.
 */
export function vatIncluded(gross: number, vatBasisPoints: number): number {
  if (gross <= 0 || vatBasisPoints <= 0) return 0;
  const numerator = 2n * BigInt(gross) * BigInt(vatBasisPoints);
  const denominator = 2n * (10_000n + BigInt(vatBasisPoints));
  // floor((2·g·r + d/2) / d) with d = 2·(10000 + r): the exact quotient g·r/(10000+r) plus a half, floored.
  return Number((numerator + denominator / 2n) / denominator);
}

/** Charges for `tickets` tickets whose prices add up to `ticketsTotal`. */
export function chargesFor(ticketsTotal: number, tickets: number, currency: string, settings: ShowCharges): Charges {
  const serviceFees = tickets * settings.serviceFeePerTicket;
  const total = ticketsTotal + serviceFees;
  return {
    ticketsTotal,
    serviceFeePerTicket: settings.serviceFeePerTicket,
    serviceFees,
    vatBasisPoints: settings.vatBasisPoints,
    vat: vatIncluded(total, settings.vatBasisPoints),
    total,
    currency,
  };
}

/** What a hold costs: the price of each tier (as `SellHold` takes it), each unit's price, the total and its itemisation. */
export interface HoldPrice {
  prices: Record<string, TierPrice>;
  /** Each held unit's price, the parts' units in order (as `HoldView.tiers` lists them). */
  unitPrices: number[];
  /** Integer minor units: every held unit at its tier's price, plus the service fees; a tier the show does not price counts 0. */
  total: number;
  /** The show's first tier's currency ('EUR' for a show without tiers): a show is priced in one currency. */
  currency: string;
  charges: Charges;
}

/**
 * Prices a hold. `parts` are the hold's parts, one per shard, each with the tier of every
 * unit it holds (`HoldView.tiers`) and the prices it recorded when it was made
 * (`HoldView.prices`): a unit costs its part's recorded price, and only a part from before
 * prices were recorded costs the show's current price (`tiers`). `prices` is what
 * `SellHold` takes for such parts: the show's current prices. O(units).
 */
export function priceHold(
  tiers: readonly PriceTier[],
  parts: ReadonlyArray<{ tiers: readonly string[]; prices?: Record<string, TierPrice> }>,
  settings: ShowCharges = NO_CHARGES,
): HoldPrice {
  const prices: Record<string, TierPrice> = Object.fromEntries(tiers.map((t) => [t.tier, { price: t.price, currency: t.currency }]));
  const unitPrices = parts.flatMap((part) => part.tiers.map((tier) => (part.prices?.[tier] ?? prices[tier])?.price ?? 0));
  const currency = tiers[0]?.currency ?? 'EUR';
  const charges = chargesFor(
    unitPrices.reduce((sum, price) => sum + price, 0),
    unitPrices.length,
    currency,
    settings,
  );
  return { prices, unitPrices, total: charges.total, currency, charges };
}
