import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { CatalogQueries, ReadDatabase, SalesOverTimeQuery, type SalesOverTime } from '@app/read-models';
import { AdminGuard } from '../auth/guards';
import { AppError } from '../application/appError';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';


/** The admin page's sales chart: tickets sold per minute (or hour, or day) of a show. */
@Controller('v1/audit/shows')
@UseGuards(AdminGuard)
export class SalesOverTimeController {
  private query: SalesOverTimeQuery | undefined;

  constructor(
    private readonly readDb: ReadDatabase,
    private readonly catalog: CatalogQueries,
  ) {}

  @Get(':showId/sales-over-time')
  @Endpoint({ summary: 'Tickets sold per time bucket', caller: 'admin', answer: api.SalesOverTime, errors: [400, 404] })
  salesOverTime(@Param('showId') showId: string): SalesOverTime {
    pathId(showId, 'showId');
    if (!this.catalog.showExists(showId)) throw new AppError('not_found', `Show ${showId} does not exist`, { id: showId });
    // Prepared on first use: the projections create the sales table when the app starts.
    this.query ??= new SalesOverTimeQuery(this.readDb.reader);
    return this.query.run(showId);
  }
}
