/**
 * Token buckets keyed by customer or address: each key may spend `perMinute` calls in a
 * burst and gets them back evenly over a minute. In memory and per process: limits are
 * there to keep scripts from crowding people out, not to count exactly across a fleet.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly refillPerMs: number;

  constructor(
    private readonly perMinute: number,
    /** At most this many keys are remembered; the least recently seen are forgotten first. */
    private readonly maxKeys = 100_000,
    private readonly now: () => number = Date.now,
  ) {
    this.refillPerMs = perMinute / 60_000;
  }

  /** Spends one call for `key`; `retryAfterSeconds` is set when none is left. */
  take(key: string): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
    const now = this.now();
    const bucket = this.buckets.get(key);
    let tokens = this.perMinute;
    if (bucket) {
      tokens = Math.min(this.perMinute, bucket.tokens + (now - bucket.at) * this.refillPerMs);
      // Re-inserting keeps the map in least-recently-seen order for eviction.
      this.buckets.delete(key);
    }
    if (tokens < 1) {
      this.buckets.set(key, { tokens, at: now });
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / this.refillPerMs / 1000)) };
    }
    this.buckets.set(key, { tokens: tokens - 1, at: now });
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value!);
    return { allowed: true };
  }
}
