import { DeadlineTimer } from './deadlineTimer';
import { TimerHeap } from './timerHeap';

interface Entry {
  key: string;
  due: number;
}

describe('TimerHeap', () => {
  it('pops in due-time order after retain has dropped items and rebuilt the heap', () => {
    const heap = new TimerHeap();
    const times = Array.from({ length: 500 }, (_, i) => (i * 7919) % 1_000);
    times.forEach((at, i) => heap.push(at, `k${i}`));
    heap.retain((key) => Number(key.slice(1)) % 3 !== 0);
    const popped: number[] = [];
    for (let item = heap.pop(); item; item = heap.pop()) popped.push(item.at);
    const expected = times.filter((_, i) => i % 3 !== 0).sort((a, b) => a - b);
    expect(popped).toEqual(expected);
  });
});

describe('DeadlineTimer', () => {
  const start = Date.UTC(2027, 0, 1);
  let fired: string[];
  let timer: DeadlineTimer<Entry>;

  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    fired = [];
    timer = new DeadlineTimer<Entry>(
      (entry) => entry.due,
      async (entry) => {
        fired.push(entry.key);
        timer.delete(entry.key);
      },
    );
    timer.start();
  });

  afterEach(() => {
    timer.stop();
    jest.useRealTimers();
  });

  it('hands each entry over once, when it falls due, earliest first', async () => {
    timer.set('late', { key: 'late', due: start + 3_000 });
    timer.set('early', { key: 'early', due: start + 1_000 });
    await jest.advanceTimersByTimeAsync(999);
    expect(fired).toEqual([]);
    await jest.advanceTimersByTimeAsync(1);
    expect(fired).toEqual(['early']);
    await jest.advanceTimersByTimeAsync(5_000);
    expect(fired).toEqual(['early', 'late']);
    expect(timer.size).toBe(0);
  });

  it('drops the queued items of settled entries, so entries settled long before they fall due do not pile up', async () => {
    // As in an on-sale: every hold is tracked, then rescheduled once, and nearly all are bought (settled) at once.
    const held = 20_000;
    for (let i = 0; i < held; i++) {
      timer.set(`h${i}`, { key: `h${i}`, due: start + 600_000 });
      timer.reschedule(`h${i}`);
    }
    for (let i = 0; i < held; i++) if (i % 1_000 !== 0) timer.delete(`h${i}`);
    expect(timer.size).toBe(20);
    // Two items per hold were queued: without compaction all 40,000 would wait ten minutes.
    expect(timer.queued).toBeLessThanOrEqual(4_096 + 1);
    await jest.advanceTimersByTimeAsync(600_000);
    expect(fired.sort()).toEqual(Array.from({ length: 20 }, (_, i) => `h${i * 1_000}`).sort());
  });

  it('keeps a retry time through a compaction: a failed entry is not handed back before it', async () => {
    let attempts = 0;
    timer = new DeadlineTimer<Entry>(
      (entry) => entry.due,
      async (entry) => {
        attempts++;
        fired.push(entry.key);
        if (attempts === 1) timer.retryAt(entry.key, Date.now() + 60_000);
        else timer.delete(entry.key);
      },
    );
    timer.start();
    timer.set('failing', { key: 'failing', due: start + 1_000 });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(fired).toEqual(['failing']);
    // Enough settled entries to compact the heap while the failed one waits for its retry.
    for (let i = 0; i < 10_000; i++) timer.set(`s${i}`, { key: `s${i}`, due: start + 900_000 });
    for (let i = 0; i < 10_000; i++) timer.delete(`s${i}`);
    expect(timer.queued).toBeLessThan(10_000);
    await jest.advanceTimersByTimeAsync(59_999);
    expect(fired).toEqual(['failing']);
    await jest.advanceTimersByTimeAsync(1);
    expect(fired).toEqual(['failing', 'failing']);
    expect(timer.size).toBe(0);
  });
});
