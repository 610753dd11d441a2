import { timeOrderedUuid } from './ids';

describe('timeOrderedUuid', () => {
  it('is a version 7 UUID with the RFC variant, carrying the time in its first 48 bits', () => {
    const at = Date.UTC(2027, 5, 1, 12, 0, 0, 123);
    const id = timeOrderedUuid(at);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
  });

  it('sorts ids of later milliseconds after earlier ones, as strings', () => {
    const start = Date.UTC(2027, 0, 1);
    const ids = Array.from({ length: 2_000 }, (_, i) => timeOrderedUuid(start + Math.floor(i / 3)));
    for (let i = 3; i < ids.length; i++) expect(ids[i] > ids[i - 3]).toBe(true);
  });

  it('makes different ids within one millisecond, across refills of its random pool', () => {
    const ids = new Set(Array.from({ length: 20_000 }, () => timeOrderedUuid(0)));
    expect(ids.size).toBe(20_000);
  });
});
