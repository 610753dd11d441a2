/**
 * Min-heap of the general-admission unit indexes that were handed back (released or
 * expired holds), below the shard's never-used cursor. Indexed (`position` per unit) so
 * evolve can remove any unit a SeatsHeld takes in O(log n), whatever order it was picked
 * in; `smallest` reads the k lowest without mutating, so decide stays side-effect free.
 */
export class FreeUnitHeap {
  private readonly heap: Int32Array;
  /** Where each unit sits in `heap`, or -1 when absent. */
  private readonly position: Int32Array;
  private size = 0;

  constructor(capacity: number) {
    this.heap = new Int32Array(capacity);
    this.position = new Int32Array(capacity).fill(-1);
  }

  /** A copy with room for units up to `capacity - 1` (a shard that took capacity in). */
  grown(capacity: number): FreeUnitHeap {
    const bigger = new FreeUnitHeap(capacity);
    bigger.heap.set(this.heap.subarray(0, this.size));
    bigger.position.set(this.position);
    bigger.size = this.size;
    return bigger;
  }

  get length(): number {
    return this.size;
  }

  has(unit: number): boolean {
    return this.position[unit] >= 0;
  }

  push(unit: number): void {
    if (this.position[unit] >= 0) return;
    this.heap[this.size] = unit;
    this.position[unit] = this.size;
    this.size++;
    this.siftUp(this.size - 1);
  }

  remove(unit: number): void {
    const at = this.position[unit];
    if (at < 0) return;
    this.position[unit] = -1;
    this.size--;
    if (at === this.size) return;
    const last = this.heap[this.size];
    this.heap[at] = last;
    this.position[last] = at;
    this.siftDown(at);
    this.siftUp(this.position[last]);
  }

  /** The `k` lowest units, ascending, in O(k log k): a best-first walk of the heap's top. */
  smallest(k: number): number[] {
    const result: number[] = [];
    if (k <= 0 || this.size === 0) return result;
    // Frontier of heap slots, kept sorted descending by unit so the minimum pops from the end.
    const frontier: number[] = [0];
    while (result.length < k && frontier.length > 0) {
      const slot = frontier.pop()!;
      result.push(this.heap[slot]);
      for (const child of [2 * slot + 1, 2 * slot + 2]) {
        if (child < this.size) insertDescending(frontier, child, this.heap);
      }
    }
    return result;
  }

  /** Every unit in the heap, unordered. */
  toArray(): number[] {
    return Array.from(this.heap.subarray(0, this.size));
  }

  private siftUp(at: number): void {
    const { heap, position } = this;
    const unit = heap[at];
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (heap[parent] <= unit) break;
      heap[at] = heap[parent];
      position[heap[at]] = at;
      at = parent;
    }
    heap[at] = unit;
    position[unit] = at;
  }

  private siftDown(at: number): void {
    const { heap, position, size } = this;
    const unit = heap[at];
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && heap[child + 1] < heap[child]) child++;
      if (heap[child] >= unit) break;
      heap[at] = heap[child];
      position[heap[at]] = at;
      at = child;
    }
    heap[at] = unit;
    position[unit] = at;
  }
}

function insertDescending(frontier: number[], slot: number, heap: Int32Array): void {
  const unit = heap[slot];
  let i = frontier.length;
  frontier.push(slot);
  while (i > 0 && heap[frontier[i - 1]] < unit) {
    frontier[i] = frontier[i - 1];
    i--;
  }
  frontier[i] = slot;
}
