import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@app/config';
import { composeReports, suppressReport, type PublishedCell, type PublishedReport } from '@app/domain';
import { ANALYTICS_DIMENSIONS, SalesAnalyticsQueries, type AnalyticsDimension, type AnalyticsShow } from '@app/read-models';
import type { AnalyticsCell, SalesAnalytics } from '@app/contracts';
import { APP_CONFIG } from '../infrastructure/tokens';

/**
 * Partner analytics of a show or an event: the counted cells of the read model put through
 * the suppression rules (libs/domain), and nothing else. An event's report is made from its
 * shows' published reports, never from its own counts.
 */
@Injectable()
export class SalesAnalyticsReport {
  private readonly k: number;

  constructor(
    private readonly queries: SalesAnalyticsQueries,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.k = config.analyticsMinBuyers;
  }

  /** `show` may be missing from the read model for the moment after it was scheduled: it has sold nothing yet. */
  ofShow(showId: string, dimensions: readonly AnalyticsDimension[]): SalesAnalytics {
    const show = this.queries.show(showId);
    const report = this.published(showId);
    return this.answer('show', showId, report, { shows: [showId], leftOut: [], currency: show?.currency || null, timeZone: show?.timeZone ?? null }, dimensions);
  }

  ofEvent(eventId: string, dimensions: readonly AnalyticsDimension[]): SalesAnalytics {
    const shows = this.queries.eventShows(eventId);
    const composed = composeReports(
      shows.map((show) => ({ showId: show.showId, report: this.published(show.showId) })),
      ANALYTICS_DIMENSIONS,
    );
    const counted = shows.filter((show) => composed.included.includes(show.showId));
    return this.answer('event', eventId, composed, { shows: composed.included, leftOut: composed.leftOut, currency: common(counted, 'currency'), timeZone: common(counted, 'timeZone') }, dimensions);
  }

  private published(showId: string): PublishedReport<AnalyticsDimension> {
    return suppressReport(this.queries.counted(showId), this.k);
  }

  private answer(
    scope: 'show' | 'event',
    id: string,
    report: PublishedReport<AnalyticsDimension>,
    about: { shows: string[]; leftOut: string[]; currency: string | null; timeZone: string | null },
    dimensions: readonly AnalyticsDimension[],
  ): SalesAnalytics {
    const cell = (c: PublishedCell): AnalyticsCell => {
      if (c.suppressed) return { key: c.key, suppressed: true };
      return { key: c.key, suppressed: false, tickets: c.tickets, ...(about.currency !== null ? { revenue: c.revenue } : {}), orders: c.orders };
    };
    const breakdowns: SalesAnalytics['breakdowns'] = {};
    for (const dimension of dimensions) breakdowns[dimension] = report.breakdowns[dimension].map(cell);
    return { scope, id, ...about, minBuyers: this.k, total: cell(report.total), breakdowns };
  }
}

/** The one value every show has, or null when they differ (or there are none). */
function common(shows: AnalyticsShow[], field: 'currency' | 'timeZone'): string | null {
  const values = new Set(shows.map((show) => show[field]));
  return values.size === 1 ? [...values][0] || null : null;
}
