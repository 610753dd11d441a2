import { Body, Controller, Get, Headers, HttpCode, Ip, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import * as api from '@app/contracts';
import { AppError } from '../application/appError';
import { AdminGuard, CurrentCustomer, CustomerGuard } from '../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../auth/staff';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';
import { PostHolderMessageCommand } from './commands/postHolderMessage.command';
import { HolderUpdatesHub } from './holderUpdatesHub';
import { PostHolderMessageDto } from './postHolderMessage.dto';
import { ListMyMessagesQuery } from './queries/listMyMessages.query';
import { ListShowMessagesQuery } from './queries/listShowMessages.query';

function idempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !/^[\x21-\x7e]{1,100}$/.test(key)) {
    throw new AppError('invalid_request', 'Idempotency-Key must be 1 to 100 visible ASCII characters', { field: 'Idempotency-Key' });
  }
  return key;
}

/** Messages to ticket holders: written by the show's staff, read by its holders. */
@Controller('v1')
export class HolderMessagesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly hub: HolderUpdatesHub,
  ) {}

  @Post('admin/shows/:showId/messages')
  @Endpoint({
    summary: "Write to the show's ticket holders (all, or one tier's): shown on their orders, pushed live, emailed",
    caller: 'admin',
    roles: ['event_manager'],
    status: 201,
    body: api.PostHolderMessageRequest,
    answer: api.ShowMessage,
    errors: [404],
    idempotent: true,
  })
  @HttpCode(201)
  @UseGuards(AdminGuard)
  @Roles('event_manager')
  post(@CurrentStaff() staff: Staff, @Param('showId') showId: string, @Body() body: PostHolderMessageDto, @Headers('idempotency-key') key: string | undefined): Promise<api.ShowMessage> {
    const message = { subject: body.subject, body: body.body, ...(body.tier !== undefined ? { tier: body.tier } : {}) };
    return this.commands.execute(new PostHolderMessageCommand(staff, pathId(showId, 'showId'), message, idempotencyKey(key)));
  }

  @Get('admin/shows/:showId/messages')
  @Endpoint({ summary: "The show's messages to its holders, newest first, with their email delivery", caller: 'admin', roles: ['event_manager'], answer: api.ShowMessagesPage, errors: [400, 404] })
  @UseGuards(AdminGuard)
  @Roles('event_manager')
  list(@CurrentStaff() staff: Staff, @Param('showId') showId: string): Promise<api.ShowMessagesPage> {
    return this.queries.execute(new ListShowMessagesQuery(staff, pathId(showId, 'showId')));
  }

  @Get('customers/me/messages')
  @Endpoint({ summary: 'Messages to the customer as a ticket holder, newest first', caller: 'customer', answer: api.HolderMessagesPage })
  @UseGuards(CustomerGuard)
  mine(@CurrentCustomer() customerId: string): Promise<api.HolderMessagesPage> {
    return this.queries.execute(new ListMyMessagesQuery(customerId));
  }

  @Get('customers/me/updates')
  @Endpoint({ summary: "The customer's own live feed (Server-Sent Events): `message` when its shows' organisers write to their holders", caller: 'customer', answer: 'events', errors: [429] })
  @UseGuards(CustomerGuard)
  updates(@CurrentCustomer() customerId: string, @Ip() address: string, @Res() reply: FastifyReply): void {
    this.hub.connect(customerId, reply, address);
  }
}
