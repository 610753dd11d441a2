/** A show's waiting line is one stream: its order is the order of the join events. */
export function waitlistStream(showId: string): string {
  return `waitlist-${showId}`;
}
