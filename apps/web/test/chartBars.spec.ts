import { barsFor } from '../src/admin/chartBars';

const minute = (i: number) => new Date(Date.parse('2027-01-01T10:00:00Z') + i * 60_000).toISOString();

describe('the sales chart bars', () => {
  it('draws one bucket as one slim bar in the middle, not a block across the chart', () => {
    const [bar, ...rest] = barsFor([{ at: minute(0), sold: 3 }], 60, 600, 160);
    expect(rest).toEqual([]);
    expect(bar.width).toBeLessThanOrEqual(24);
    expect(bar.x).toBeGreaterThan(250);
    expect(bar.x + bar.width).toBeLessThan(350);
    expect(bar.height).toBeGreaterThan(100);
  });

  it('fits a thousand buckets inside the chart, each at least a pixel wide, none overlapping, in time order', () => {
    const buckets = Array.from({ length: 1_000 }, (_, i) => ({ at: minute(i), sold: 1 + (i % 7) }));
    const bars = barsFor(buckets, 60, 600, 160);
    expect(bars).toHaveLength(1_000);
    for (const [i, bar] of bars.entries()) {
      expect(bar.width).toBeGreaterThanOrEqual(0.5);
      expect(bar.x).toBeGreaterThanOrEqual(0);
      expect(bar.x + bar.width).toBeLessThanOrEqual(600 + 1e-9);
      if (i > 0) expect(bar.x).toBeGreaterThanOrEqual(bars[i - 1].x + bars[i - 1].width - 1e-9);
    }
    // The tallest bucket (7 sold) reaches the top; the smallest (1) is a seventh of it.
    expect(Math.max(...bars.map((b) => b.height))).toBeCloseTo(146);
    expect(bars[0].height).toBeCloseTo(146 / 7);
  });

  it('leaves a gap where no ticket sold, at the bucket width', () => {
    const bars = barsFor([{ at: minute(0), sold: 1 }, { at: minute(30), sold: 1 }], 60, 600, 160);
    const slot = 600 / 31;
    expect(bars[1].x - bars[0].x).toBeCloseTo(30 * slot);
  });
});
