import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { AdminGuard } from '../auth/guards';
import { ApiError } from '../http/apiError';
import { ReadDatabase } from '../infrastructure/readDatabase';
import { SalesOverTimeQuery, type SalesOverTime } from './salesOverTime';

const ID = /^[A-Za-z0-9_-]{1,80}$/;

/** The admin page's sales chart: tickets sold per minute (or hour, or day) of a show. */
@Controller('v1/audit/shows')
@UseGuards(AdminGuard)
export class SalesOverTimeController {
  private query: SalesOverTimeQuery | undefined;
  private shows: ReturnType<ReadDatabase['reader']['prepare']> | undefined;

  constructor(private readonly readDb: ReadDatabase) {}

  @Get(':showId/sales-over-time')
  salesOverTime(@Param('showId') showId: string): SalesOverTime {
    if (!ID.test(showId)) throw new ApiError(400, 'invalid_request', 'showId is not a valid id', { field: 'showId' });
    // Prepared on first use: the projections create these tables when the app starts.
    this.shows ??= this.readDb.reader.prepare('SELECT 1 FROM catalog_shows WHERE id = ?');
    if (!this.shows.get(showId)) throw new ApiError(404, 'not_found', `Show ${showId} does not exist`, { id: showId });
    this.query ??= new SalesOverTimeQuery(this.readDb.reader);
    return this.query.run(showId);
  }
}
