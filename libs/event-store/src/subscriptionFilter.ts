import type { RecordedEvent, SubscriptionFilter } from './eventStore';

/**
 * A subscription's filter as a test of one event, the same for every adapter: an event
 * passes when its stream starts with one of the prefixes (if any are given) and its type
 * is one of the types (if any are given). An empty list matches nothing.
 */
export function compileFilter(filter: SubscriptionFilter | undefined): (event: RecordedEvent) => boolean {
  const prefixes = filter?.streamPrefixes;
  const types = filter?.eventTypes ? new Set(filter.eventTypes) : undefined;
  if (!prefixes && !types) return () => true;
  return (event) => (!prefixes || prefixes.some((p) => event.streamId.startsWith(p))) && (!types || types.has(event.type));
}
