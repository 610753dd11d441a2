import { Body, Controller, Get, HttpCode, Param, Post, Res, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import * as api from '@app/contracts';
import { AdminGuard } from '../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../auth/staff';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';
import { CheckInTicketCommand } from './commands/checkInTicket.command';
import type { CheckInResult } from './commands/checkInTicket.handler';
import { RefundOrderCommand } from './commands/refundOrder.command';
import { CheckInDto } from './dto/checkIn.dto';
import { GetCheckInCountsQuery } from './queries/getCheckInCounts.query';

@Controller('v1')
@UseGuards(AdminGuard)
export class TicketsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('shows/:showId/checkins')
  @Endpoint({
    summary: 'Check a scanned ticket in at a gate',
    description:
      '201 `admitted`: a check-in was written. 200 with `already_admitted` (when and at which gate), `refunded`, `wrong_show` or `invalid_signature`: decided, nothing written. A payload that is not a ticket payload at all is a 400 naming `payload`.',
    caller: 'admin',
    roles: ['gate'],
    status: 201,
    body: api.CheckInRequest,
    answer: api.CheckIn,
    alsoAnswers: { 200: api.CheckIn },
    errors: [404],
  })
  @Roles('gate')
  @HttpCode(201)
  async checkIn(
    @CurrentStaff() staff: Staff,
    @Param('showId') showId: string,
    @Body() body: CheckInDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<api.CheckIn> {
    const result: CheckInResult = await this.commands.execute(new CheckInTicketCommand(staff, pathId(showId, 'showId'), body.payload, body.gate));
    if (!result.written) void reply.status(200);
    return result.answer;
  }

  @Get('shows/:showId/checkins/counts')
  @Endpoint({ summary: "A show's tickets admitted and not yet admitted, live", caller: 'admin', roles: ['gate', 'event_manager', 'auditor'], answer: api.CheckInCounts, errors: [400, 404] })
  @Roles('gate', 'event_manager', 'auditor')
  counts(@CurrentStaff() staff: Staff, @Param('showId') showId: string): Promise<api.CheckInCounts> {
    return this.queries.execute(new GetCheckInCountsQuery(staff, pathId(showId, 'showId')));
  }

  @Post('admin/orders/:orderId/refund')
  @Endpoint({
    summary: 'Refund an order: its tickets stop letting anyone in and the payment is given back',
    description: 'Refused (409 `order_checked_in`) when a ticket of the order was already used at a gate. Repeating a refund answers the same. The seats do not return to sale.',
    caller: 'admin',
    roles: ['event_manager'],
    answer: api.OrderRefund,
    errors: [400, 404, 409],
  })
  @Roles('event_manager')
  @HttpCode(200)
  refund(@CurrentStaff() staff: Staff, @Param('orderId') orderId: string): Promise<api.OrderRefund> {
    return this.commands.execute(new RefundOrderCommand(staff, pathId(orderId, 'orderId')));
  }
}
