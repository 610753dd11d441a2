/**
 * The per-customer limit spans every shard of a show and every process selling it, so
 * it is enforced by a stream of its own: one tiny stream per customer and show.
 */
export function allowanceStream(showId: string, customerId: string): string {
  return `customer-${showId}-${customerId}`;
}
