import { knownTimeZone, localHour } from './localHour';

describe('the local hour of a sale, in the venue\'s time zone', () => {
  it('names the hour on the venue clock with its offset', () => {
    expect(localHour('2026-12-03T19:59:59.999Z', 'Europe/Amsterdam')).toBe('2026-12-03T20:00+01:00');
    expect(localHour('2026-12-03T20:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-12-03T21:00+01:00');
    expect(localHour('2026-07-01T12:30:00Z', 'Europe/London')).toBe('2026-07-01T13:00+01:00');
    expect(localHour('2026-07-01T12:30:00Z', 'UTC')).toBe('2026-07-01T12:00+00:00');
  });

  it('follows zones half an hour off and days that change across the date line', () => {
    expect(localHour('2026-12-03T14:29:00Z', 'Asia/Kolkata')).toBe('2026-12-03T19:00+05:30');
    expect(localHour('2026-12-03T14:30:00Z', 'Asia/Kolkata')).toBe('2026-12-03T20:00+05:30');
    expect(localHour('2026-12-03T23:30:00Z', 'Pacific/Auckland')).toBe('2026-12-04T12:00+13:00');
  });

  it('keeps apart the two 02:00 hours of the night the clocks go back', () => {
    // Europe/Amsterdam, 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00 UTC.
    expect(localHour('2026-10-25T00:30:00Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:00+02:00');
    expect(localHour('2026-10-25T01:30:00Z', 'Europe/Amsterdam')).toBe('2026-10-25T02:00+01:00');
  });

  it('falls back to UTC for a zone the runtime does not know', () => {
    expect(knownTimeZone('Not/AZone')).toBe('UTC');
    expect(knownTimeZone(undefined)).toBe('UTC');
    expect(knownTimeZone('Europe/Brussels')).toBe('Europe/Brussels');
  });
});
