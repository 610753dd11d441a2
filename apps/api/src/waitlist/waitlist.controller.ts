import { ApiHeader } from '@nestjs/swagger';
import { QueuePassGuard } from '../onsale/queuePass.guard';
import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentCustomer, CustomerGuard } from '../auth/guards';
import { RateLimitGuard } from '../security/rateLimit.guard';
import { JoinWaitlistCommand } from './commands/joinWaitlist.command';
import { LeaveWaitlistCommand } from './commands/leaveWaitlist.command';
import { JoinWaitlistDto } from './dto/joinWaitlist.dto';
import { GetWaitlistEntryQuery } from './queries/getWaitlistEntry.query';
import type { WaitlistEntryView, WaitlistJoinedView } from './waitlistTypes';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';



@Controller('v1')
@UseGuards(CustomerGuard)
export class WaitlistController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('shows/:showId/waitlist')
  @Endpoint({
    summary: 'Wait in line for a sold-out show',
    description: 'On a hot on-sale, like a hold: send the queue pass as `Queue-Pass` (403 queue_pass_required or queue_pass_invalid without a valid one of your own).',
    caller: 'customer',
    status: 201,
    body: api.JoinWaitlistRequest,
    answer: api.WaitlistJoined,
    errors: [403, 404, 409, 422, 429],
  })
  @ApiHeader({ name: 'Queue-Pass', required: false, description: 'The pass from GET /v1/shows/{showId}/waiting-room once admitted (hot on-sales only)', schema: { type: 'string', maxLength: 1000 } })
  @HttpCode(201)
  @UseGuards(RateLimitGuard, QueuePassGuard)
  join(@CurrentCustomer() customerId: string, @Param('showId') showId: string, @Body() body: JoinWaitlistDto): Promise<WaitlistJoinedView> {
    const request = { quantity: body.quantity, ...(body.tier ? { tier: body.tier } : {}), ...(body.section ? { section: body.section } : {}) };
    return this.commands.execute(new JoinWaitlistCommand(customerId, pathId(showId, 'showId'), request));
  }

  @Get('waitlist/:entryId')
  @Endpoint({ summary: 'A waiting-line entry: status, position, offered hold', caller: 'customer', answer: api.WaitlistEntry, errors: [400, 404] })
  entry(@CurrentCustomer() customerId: string, @Param('entryId') entryId: string): Promise<WaitlistEntryView> {
    return this.queries.execute(new GetWaitlistEntryQuery(customerId, pathId(entryId, 'entryId')));
  }

  @Delete('waitlist/:entryId')
  @Endpoint({ summary: 'Leave the waiting line', caller: 'customer', errors: [400, 404, 409, 429] })
  @HttpCode(204)
  @UseGuards(RateLimitGuard)
  async leave(@CurrentCustomer() customerId: string, @Param('entryId') entryId: string): Promise<void> {
    await this.commands.execute(new LeaveWaitlistCommand(customerId, pathId(entryId, 'entryId')));
  }
}
