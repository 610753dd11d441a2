import { ExpiryQueue } from './expiryQueue';
import type { Hold } from './holdRecord';

const hold = (holdId: string, expiresAt: number): Hold => ({ holdId, customerId: 'c', units: [0], heldAt: '', expiresAt, status: 'active' });

describe('ExpiryQueue', () => {
  it('lists the active holds due at a time, earliest first, whatever order they came in', () => {
    const queue = new ExpiryQueue();
    const holds = [hold('d', 40), hold('a', 10), hold('c', 30), hold('b', 20), hold('e', 50)];
    holds.forEach((h) => queue.push(h));
    expect(queue.due(30).map((h) => h.holdId)).toEqual(['a', 'b', 'c']);
    expect(queue.hasDue(9)).toBe(false);
    expect(queue.hasDue(10)).toBe(true);
  });

  it('skips ended holds, also those still inside the heap', () => {
    const queue = new ExpiryQueue();
    const holds = [hold('a', 10), hold('b', 20), hold('c', 30)];
    holds.forEach((h) => queue.push(h));
    holds[0].status = 'sold';
    holds[1].status = 'released';
    queue.prune();
    expect(queue.due(100).map((h) => h.holdId)).toEqual(['c']);
    expect(queue.active().map((h) => h.holdId)).toEqual(['c']);
    holds[2].status = 'expired';
    expect(queue.hasDue(100)).toBe(false);
  });

  it('orders holds expiring at the same instant by holdId', () => {
    const queue = new ExpiryQueue();
    ['z', 'm', 'a'].forEach((id) => queue.push(hold(id, 10)));
    expect(queue.due(10).map((h) => h.holdId)).toEqual(['a', 'm', 'z']);
  });
});
