import { composeReports, suppressBreakdown, suppressReport, type CountedCell, type PublishedCell } from './suppression';

const cell = (key: string, buyers: number, tickets = buyers * 2, revenue = tickets * 1_000, orders = buyers): CountedCell => ({ key, buyers, tickets, revenue, orders });
const shown = (cells: PublishedCell[]) => cells.filter((c) => !c.suppressed).map((c) => c.key);
const hidden = (cells: PublishedCell[]) => cells.filter((c) => c.suppressed).map((c) => c.key);

describe('suppressing a breakdown: no cell of fewer than k buyers, and none recoverable from the total', () => {
  it('publishes every cell when each has at least k buyers', () => {
    const published = suppressBreakdown([cell('vip', 10), cell('standard', 40)], 10);
    expect(published).toEqual([
      { key: 'vip', suppressed: false, tickets: 20, revenue: 20_000, orders: 10 },
      { key: 'standard', suppressed: false, tickets: 80, revenue: 80_000, orders: 40 },
    ]);
  });

  it('withholds a cell of fewer than k buyers, and the smallest other cell with it, so the total minus the rest is not that cell', () => {
    const published = suppressBreakdown([cell('vip', 3), cell('standard', 40), cell('balcony', 12), cell('box', 25)], 10);
    expect(hidden(published)).toEqual(['vip', 'balcony']);
    expect(shown(published)).toEqual(['standard', 'box']);
    expect(published.find((c) => c.key === 'vip')).toEqual({ key: 'vip', suppressed: true });
  });

  it('withholds one large cell besides several small ones, since small cells together may still be few buyers', () => {
    // Two small cells together are still small: the smallest large cell goes with them.
    const published = suppressBreakdown([cell('a', 2), cell('b', 5), cell('c', 11), cell('d', 50)], 10);
    expect(hidden(published)).toEqual(['a', 'b', 'c']);
  });

  it('withholds every cell when none has k buyers', () => {
    expect(hidden(suppressBreakdown([cell('a', 9), cell('b', 9)], 10))).toEqual(['a', 'b']);
  });

  it('breaks ties between equally small large cells by tickets, then key, so the same figures always give the same answer', () => {
    const published = suppressBreakdown([cell('z', 1), cell('y', 20, 30), cell('x', 20, 30), cell('w', 20, 25)], 10);
    expect(hidden(published)).toEqual(['z', 'w']);
    const tie = suppressBreakdown([cell('z', 1), cell('y', 20, 30), cell('x', 20, 30)], 10);
    expect(hidden(tie)).toEqual(['z', 'x']);
  });

  it('follows k: the same cells under a larger k withhold more', () => {
    const cells = [cell('a', 12), cell('b', 30), cell('c', 60)];
    expect(hidden(suppressBreakdown(cells, 10))).toEqual([]);
    expect(hidden(suppressBreakdown(cells, 20))).toEqual(['a', 'b']);
    expect(hidden(suppressBreakdown(cells, 61))).toEqual(['a', 'b', 'c']);
  });

  it('never leaves a withheld cell that the total minus the published cells would give back alone', () => {
    // Every breakdown of up to 6 cells with buyers from 1 to 25: what is withheld is either
    // nothing, or at least two cells of which at least one has k buyers.
    const k = 10;
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31), seed % n);
    for (let run = 0; run < 2_000; run++) {
      const cells = Array.from({ length: 1 + random(6) }, (_, i) => cell(`c${i}`, 1 + random(25)));
      const published = suppressBreakdown(cells, k);
      const withheld = cells.filter((c) => hidden(published).includes(c.key));
      for (const c of cells) if (c.buyers < k) expect(hidden(published)).toContain(c.key);
      if (withheld.length > 0 && withheld.length < cells.length) {
        expect(withheld.length).toBeGreaterThanOrEqual(2);
        expect(Math.max(...withheld.map((c) => c.buyers))).toBeGreaterThanOrEqual(k);
      }
    }
  });
});

describe('suppressing a report', () => {
  it('withholds the total and every cell of a show with fewer than k buyers in all', () => {
    const report = suppressReport({ total: cell('total', 9), breakdowns: { tier: [cell('vip', 9)], hour: [cell('20:00', 4), cell('21:00', 5)] } }, 10);
    expect(report.total).toEqual({ key: 'total', suppressed: true });
    expect(hidden(report.breakdowns.tier)).toEqual(['vip']);
    expect(hidden(report.breakdowns.hour)).toEqual(['20:00', '21:00']);
  });

  it('publishes the total of k buyers and suppresses each breakdown on its own', () => {
    const report = suppressReport({ total: cell('total', 45), breakdowns: { tier: [cell('vip', 5), cell('standard', 40)], region: [cell('eu', 45)] } }, 10);
    expect(report.total).toMatchObject({ suppressed: false, tickets: 90 });
    expect(hidden(report.breakdowns.tier)).toEqual(['vip', 'standard']);
    expect(shown(report.breakdowns.region)).toEqual(['eu']);
  });
});

describe("composing an event's report from its shows' published reports", () => {
  const k = 10;
  const night1 = suppressReport({ total: cell('total', 60), breakdowns: { tier: [cell('vip', 20), cell('standard', 40)] } }, k);
  const night2 = suppressReport({ total: cell('total', 52), breakdowns: { tier: [cell('vip', 3), cell('standard', 30), cell('box', 19)] } }, k);
  const tiny = suppressReport({ total: cell('total', 4), breakdowns: { tier: [cell('vip', 4)] } }, k);

  it('adds up cells every show publishes, and withholds a key any show withholds, so no show cell can be recovered by subtraction', () => {
    const event = composeReports([{ showId: 'n1', report: night1 }, { showId: 'n2', report: night2 }], ['tier']);
    expect(event.breakdowns.tier).toEqual([
      { key: 'vip', suppressed: true },
      { key: 'standard', suppressed: false, tickets: 140, revenue: 140_000, orders: 70 },
      { key: 'box', suppressed: true },
    ]);
    expect(event.total).toMatchObject({ suppressed: false, tickets: 224 });
    expect(event.included).toEqual(['n1', 'n2']);
  });

  it('leaves out a show whose own total is withheld, and says so', () => {
    const event = composeReports([{ showId: 'n1', report: night1 }, { showId: 'tiny', report: tiny }], ['tier']);
    expect(event.leftOut).toEqual(['tiny']);
    expect(event.total).toMatchObject({ suppressed: false, tickets: 120 });
    expect(shown(event.breakdowns.tier)).toEqual(['vip', 'standard']);
  });

  it('withholds the total of an event none of whose shows may be shown', () => {
    const event = composeReports([{ showId: 'tiny', report: tiny }], ['tier']);
    expect(event.total).toEqual({ key: 'total', suppressed: true });
    expect(event.breakdowns.tier).toEqual([]);
  });
});
