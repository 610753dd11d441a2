import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AdminGuard, CurrentCustomer, CustomerGuard } from '../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../auth/staff';
import { StaffScope } from '../catalog/staffScope';
import { AppError } from '../application/appError';
import { RateLimitGuard } from '../security/rateLimit.guard';
import { QueuePassGuard } from '../onsale/queuePass.guard';
import { ApiHeader } from '@nestjs/swagger';
import { HoldSeatsCommand } from './commands/holdSeats.command';
import { PurchaseHoldCommand } from './commands/purchaseHold.command';
import { ReleaseHoldCommand } from './commands/releaseHold.command';
import { HoldRequestDto, PurchaseRequestDto, SalesQueryDto, TIER_OR_SECTION } from './dto/holdRequest.dto';
import type { HoldCreated, HoldDetails, Order } from './holds/holdTypes';
import { GetAvailabilityQuery } from './queries/getAvailability.query';
import { GetRemainingQuery } from './queries/getRemaining.query';
import { GetHoldQuery } from './queries/getHold.query';
import { GetOrderQuery } from './queries/getOrder.query';
import { GetSeatMapQuery } from './queries/getSeatMap.query';
import { ListCustomerOrdersQuery } from './queries/listCustomerOrders.query';
import { ListSalesQuery, type SalesPage } from './queries/listSales.query';
import { HybridLogicalClock, formatStamp } from '@app/domain';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';

const JSON_TYPE = 'application/json; charset=utf-8';


/**
 * The seat map's query checked by hand, with the same 400 as the validation pipe would
 * give: the map is the most-read page, and class-transformer plus class-validator cost
 * more than serving it from memory.
 */
function seatsSection(query: Record<string, unknown>): string | undefined {
  const unknown = Object.keys(query).filter((key) => key !== 'section');
  const fields = unknown.map((field) => ({ field, problems: [`property ${field} should not exist`] }));
  const section = query.section;
  if (section !== undefined && (typeof section !== 'string' || !TIER_OR_SECTION.test(section))) {
    fields.unshift({ field: 'section', problems: ['section must be 1 to 40 letters, digits, _ or -'] });
  }
  if (fields.length > 0) throw new AppError('invalid_request', `Invalid request: ${fields.map((f) => f.field).join(', ')}`, { fields });
  return section as string | undefined;
}


function idempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !/^[\x21-\x7e]{1,100}$/.test(key)) {
    throw new AppError('invalid_request', 'Idempotency-Key must be 1 to 100 visible ASCII characters', { field: 'Idempotency-Key' });
  }
  return key;
}

@Controller('v1')
export class InventoryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly clock: HybridLogicalClock,
    private readonly scope: StaffScope,
  ) {}

  /** The seat map is sent as it was cached (gzipped for clients that accept it: a section is ~100 KB of JSON, ~10 KB gzipped). */
  @Get('shows/:showId/seats')
  @Endpoint({ summary: "A seated show's seats and their status (gzip when accepted)", caller: 'anyone', query: api.SeatsQuery, answer: api.SeatStatuses, errors: [404] })
  async seats(
    @Param('showId') showId: string,
    @Query() query: Record<string, unknown>,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string | Buffer> {
    const body = await this.queries.execute(new GetSeatMapQuery(pathId(showId, 'showId'), seatsSection(query)));
    reply.header('content-type', JSON_TYPE).header('vary', 'accept-encoding');
    if (acceptEncoding && /\bgzip\b(?!\s*;\s*q=0(\.0+)?\s*(,|$))/.test(acceptEncoding)) {
      reply.header('content-encoding', 'gzip');
      return body.gzip();
    }
    return body.json;
  }

  @Get('shows/:showId/availability')
  @Endpoint({ summary: "A show's counts, by tier, and how fresh they are", caller: 'anyone', answer: api.Availability, errors: [400, 404] })
  async availability(@Param('showId') showId: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const json = await this.queries.execute(new GetAvailabilityQuery(pathId(showId, 'showId')));
    reply.header('content-type', JSON_TYPE);
    return json;
  }

  @Get('shows/:showId/remaining')
  @Endpoint({ summary: 'How many tickets are left everywhere, with an honest bound and each shard group\'s freshness', caller: 'anyone', answer: api.Remaining, errors: [400, 404] })
  remaining(@Param('showId') showId: string): Promise<api.Remaining> {
    return this.queries.execute(new GetRemainingQuery(pathId(showId, 'showId')));
  }

  @Post('shows/:showId/holds')
  @Endpoint({
    summary: 'Hold seats or tickets until the hold expires',
    description: 'On a hot on-sale, send the queue pass from the show\'s waiting room as `Queue-Pass`; without a valid one of your own: 403 queue_pass_required or queue_pass_invalid.',
    caller: 'customer',
    status: 201,
    body: api.HoldRequest,
    answer: api.HoldCreated,
    errors: [403, 404, 409, 422, 429],
    idempotent: true,
  })
  @ApiHeader({ name: 'Queue-Pass', required: false, description: 'The pass from GET /v1/shows/{showId}/waiting-room once admitted (hot on-sales only)', schema: { type: 'string', maxLength: 1000 } })
  @HttpCode(201)
  @UseGuards(CustomerGuard, RateLimitGuard, QueuePassGuard)
  hold(
    @CurrentCustomer() customerId: string,
    @Param('showId') showId: string,
    @Body() body: HoldRequestDto,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<HoldCreated> {
    // Stamped on arrival at this region's edge, and said back, whatever the answer.
    const arrival = this.clock.stamp();
    void reply.header('arrival-stamp', formatStamp(arrival));
    const hasSeats = body.seatIds !== undefined;
    const hasQuantity = body.quantity !== undefined;
    if (hasSeats === hasQuantity) {
      throw new AppError('invalid_request', 'Send either seatIds or quantity (with optional tier/section)', { fields: [{ field: 'seatIds', problems: ['seatIds or quantity, not both'] }] });
    }
    if (hasSeats && (body.tier || body.section)) throw new AppError('invalid_request', 'tier and section go with quantity, not seatIds', { field: 'tier' });
    const request = hasSeats ? { seatIds: body.seatIds! } : { quantity: body.quantity!, ...(body.tier ? { tier: body.tier } : {}), ...(body.section ? { section: body.section } : {}) };
    return this.commands.execute(new HoldSeatsCommand(customerId, pathId(showId, 'showId'), request, idempotencyKey(key), arrival));
  }

  @Get('holds/:holdId')
  @Endpoint({ summary: 'A hold and its status', caller: 'customer', answer: api.HoldDetails, errors: [400, 404] })
  @UseGuards(CustomerGuard)
  getHold(@CurrentCustomer() customerId: string, @Param('holdId') holdId: string): Promise<HoldDetails> {
    return this.queries.execute(new GetHoldQuery(customerId, pathId(holdId, 'holdId')));
  }

  @Delete('holds/:holdId')
  @Endpoint({ summary: 'Release a hold', caller: 'customer', errors: [400, 404, 409, 410, 429] })
  @HttpCode(204)
  @UseGuards(CustomerGuard, RateLimitGuard)
  async release(@CurrentCustomer() customerId: string, @Param('holdId') holdId: string): Promise<void> {
    await this.commands.execute(new ReleaseHoldCommand(customerId, pathId(holdId, 'holdId')));
  }

  @Post('holds/:holdId/purchase')
  @Endpoint({ summary: 'Pay for a hold: its tickets become an order', caller: 'customer', status: 201, body: api.PurchaseRequest, answer: api.Order, errors: [402, 404, 409, 410, 422], idempotent: true })
  @HttpCode(201)
  @UseGuards(CustomerGuard)
  purchase(
    @CurrentCustomer() customerId: string,
    @Param('holdId') holdId: string,
    @Body() body: PurchaseRequestDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<Order> {
    return this.commands.execute(new PurchaseHoldCommand(customerId, pathId(holdId, 'holdId'), body.payment.token, idempotencyKey(key) ?? randomUUID(), body.email));
  }

  @Get('orders/:orderId')
  @Endpoint({ summary: 'An order and its tickets', caller: 'customer', answer: api.Order, errors: [400, 404] })
  @UseGuards(CustomerGuard)
  async order(@CurrentCustomer() customerId: string, @Param('orderId') orderId: string): Promise<Order> {
    const order = await this.queries.execute(new GetOrderQuery(customerId, pathId(orderId, 'orderId')));
    if (!order) throw new AppError('not_found', `Order ${orderId} not found`);
    return order;
  }

  @Get('customers/me/orders')
  @Endpoint({ summary: "The customer's orders", caller: 'customer', answer: api.OrdersPage })
  @UseGuards(CustomerGuard)
  async myOrders(@CurrentCustomer() customerId: string): Promise<{ items: Order[] }> {
    return { items: await this.queries.execute(new ListCustomerOrdersQuery(customerId)) };
  }

  @Get('audit/shows/:showId/sales')
  @Endpoint({ summary: "A show's sold tickets in the order sold, page by page", caller: 'admin', roles: ['event_manager', 'auditor'], query: api.SalesQuery, answer: api.SalesPage, errors: [400, 404] })
  @UseGuards(AdminGuard)
  @Roles('event_manager', 'auditor')
  async sales(@CurrentStaff() staff: Staff, @Param('showId') showId: string, @Query() query: SalesQueryDto): Promise<SalesPage> {
    // An admin may read the sales of a show whose definition is gone (an auditor's replay); the others see their own shows.
    if (staff.role !== 'admin') await this.scope.show(staff, pathId(showId, 'showId'));
    return this.queries.execute(new ListSalesQuery(pathId(showId, 'showId'), query.after ?? 0, query.limit ?? 100));
  }
}
