import { z } from 'zod';

/** An id the API made or an admin chose; never empty. */
export const Id = z.string().min(1);
/** A moment as the API writes it: ISO 8601 in UTC to the millisecond. */
export const Instant = z.iso.datetime().meta({ description: 'ISO 8601, UTC, e.g. 2026-12-03T19:30:00.000Z' });
/** A show's start as its organiser gave it: ISO 8601 with a zone or offset. */
export const ZonedInstant = z.iso.datetime({ offset: true }).meta({ description: 'ISO 8601 with a zone or offset' });
export const Count = z.int().min(0);
/** Integer minor units (cents), so sums never meet floating-point rounding. */
export const Money = z.int().min(0).meta({ description: 'integer minor units (cents)' });
export const Currency = z.string().regex(/^[A-Z]{3}$/).meta({ description: 'ISO 4217, e.g. EUR' });
/** A log position as a decimal string (positions outgrow a JSON number). */
export const Position = z.string().regex(/^[0-9]{1,20}$/);
