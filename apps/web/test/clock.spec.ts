import { clockOffsetMs, sampleServerTime, serverNow } from '../src/api/clock';

describe("the server's clock as the countdown sees it", () => {
  it('takes the server time as of the middle of the request', () => {
    // Sent at 1000 and answered at 1200 (local); the server said 61100: it runs 60 s ahead.
    sampleServerTime(61_100, 1_000, 1_200, true);
    expect(clockOffsetMs()).toBe(60_000);
    expect(Math.abs(serverNow() - (Date.now() + 60_000))).toBeLessThan(50);
  });

  it('reads a whole-second Date header as half a second later, and never lets it replace a precise sample', () => {
    sampleServerTime(10_000, 0, 0, true);
    sampleServerTime(50_000, 0, 0, false);
    expect(clockOffsetMs()).toBe(10_000);
  });

  it('ignores a time it cannot read', () => {
    sampleServerTime(5_000, 0, 0, true);
    sampleServerTime(Number.NaN, 0, 0, true);
    expect(clockOffsetMs()).toBe(5_000);
  });
});

describe('a Date header alone', () => {
  it('is taken half a second on, for the truncated fraction', () => {
    jest.isolateModules(() => {
      const fresh = require('../src/api/clock') as typeof import('../src/api/clock');
      fresh.sampleServerTime(20_000, 0, 0, false);
      expect(fresh.clockOffsetMs()).toBe(20_500);
    });
  });
});
