import { invalidRequest } from './errors';

/** Commands arrive from HTTP handlers; a malformed field must become a 4xx, never a corrupt event. */
export function requireText(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length === 0) throw invalidRequest(field, 'must be a non-empty string', { value });
}

export function requireEpochMs(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidRequest(field, 'must be a finite epoch time in milliseconds', { value });
}
