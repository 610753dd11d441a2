import type { EventStore, LogPosition, RecordedEvent } from '@app/event-store';

/** Events read per page: big enough to keep the store busy, small enough to stay cheap in memory. */
export const PAGE_SIZE = 5_000;

/** The whole log in global order, a page at a time, from the event store itself (never the read models). */
export async function* logPages(store: EventStore, pageSize = PAGE_SIZE): AsyncGenerator<RecordedEvent[]> {
  let position: LogPosition = 'start';
  for (;;) {
    const page = await store.readAll({ fromPosition: position, maxCount: pageSize });
    if (page.length === 0) return;
    yield page;
    position = page[page.length - 1].position;
  }
}

/** How many events the log holds, for progress: a count, whatever the store's positions are. */
export function logSize(store: EventStore): Promise<number> {
  return store.countEventsAfter('start', { cap: Number.MAX_SAFE_INTEGER });
}

/** Several logs one after the other (a log spread over clusters: each cluster's in its order). */
export async function* pagesOfLogs(stores: ReadonlyArray<{ store: EventStore }>, pageSize = PAGE_SIZE): AsyncGenerator<RecordedEvent[]> {
  for (const { store } of stores) yield* logPages(store, pageSize);
}

/** How many events the logs hold together. */
export async function sizeOfLogs(stores: ReadonlyArray<{ store: EventStore }>): Promise<number> {
  let total = 0;
  for (const { store } of stores) total += await logSize(store);
  return total;
}
