import type { RecordedEvent } from '@app/event-store';
import { ShowVersions } from './showVersions';

const event = (type: string, metadata: Record<string, unknown>): RecordedEvent => ({
  id: 'e',
  streamId: 's',
  type,
  data: {},
  metadata,
  streamRevision: 0n,
  position: 1n,
  created: new Date(0),
});

describe('ShowVersions', () => {
  it('moves a show on its inventory events only', () => {
    const versions = new ShowVersions();
    versions.applied([event('SeatsHeld', { showId: 'a' }), event('AllowanceReserved', { showId: 'b' }), event('ShowScheduled', { showId: 'b' })]);
    expect(versions.of('a')).toBe(1);
    expect(versions.of('b')).toBe(0);
    versions.applied([event('HoldReleased', { showId: 'a' }), event('HoldExpired', { showId: 'a' }), event('TicketsSold', { showId: 'a' })]);
    expect(versions.of('a')).toBe(4);
  });

  it('moves every show when an inventory event does not name its show', () => {
    const versions = new ShowVersions();
    versions.applied([event('TicketsSold', {})]);
    expect(versions.of('a')).toBe(1);
    expect(versions.of('b')).toBe(1);
  });
});
