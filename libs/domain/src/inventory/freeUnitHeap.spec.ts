import { FreeUnitHeap } from './freeUnitHeap';

describe('FreeUnitHeap', () => {
  it('reads the k lowest units in ascending order without removing them', () => {
    const heap = new FreeUnitHeap(100);
    for (const unit of [42, 7, 99, 3, 18, 64, 5]) heap.push(unit);
    expect(heap.smallest(4)).toEqual([3, 5, 7, 18]);
    expect(heap.smallest(10)).toEqual([3, 5, 7, 18, 42, 64, 99]);
    expect(heap.length).toBe(7);
  });

  it('removes any unit, wherever it sits, and ignores units it does not hold', () => {
    const heap = new FreeUnitHeap(10);
    for (const unit of [9, 1, 5, 3, 7]) heap.push(unit);
    heap.remove(5);
    heap.remove(1);
    heap.remove(2);
    expect(heap.has(5)).toBe(false);
    expect(heap.smallest(5)).toEqual([3, 7, 9]);
  });

  it('ignores a unit pushed twice', () => {
    const heap = new FreeUnitHeap(10);
    heap.push(4);
    heap.push(4);
    expect(heap.toArray()).toEqual([4]);
  });

  it('agrees with a sorted list over a long random sequence of pushes and removals', () => {
    const size = 500;
    const heap = new FreeUnitHeap(size);
    const reference = new Set<number>();
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let step = 0; step < 20_000; step++) {
      const unit = Math.floor(random() * size);
      if (random() < 0.55) {
        heap.push(unit);
        reference.add(unit);
      } else {
        heap.remove(unit);
        reference.delete(unit);
      }
      if (step % 500 === 0) {
        const sorted = [...reference].sort((a, b) => a - b);
        expect(heap.smallest(17)).toEqual(sorted.slice(0, 17));
        expect(heap.length).toBe(sorted.length);
      }
    }
  });
});
