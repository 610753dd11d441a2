/** One stream per shard: the unit of consistency (and contention) of a show's inventory. */
export function inventoryStream(showId: string, shardId: string): string {
  return `inventory-${showId}-${shardId}`;
}
