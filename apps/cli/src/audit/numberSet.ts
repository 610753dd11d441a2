/**
 * A set of non-negative integers as a growable bitset: a million general-admission
 * ticket numbers in 125 KB, where a Set<number> would take tens of megabytes.
 */
export class NumberSet {
  private bits = new Uint32Array(1024);

  /** Adds n; false when it was already there. */
  add(n: number): boolean {
    const word = n >>> 5;
    if (word >= this.bits.length) this.grow(word);
    const mask = 1 << (n & 31);
    if (this.bits[word] & mask) return false;
    this.bits[word] |= mask;
    return true;
  }

  has(n: number): boolean {
    const word = n >>> 5;
    return word < this.bits.length && (this.bits[word] & (1 << (n & 31))) !== 0;
  }

  private grow(word: number): void {
    let length = this.bits.length;
    while (length <= word) length *= 2;
    const bits = new Uint32Array(length);
    bits.set(this.bits);
    this.bits = bits;
  }
}
