import { RateLimiter } from './rateLimiter';

describe('RateLimiter', () => {
  it('allows a burst of perMinute calls, then refuses with the seconds until the next one', () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(6, 100, () => now);
    for (let i = 0; i < 6; i++) expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    // Other keys have their own bucket.
    expect(limiter.take('b')).toEqual({ allowed: true });
    now += 10_000;
    expect(limiter.take('a')).toEqual({ allowed: true });
    expect(limiter.take('a').allowed).toBe(false);
  });

  it('forgets the least recently seen keys beyond maxKeys', () => {
    const now = 0;
    const limiter = new RateLimiter(1, 2, () => now);
    limiter.take('a');
    limiter.take('b');
    limiter.take('c');
    // 'a' was forgotten, so it starts with a full bucket again; 'c' is still spent.
    expect(limiter.take('a').allowed).toBe(true);
    expect(limiter.take('c').allowed).toBe(false);
  });
});
