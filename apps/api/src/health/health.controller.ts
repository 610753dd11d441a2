import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore, StoreMember } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';
import { ProjectionsService } from '../projections/projections.service';
import { StoreStatus } from './storeStatus';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';

/** What /health answers, as libs/contracts defines it. */
export type HealthReport = api.Health;

@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionsService,
    private readonly status: StoreStatus,
  ) {}

  /**
   * 200 while the store reads and takes writes; 503 with what is wrong otherwise:
   * `unavailable` when it cannot even be read, `degraded` when reads work (pages are
   * served from the read models) but writes are failing.
   */
  @Get()
  @Endpoint({ summary: 'Whether the store reads and takes writes, and its members', caller: 'anyone', answer: api.Health, alsoAnswers: { 503: api.Health } })
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthReport> {
    const trouble = await this.status.writeTrouble();
    const readModelsAt = this.projections.appliedPosition.toString();
    const cluster = await this.cluster();
    try {
      await this.store.ping();
    } catch (error) {
      reply.status(503);
      return { status: 'unavailable', store: this.store.kind, reads: 'failing', writes: 'failing', error: error instanceof Error ? error.message : String(error), readModelsAt, ...cluster };
    }
    if (trouble) {
      reply.status(503);
      void reply.header('Retry-After', '2');
      return { status: 'degraded', store: this.store.kind, reads: 'ok', writes: 'failing', error: trouble.message, writesFailingSince: trouble.since, readModelsAt, ...cluster };
    }
    return { status: 'ok', store: this.store.kind, reads: 'ok', writes: 'ok', readModelsAt, ...cluster };
  }

  /** Members and leader of a cluster store; nothing for the embedded one, whose file the report need not name. */
  private async cluster(): Promise<Pick<HealthReport, 'members' | 'leader'>> {
    if (this.store.kind === 'embedded') return {};
    const description = await this.store.describe().catch(() => undefined);
    if (!description?.members) return {};
    return { members: description.members, ...(description.leader ? { leader: description.leader } : {}) };
  }
}
