import { parseIsoTimestamp, toIsoTimestamp } from './timestamps';

describe('timestamps', () => {
  const samples = [
    0,
    1,
    999,
    86_399_999,
    86_400_000,
    951_782_400_000, // 2000-02-29
    Date.parse('2026-06-01T23:59:59.999Z'),
    Date.parse('2026-06-02T00:00:00.000Z'),
    253_402_300_799_999, // the last four-digit-year millisecond
  ];

  it.each(samples)('formats %d exactly like Date#toISOString', (ms) => {
    expect(toIsoTimestamp(ms)).toBe(new Date(ms).toISOString());
  });

  it('formats across days in any order (the day cache is only a cache)', () => {
    const mixed = [samples[7], samples[6], samples[7], samples[0], samples[7]];
    expect(mixed.map(toIsoTimestamp)).toEqual(mixed.map((ms) => new Date(ms).toISOString()));
  });

  it('falls back to Date for times it does not fast-path', () => {
    expect(toIsoTimestamp(-1)).toBe('1969-12-31T23:59:59.999Z');
    expect(toIsoTimestamp(253_402_300_800_000)).toBe('+010000-01-01T00:00:00.000Z');
  });

  it.each(samples)('parses the formatted %d back to the same instant', (ms) => {
    expect(parseIsoTimestamp(toIsoTimestamp(ms))).toBe(ms);
  });

  it.each(['2026-05-01T10:00:00Z', '2026-05-01T12:00:00.000+02:00', '2026-05-01T24:00:00.000Z', '2026-05-01T1x:00:00.000Z', 'not a date', '2026-13-01T10:00:00.000Z'])(
    'parses %j exactly like Date.parse',
    (text) => {
      expect(parseIsoTimestamp(text)).toEqual(Date.parse(text));
    },
  );
});
