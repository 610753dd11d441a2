import { z } from 'zod';
import { MAX_TIER_PRICE } from '@app/domain';
import { Currency, Id, Instant, Money } from './common';
import { PriceTier } from './catalog';

// ---- requests ----

export const ChangePriceRequest = z
  .strictObject({
    price: z.int().min(0).max(MAX_TIER_PRICE).meta({ description: `The tier's new unit price in integer minor units (cents), 0 to ${MAX_TIER_PRICE}` }),
    currency: Currency.optional().meta({ description: "The tier's own currency (a show is priced in one); checked when given" }),
  })
  .meta({ id: 'ChangePriceRequest' });
export type ChangePriceRequest = z.infer<typeof ChangePriceRequest>;

// ---- answers ----

export const PriceChange = z
  .strictObject({
    tier: z.string(),
    price: Money,
    currency: Currency,
    previousPrice: Money,
    changedAt: Instant,
    by: Id.meta({ description: 'The staff user who changed it (`admin` for the bootstrap token)' }),
  })
  .meta({ id: 'PriceChange' });
export type PriceChange = z.infer<typeof PriceChange>;

export const ShowPrices = z
  .strictObject({
    showId: Id,
    tiers: z.array(PriceTier).meta({ description: 'The current price of each tier: what a hold made now records' }),
    scheduledTiers: z.array(PriceTier).meta({ description: 'The prices the show was scheduled with' }),
    changes: z.array(PriceChange).meta({ description: 'Every change, oldest first' }),
  })
  .meta({ id: 'ShowPrices' });
export type ShowPrices = z.infer<typeof ShowPrices>;
