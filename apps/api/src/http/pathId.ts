import { AppError } from '../application/appError';

const ID = /^[A-Za-z0-9_-]{1,80}$/;

/** An id from the path (a show, hold, order or waiting-line entry): 1–80 letters, digits, _ or -, else a 400 naming the field. */
export function pathId(value: string, field: string): string {
  if (!ID.test(value)) throw new AppError('invalid_request', `${field} is not a valid id`, { field });
  return value;
}
