import { Body, Controller, Delete, Get, Headers, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AdminGuard, CurrentCustomer, CustomerGuard } from '../auth/guards';
import { ApiError } from '../http/apiError';
import { RateLimitGuard } from '../security/rateLimit.guard';
import { ProjectionsService } from '../projections/projections.service';
import { HoldSeatsCommand, PurchaseHoldCommand, ReleaseHoldCommand } from './commands/inventoryCommands';
import { HoldRequestDto, PurchaseRequestDto, SalesQueryDto, SeatsQueryDto } from './dto/holdRequest.dto';
import { HoldService, type HoldCreated, type HoldDetails, type Order } from './holdService';
import { InventoryQueries } from './inventoryQueries';
import { InventoryReadService, type Availability, type SeatStatus } from './inventoryReadService';

const ID = /^[A-Za-z0-9_-]{1,80}$/;

function id(value: string, field: string): string {
  if (!ID.test(value)) throw new ApiError(400, 'invalid_request', `${field} is not a valid id`, { field });
  return value;
}

function idempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !/^[\x21-\x7e]{1,100}$/.test(key)) {
    throw new ApiError(400, 'invalid_request', 'Idempotency-Key must be 1 to 100 visible ASCII characters', { field: 'Idempotency-Key' });
  }
  return key;
}

@Controller('v1')
export class InventoryController {
  constructor(
    private readonly commands: CommandBus,
    private readonly reads: InventoryReadService,
    private readonly holds: HoldService,
    private readonly queries: InventoryQueries,
    private readonly projections: ProjectionsService,
  ) {}

  @Get('shows/:showId/seats')
  seats(@Param('showId') showId: string, @Query() query: SeatsQueryDto): Promise<SeatStatus[]> {
    return this.reads.seats(id(showId, 'showId'), query.section);
  }

  @Get('shows/:showId/availability')
  availability(@Param('showId') showId: string): Promise<Availability> {
    return this.reads.availability(id(showId, 'showId'));
  }

  @Post('shows/:showId/holds')
  @HttpCode(201)
  @UseGuards(CustomerGuard, RateLimitGuard)
  hold(
    @CurrentCustomer() customerId: string,
    @Param('showId') showId: string,
    @Body() body: HoldRequestDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<HoldCreated> {
    const hasSeats = body.seatIds !== undefined;
    const hasQuantity = body.quantity !== undefined;
    if (hasSeats === hasQuantity) {
      throw new ApiError(400, 'invalid_request', 'Send either seatIds or quantity (with optional tier/section)', { fields: [{ field: 'seatIds', problems: ['seatIds or quantity, not both'] }] });
    }
    if (hasSeats && (body.tier || body.section)) throw new ApiError(400, 'invalid_request', 'tier and section go with quantity, not seatIds', { field: 'tier' });
    const request = hasSeats ? { seatIds: body.seatIds! } : { quantity: body.quantity!, ...(body.tier ? { tier: body.tier } : {}), ...(body.section ? { section: body.section } : {}) };
    return this.commands.execute(new HoldSeatsCommand(customerId, id(showId, 'showId'), request, idempotencyKey(key)));
  }

  @Get('holds/:holdId')
  @UseGuards(CustomerGuard)
  getHold(@CurrentCustomer() customerId: string, @Param('holdId') holdId: string): Promise<HoldDetails> {
    return this.holds.view(customerId, id(holdId, 'holdId'));
  }

  @Delete('holds/:holdId')
  @HttpCode(204)
  @UseGuards(CustomerGuard, RateLimitGuard)
  async release(@CurrentCustomer() customerId: string, @Param('holdId') holdId: string): Promise<void> {
    await this.commands.execute(new ReleaseHoldCommand(customerId, id(holdId, 'holdId')));
  }

  @Post('holds/:holdId/purchase')
  @HttpCode(201)
  @UseGuards(CustomerGuard)
  purchase(
    @CurrentCustomer() customerId: string,
    @Param('holdId') holdId: string,
    @Body() body: PurchaseRequestDto,
    @Headers('idempotency-key') key: string | undefined,
  ): Promise<Order> {
    return this.commands.execute(new PurchaseHoldCommand(customerId, id(holdId, 'holdId'), body.payment.token, idempotencyKey(key) ?? randomUUID()));
  }

  @Get('orders/:orderId')
  @UseGuards(CustomerGuard)
  async order(@CurrentCustomer() customerId: string, @Param('orderId') orderId: string): Promise<Order> {
    await this.projections.catchUp();
    const order = this.queries.order(id(orderId, 'orderId'));
    if (!order || order.customerId !== customerId) throw new ApiError(404, 'not_found', `Order ${orderId} not found`);
    return order;
  }

  @Get('customers/me/orders')
  @UseGuards(CustomerGuard)
  async myOrders(@CurrentCustomer() customerId: string): Promise<{ items: Order[] }> {
    await this.projections.catchUp();
    return { items: this.queries.customerOrders(customerId) };
  }

  @Get('audit/shows/:showId/sales')
  @UseGuards(AdminGuard)
  sales(@Param('showId') showId: string, @Query() query: SalesQueryDto): { items: unknown[]; next: number | null } {
    const limit = query.limit ?? 100;
    const rows = this.queries.sales(id(showId, 'showId'), query.after ?? 0, limit);
    return {
      items: rows.map((r) => ({
        ticketId: r.ticket_id,
        ...(r.seat_id !== null ? { seatId: r.seat_id } : {}),
        ...(r.ticket_number !== null ? { ticketNumber: r.ticket_number } : {}),
        tier: r.tier,
        price: r.price,
        customerId: r.customer_id,
        orderId: r.order_id,
        soldAt: r.sold_at,
      })),
      next: rows.length === limit ? rows[rows.length - 1].seq : null,
    };
  }
}
