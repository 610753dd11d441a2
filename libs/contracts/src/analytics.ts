import { z } from 'zod';
import { Count, Currency, Id, Money } from './common';

export const AnalyticsDimension = z.enum(['tier', 'hour', 'region', 'size']).meta({ id: 'AnalyticsDimension' });
export type AnalyticsDimension = z.infer<typeof AnalyticsDimension>;
export const ANALYTICS_DIMENSION_NAMES = AnalyticsDimension.options;

const GROUP_BY = new RegExp(`^(${ANALYTICS_DIMENSION_NAMES.join('|')})(,(${ANALYTICS_DIMENSION_NAMES.join('|')})){0,3}$`);

export const AnalyticsQuery = z.strictObject({
  format: z.enum(['json', 'csv']).optional().meta({ description: 'json (default) or csv' }),
  groupBy: z
    .string()
    .regex(GROUP_BY)
    .optional()
    .meta({ description: `The breakdowns, separated by commas: ${ANALYTICS_DIMENSION_NAMES.join(', ')} (default: all)` }),
});
export type AnalyticsQuery = z.infer<typeof AnalyticsQuery>;

export const AnalyticsCell = z
  .union([
    z.strictObject({
      key: z.string(),
      suppressed: z.literal(false),
      tickets: Count,
      revenue: Money.optional().meta({ description: 'Minor units of `currency`; absent when the figures mix currencies' }),
      orders: Count.meta({ description: 'Orders with tickets in the cell' }),
    }),
    z.strictObject({ key: z.string(), suppressed: z.literal(true) }),
  ])
  .meta({ id: 'AnalyticsCell', description: 'Figures of one cell, or `suppressed` when publishing them could tell about fewer than `minBuyers` buyers' });
export type AnalyticsCell = z.infer<typeof AnalyticsCell>;

export const SalesAnalytics = z
  .strictObject({
    scope: z.enum(['show', 'event']),
    id: Id.meta({ description: 'The show or event' }),
    shows: z.array(Id).meta({ description: 'The shows whose sales are counted' }),
    leftOut: z.array(Id).meta({ description: 'An event: its shows with fewer than `minBuyers` buyers in all, left out whole' }),
    minBuyers: z.int().min(2).meta({ description: 'k: no published cell has fewer distinct buyers (ANALYTICS_MIN_BUYERS)' }),
    currency: Currency.nullable().meta({ description: 'Of every revenue; null when the shows sell in several currencies (revenue is then left out)' }),
    timeZone: z
      .string()
      .nullable()
      .meta({ description: "The venue's IANA time zone the hours are on (each hour key carries its offset); null when an event's shows are in several zones, each hour then on its own venue's clock" }),
    total: AnalyticsCell,
    breakdowns: z
      .strictObject({ tier: z.array(AnalyticsCell).optional(), hour: z.array(AnalyticsCell).optional(), region: z.array(AnalyticsCell).optional(), size: z.array(AnalyticsCell).optional() })
      .meta({
        description:
          "Each a partition of the total, in the order of its keys: tier names; hours on the venue's clock (`2026-12-03T20:00+01:00`); the buyer's region (from a customer id minted on a topology; `unknown` otherwise); order sizes (`1`…`10`, `11+`)",
      }),
  })
  .meta({ id: 'SalesAnalytics' });
export type SalesAnalytics = z.infer<typeof SalesAnalytics>;
