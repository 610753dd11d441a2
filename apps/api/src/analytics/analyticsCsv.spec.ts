import type { SalesAnalytics } from '@app/contracts';
import { analyticsCsv } from './analyticsCsv';

const report: SalesAnalytics = {
  scope: 'show',
  id: 'show-1',
  shows: ['show-1'],
  leftOut: [],
  minBuyers: 10,
  currency: 'EUR',
  timeZone: 'Europe/Amsterdam',
  total: { key: 'total', suppressed: false, tickets: 30, revenue: 90_000, orders: 12 },
  breakdowns: {
    tier: [
      { key: '-vip', suppressed: true },
      { key: 'standard', suppressed: false, tickets: 25, revenue: 75_000, orders: 11 },
    ],
  },
};

describe('analytics as CSV', () => {
  it('has a header, the total, then every cell, withheld cells with empty figures', () => {
    expect(analyticsCsv(report).split('\r\n')).toEqual([
      'dimension,key,tickets,revenue,currency,orders,suppressed',
      'total,total,30,90000,EUR,12,false',
      "tier,'-vip,,,,,true",
      'tier,standard,25,75000,EUR,11,false',
      '',
    ]);
  });

  it('leaves revenue and currency empty when the figures mix currencies', () => {
    const mixed: SalesAnalytics = { ...report, currency: null, total: { key: 'total', suppressed: false, tickets: 30, orders: 12 }, breakdowns: {} };
    expect(analyticsCsv(mixed).split('\r\n')[1]).toBe('total,total,30,,,12,false');
  });
});
