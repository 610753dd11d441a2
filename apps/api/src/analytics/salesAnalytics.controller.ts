import { Controller, Get, Param, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import * as api from '@app/contracts';
import { ANALYTICS_DIMENSIONS, type AnalyticsDimension } from '@app/read-models';
import { AppError } from '../application/appError';
import { AdminGuard } from '../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../auth/staff';
import { StaffScope } from '../catalog/staffScope';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';
import { analyticsCsv } from './analyticsCsv';
import { SalesAnalyticsReport } from './salesAnalyticsReport';

const ROLES = ['event_manager', 'auditor'] as const;
const CSV = 'With format=csv: `dimension,key,tickets,revenue,currency,orders,suppressed`, the total first, then each breakdown';

/**
 * Aggregated sales for partners: no customer, order, hold or ticket id, and no cell of fewer
 * than `ANALYTICS_MIN_BUYERS` buyers. Auditors and event managers see their organisation's
 * shows and events (another's answer 404, like missing ones); admins see all.
 */
@Controller('v1/analytics')
@UseGuards(AdminGuard)
@Roles(...ROLES)
export class SalesAnalyticsController {
  constructor(
    private readonly scope: StaffScope,
    private readonly report: SalesAnalyticsReport,
  ) {}

  @Get('shows/:showId')
  @Endpoint({
    summary: "A show's sales by tier, hour, region and order size, small cells suppressed",
    caller: 'admin',
    roles: [...ROLES],
    query: api.AnalyticsQuery,
    answer: api.SalesAnalytics,
    csv: CSV,
    errors: [400, 404],
  })
  async show(@CurrentStaff() staff: Staff, @Param('showId') showId: string, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<api.SalesAnalytics | string> {
    const { format, dimensions } = parseQuery(query);
    await this.scope.show(staff, pathId(showId, 'showId'));
    return answer(this.report.ofShow(showId, dimensions), format, reply);
  }

  @Get('events/:eventId')
  @Endpoint({
    summary: "An event's sales over all its shows, made from the shows' own suppressed figures",
    caller: 'admin',
    roles: [...ROLES],
    query: api.AnalyticsQuery,
    answer: api.SalesAnalytics,
    csv: CSV,
    errors: [400, 404],
  })
  async event(@CurrentStaff() staff: Staff, @Param('eventId') eventId: string, @Query() query: unknown, @Res({ passthrough: true }) reply: FastifyReply): Promise<api.SalesAnalytics | string> {
    const { format, dimensions } = parseQuery(query);
    await this.scope.event(staff, pathId(eventId, 'eventId'));
    return answer(this.report.ofEvent(eventId, dimensions), format, reply);
  }
}

/** The query as the contract states it; a 400 names the first field it refuses. */
function parseQuery(query: unknown): { format: 'json' | 'csv'; dimensions: AnalyticsDimension[] } {
  const parsed = api.AnalyticsQuery.safeParse(query ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue.code === 'unrecognized_keys' ? issue.keys[0] : String(issue.path[0] ?? 'query');
    const expected =
      field === 'format' ? 'json or csv' : field === 'groupBy' ? `one or more of ${ANALYTICS_DIMENSIONS.join(', ')}, separated by commas` : 'nothing: it is not a parameter of this call';
    throw new AppError('invalid_request', `${field.slice(0, 40)} must be ${expected}`, { field: field.slice(0, 40) });
  }
  const named = parsed.data.groupBy?.split(',') as AnalyticsDimension[] | undefined;
  return { format: parsed.data.format ?? 'json', dimensions: named ? ANALYTICS_DIMENSIONS.filter((d) => named.includes(d)) : [...ANALYTICS_DIMENSIONS] };
}

function answer(report: api.SalesAnalytics, format: 'json' | 'csv', reply: FastifyReply): api.SalesAnalytics | string {
  if (format === 'json') return report;
  reply.header('content-type', 'text/csv; charset=utf-8');
  reply.header('content-disposition', `attachment; filename="sales-${report.scope}-${report.id}.csv"`);
  return analyticsCsv(report);
}
