import type { Decider } from '@app/domain';
import { WrongExpectedVersionError, type EventStore } from '@app/event-store';

const PAGE = 1_000;

/**
 * For small streams written now and then (a show's messages, a customer's contact
 * address): read the stream, decide, append with the revision read, and decide again
 * if another writer got there first. Each call may carry its own metadata (who made
 * it), which a long-lived `StreamWriter` stamps once per stream. Answers once durable, with
 * the log position and the stream revision of what it wrote (none when it decided nothing).
 */
export async function decideAndAppend<Command, Event extends { type: string; data: unknown }, State>(
  store: EventStore,
  streamId: string,
  decider: Decider<Command, Event, State>,
  command: Command,
  metadata: Record<string, unknown>,
  maxConflictRetries = 5,
): Promise<{ events: Event[]; position?: bigint; revision?: bigint }> {
  for (let attempt = 0; ; attempt++) {
    let state = decider.initialState();
    let revision: bigint | 'no_stream' = 'no_stream';
    for (let from: bigint | 'start' = 'start'; ; ) {
      const page = await store.readStream(streamId, { fromRevision: from, maxCount: PAGE });
      for (const recorded of page) state = decider.evolve(state, { type: recorded.type, data: recorded.data } as Event);
      if (page.length > 0) revision = page[page.length - 1].streamRevision;
      if (page.length < PAGE) break;
      from = (revision as bigint) + 1n;
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { events };
    try {
      const result = await store.appendToStream(
        streamId,
        events.map((event) => ({ type: event.type, data: event.data, metadata })),
        { expectedRevision: revision },
      );
      return { events, position: result.position, revision: result.nextExpectedRevision };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError && attempt < maxConflictRetries) continue;
      throw error;
    }
  }
}
