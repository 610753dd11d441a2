import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { EventStore } from '@app/event-store';
import { EVENT_STORE } from '../infrastructure/tokens';

@Controller('health')
export class HealthController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** 200 while the event store answers; 503 with the reason when it does not. */
  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply): Promise<Record<string, string>> {
    try {
      await this.store.ping();
      return { status: 'ok', store: this.store.kind };
    } catch (error) {
      reply.status(503);
      return { status: 'unavailable', store: this.store.kind, error: error instanceof Error ? error.message : String(error) };
    }
  }
}
