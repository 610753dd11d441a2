import { randomUUID } from 'node:crypto';

/**
 * Readable ids (`festival-2027`) make demo data and URLs legible; the pattern keeps
 * them safe inside stream names and URLs, and server-made uuids match it too.
 */
export const CATALOG_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const CATALOG_ID_RULE = "1-63 lowercase letters, digits or '-', starting with a letter or digit";

/** The admin's id when given (already validated by the DTO), otherwise a fresh uuid. */
export function catalogIdOrNew(given: string | undefined): string {
  return given ?? randomUUID();
}
