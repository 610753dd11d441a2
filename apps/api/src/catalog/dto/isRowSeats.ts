import { registerDecorator, type ValidationOptions } from 'class-validator';
import { MAX_SEAT_NUMBER, MAX_SEATS_PER_ROW } from '@app/domain';

/** Plenty for any real row; aisles split a row into a handful of ranges. */
export const MAX_RANGES_PER_ROW = 1_000;

const isSeatNumber = (value: unknown): boolean => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= MAX_SEAT_NUMBER;

function isSeatRange(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const { from, to } = value as { from?: unknown; to?: unknown };
  return keys.length === 2 && keys.includes('from') && keys.includes('to') && isSeatNumber(from) && isSeatNumber(to);
}

/**
 * A row's `seats` is a union (a count, or number ranges with gaps for aisles), which
 * class-validator's nested validation cannot express, so it gets its own check of the
 * shape, unknown keys included. Order and overlap of the ranges are the domain's
 * `validateSeatMap`'s business.
 */
export function IsRowSeats(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isRowSeats',
      target: target.constructor,
      propertyName: String(propertyName),
      options: {
        message: `$property must be a seat count from 1 to ${MAX_SEATS_PER_ROW} or 1 to ${MAX_RANGES_PER_ROW} ranges { from, to } of seat numbers from 1 to ${MAX_SEAT_NUMBER}`,
        ...options,
      },
      validator: {
        validate(value: unknown): boolean {
          if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value <= MAX_SEATS_PER_ROW;
          return Array.isArray(value) && value.length >= 1 && value.length <= MAX_RANGES_PER_ROW && value.every(isSeatRange);
        },
      },
    });
}
