import { Controller, Get, Headers, Ip, Param, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CurrentCustomer, CustomerGuard } from '../auth/guards';
import { AppError } from '../application/appError';
import { TokenService } from '../auth/tokenService';
import { ShowUpdatesHub } from './shows/showUpdatesHub';
import { parseLastEventId } from './sse/sseMessage';
import { WaitlistUpdatesHub } from './waitlist/waitlistUpdatesHub';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';



function lastEventId(header: string | undefined): bigint | undefined {
  const position = parseLastEventId(header);
  if (position === null) throw new AppError('invalid_request', 'Last-Event-ID must be an id this stream sent (a log position)', { field: 'Last-Event-ID' });
  return position;
}

/**
 * Server-Sent Events. The reply is hijacked and written raw rather than going through
 * `@Sse()`: a stream here needs a bounded buffer that ends with a `reload` message,
 * one message formatted once for thousands of clients, and a replay that goes at the
 * client's pace; Nest's SSE pipeline buffers per client and can only drop a slow one.
 */
@Controller('v1')
export class LiveController {
  constructor(
    private readonly shows: ShowUpdatesHub,
    private readonly waitlist: WaitlistUpdatesHub,
    private readonly tokens: TokenService,
  ) {}

  @Get('shows/:showId/updates')
  @Endpoint({
    summary: "A show's seats and counts, live (Server-Sent Events)",
    description: 'At most LIVE_STREAMS_PER_ADDRESS open streams per address, and LIVE_STREAMS_PER_CUSTOMER per customer when a customer token is sent; beyond: 429 too_many_listeners with Retry-After.',
    caller: 'anyone',
    answer: 'events',
    errors: [400, 404, 429],
  })
  showUpdates(
    @Param('showId') showId: string,
    @Headers('last-event-id') lastEvent: string | undefined,
    @Headers('authorization') authorization: string | undefined,
    @Ip() address: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    // Anyone may watch; a customer token, when sent, also counts the stream against that customer.
    const token = /^Bearer (\S{1,600})$/.exec(authorization?.trim() ?? '')?.[1];
    const customerId = token ? this.tokens.verifyCustomer(token) : undefined;
    return this.shows.connect(pathId(showId, 'showId'), lastEventId(lastEvent), reply, { address, ...(customerId ? { customerId } : {}) });
  }

  @Get('waitlist/:entryId/updates')
  @Endpoint({ summary: "A waiting-line entry's story, live (Server-Sent Events)", caller: 'customer', answer: 'events', errors: [400, 404, 429] })
  @UseGuards(CustomerGuard)
  waitlistUpdates(
    @CurrentCustomer() customerId: string,
    @Param('entryId') entryId: string,
    @Headers('last-event-id') lastEvent: string | undefined,
    @Ip() address: string,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    return this.waitlist.connect(customerId, pathId(entryId, 'entryId'), lastEventId(lastEvent), reply, address);
  }
}
