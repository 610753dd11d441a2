import { Controller, Get, Param, UseGuards } from '@nestjs/common';
import { ReadDatabase, SalesOverTimeQuery, type SalesOverTime } from '@app/read-models';
import { AdminGuard } from '../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../auth/staff';
import { StaffScope } from '../catalog/staffScope';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';


/** The admin page's sales chart: tickets sold per minute (or hour, or day) of a show. */
@Controller('v1/audit/shows')
@UseGuards(AdminGuard)
@Roles('event_manager', 'auditor')
export class SalesOverTimeController {
  private query: SalesOverTimeQuery | undefined;

  constructor(
    private readonly readDb: ReadDatabase,
    private readonly scope: StaffScope,
  ) {}

  @Get(':showId/sales-over-time')
  @Endpoint({ summary: 'Tickets sold per time bucket', caller: 'admin', roles: ['event_manager', 'auditor'], answer: api.SalesOverTime, errors: [400, 404] })
  async salesOverTime(@CurrentStaff() staff: Staff, @Param('showId') showId: string): Promise<SalesOverTime> {
    await this.scope.show(staff, pathId(showId, 'showId'));
    // Prepared on first use: the projections create the sales table when the app starts.
    this.query ??= new SalesOverTimeQuery(this.readDb.reader);
    return this.query.run(showId);
  }
}
