/** A min-heap of (due time, key): the expiry worker's queue of timers. */
export class TimerHeap {
  private items: Array<{ at: number; key: string }> = [];

  get size(): number {
    return this.items.length;
  }

  push(at: number, key: string): void {
    const items = this.items;
    items.push({ at, key });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (items[parent].at <= items[i].at) break;
      [items[parent], items[i]] = [items[i], items[parent]];
      i = parent;
    }
  }

  peek(): { at: number; key: string } | undefined {
    return this.items[0];
  }

  pop(): { at: number; key: string } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last) {
      items[0] = last;
      this.siftDown(0);
    }
    return top;
  }

  /** Drops every item whose key `keep` refuses, in one pass, and restores the heap order. */
  retain(keep: (key: string) => boolean): void {
    this.items = this.items.filter((item) => keep(item.key));
    for (let i = (this.items.length >> 1) - 1; i >= 0; i--) this.siftDown(i);
  }

  private siftDown(from: number): void {
    const items = this.items;
    let i = from;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < items.length && items[l].at < items[m].at) m = l;
      if (r < items.length && items[r].at < items[m].at) m = r;
      if (m === i) break;
      [items[m], items[i]] = [items[i], items[m]];
      i = m;
    }
  }
}
