import type { Hold } from './holdRecord';

/**
 * Min-heap of holds by expiry. It answers "is any active hold past its expiry?" in O(1)
 * on the hot path, and lists the due holds in O(due) by walking only the heap's top.
 * Ended holds are removed lazily (when they reach the top), so ending a hold costs no
 * search; the walks skip them.
 */
export class ExpiryQueue {
  private readonly heap: Hold[] = [];

  push(hold: Hold): void {
    const heap = this.heap;
    let at = heap.length;
    heap.push(hold);
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!before(hold, heap[parent])) break;
      heap[at] = heap[parent];
      at = parent;
    }
    heap[at] = hold;
  }

  /** Drops ended holds from the top; evolve calls it after ending a hold. */
  prune(): void {
    while (this.heap.length > 0 && this.heap[0].status !== 'active') this.pop();
  }

  /** True if some active hold has `expiresAt <= now`. */
  hasDue(now: number): boolean {
    let found = false;
    this.walkDue(now, () => {
      found = true;
      return false;
    });
    return found;
  }

  /** Active holds with `expiresAt <= now`, earliest expiry first (ties by holdId, for determinism). */
  due(now: number): Hold[] {
    const result: Hold[] = [];
    this.walkDue(now, (hold) => {
      result.push(hold);
      return true;
    });
    return result.sort((a, b) => a.expiresAt - b.expiresAt || (a.holdId < b.holdId ? -1 : a.holdId > b.holdId ? 1 : 0));
  }

  /** Active holds, earliest expiry first. */
  active(): Hold[] {
    return this.heap.filter((hold) => hold.status === 'active').sort((a, b) => a.expiresAt - b.expiresAt);
  }

  private walkDue(now: number, visit: (hold: Hold) => boolean): void {
    const heap = this.heap;
    const stack = heap.length > 0 ? [0] : [];
    while (stack.length > 0) {
      const slot = stack.pop()!;
      const hold = heap[slot];
      // A parent's expiry bounds its subtree's, so a future one prunes the whole subtree.
      if (hold.expiresAt > now) continue;
      if (hold.status === 'active' && !visit(hold)) return;
      if (2 * slot + 1 < heap.length) stack.push(2 * slot + 1);
      if (2 * slot + 2 < heap.length) stack.push(2 * slot + 2);
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && before(heap[child + 1], heap[child])) child++;
      if (!before(heap[child], last)) break;
      heap[at] = heap[child];
      at = child;
    }
    heap[at] = last;
  }
}

function before(a: Hold, b: Hold): boolean {
  return a.expiresAt < b.expiresAt;
}
