import type { RecordedEvent } from '@app/event-store';

/** The show an inventory event belongs to (its stream metadata), or undefined for any other event. */
export function showOfInventoryEvent(event: RecordedEvent): string | undefined {
  if (!event.streamId.startsWith('inventory-')) return undefined;
  const showId = event.metadata?.showId;
  return typeof showId === 'string' ? showId : undefined;
}

/** By metadata, not by stream prefix: `inventory-a-` is also the start of show `a-b`'s streams. */
export function isShowInventoryEvent(event: RecordedEvent, showId: string): boolean {
  return showOfInventoryEvent(event) === showId;
}
