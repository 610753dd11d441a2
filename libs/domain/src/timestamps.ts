/** Events carry ISO-8601 UTC with milliseconds so auditors get sub-second order without parsing epochs. */
export function toIsoTimestamp(ms: number): string {
  return new Date(ms).toISOString();
}
