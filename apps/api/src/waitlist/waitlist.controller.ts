import { Body, Controller, Delete, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { CurrentCustomer, CustomerGuard } from '../auth/guards';
import { ApiError } from '../http/apiError';
import { RateLimitGuard } from '../security/rateLimit.guard';
import { JoinWaitlistCommand, LeaveWaitlistCommand } from './commands/waitlistCommands';
import { JoinWaitlistDto } from './dto/joinWaitlist.dto';
import { GetWaitlistEntryQuery } from './queries/getWaitlistEntry';
import type { WaitlistEntryView, WaitlistJoinedView } from './waitlistService';

const ID = /^[A-Za-z0-9_-]{1,80}$/;

function id(value: string, field: string): string {
  if (!ID.test(value)) throw new ApiError(400, 'invalid_request', `${field} is not a valid id`, { field });
  return value;
}

@Controller('v1')
@UseGuards(CustomerGuard)
export class WaitlistController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('shows/:showId/waitlist')
  @HttpCode(201)
  @UseGuards(RateLimitGuard)
  join(@CurrentCustomer() customerId: string, @Param('showId') showId: string, @Body() body: JoinWaitlistDto): Promise<WaitlistJoinedView> {
    const request = { quantity: body.quantity, ...(body.tier ? { tier: body.tier } : {}), ...(body.section ? { section: body.section } : {}) };
    return this.commands.execute(new JoinWaitlistCommand(customerId, id(showId, 'showId'), request));
  }

  @Get('waitlist/:entryId')
  entry(@CurrentCustomer() customerId: string, @Param('entryId') entryId: string): Promise<WaitlistEntryView> {
    return this.queries.execute(new GetWaitlistEntryQuery(customerId, id(entryId, 'entryId')));
  }

  @Delete('waitlist/:entryId')
  @HttpCode(204)
  @UseGuards(RateLimitGuard)
  async leave(@CurrentCustomer() customerId: string, @Param('entryId') entryId: string): Promise<void> {
    await this.commands.execute(new LeaveWaitlistCommand(customerId, id(entryId, 'entryId')));
  }
}
