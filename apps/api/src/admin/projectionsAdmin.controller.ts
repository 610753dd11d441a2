import { Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { RebuildRefused, type ProjectionStatus, type RebuildStarted } from '@app/read-models';
import { AdminGuard } from '../auth/guards';
import { AppError } from '../application/appError';
import { ProjectionsService } from '../projections/projections.service';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';

const NAME = /^[a-z][a-z0-9_]{0,63}$/;

const REFUSAL_CODE = { unknown: 'not_found', rebuilding: 'rebuild_in_progress', not_rebuildable: 'not_rebuildable' } as const;

/** Operators watch the read models and rebuild them from the log without taking reads down. */
@Controller('v1/admin/projections')
@UseGuards(AdminGuard)
export class ProjectionsAdminController {
  constructor(private readonly projections: ProjectionsService) {}

  /** Every projection: its checkpoint, how far behind the log it is, and whether it is being rebuilt. */
  @Get()
  @Endpoint({ summary: 'The read models: position, lag and state of each projection', caller: 'admin', answer: api.ProjectionStatuses })
  list(): Promise<ProjectionStatus[]> {
    return this.projections.status();
  }

  /**
   * Builds a new copy of the projection (`all`: of every projection, in one pass over
   * the log) beside the live one and swaps it in when it has caught up; reads go on
   * meanwhile. Answers at once; follow the progress with `GET /v1/admin/projections`.
   */
  @Post(':name/rebuild')
  @Endpoint({ summary: 'Rebuild a projection (or all) beside the live tables and swap it in', caller: 'admin', status: 202, answer: api.RebuildStarted, errors: [400, 404, 409] })
  @HttpCode(202)
  rebuild(@Param('name') name: string): RebuildStarted {
    if (!NAME.test(name)) throw new AppError('not_found', `There is no projection named ${name.slice(0, 80)}`);
    try {
      const { names } = this.projections.startRebuild(name);
      return { name, status: 'rebuilding', projections: names };
    } catch (error) {
      if (error instanceof RebuildRefused) {
        throw new AppError(REFUSAL_CODE[error.reason], error.message, { projection: error.projection });
      }
      throw error;
    }
  }
}
