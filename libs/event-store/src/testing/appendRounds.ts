import type { EventData, EventStore } from '../eventStore';

/**
 * Writes a prepared log: each round's appends run concurrently (one per stream, so
 * the store's group commit takes them together), every append with the revision the
 * stream is known to be at. For fixtures and benchmarks that need big logs quickly.
 */
export async function appendRounds(store: EventStore, rounds: Iterable<Map<string, readonly EventData[]>>): Promise<{ events: number }> {
  const revisions = new Map<string, bigint>();
  let events = 0;
  for (const round of rounds) {
    await Promise.all(
      [...round].map(async ([stream, batch]) => {
        const result = await store.appendToStream(stream, batch, { expectedRevision: revisions.get(stream) ?? 'no_stream' });
        revisions.set(stream, result.nextExpectedRevision);
      }),
    );
    for (const batch of round.values()) events += batch.length;
  }
  return { events };
}
