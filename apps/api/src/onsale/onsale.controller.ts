import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post, Put, UseGuards } from '@nestjs/common';
import * as api from '@app/contracts';
import { AdminGuard, CurrentCustomer, CustomerGuard } from '../auth/guards';
import { CurrentStaff, madeBy, Roles, type Staff } from '../auth/staff';
import { StaffScope } from '../catalog/staffScope';
import { Endpoint } from '../http/endpoint';
import { pathId } from '../http/pathId';
import { RateLimitGuard } from '../security/rateLimit.guard';
import { MarkHotOnSaleDto } from './dto/markHotOnSale.dto';
import { HotOnSales } from './hotOnSales';
import { WaitingRooms } from './waitingRooms';
import { ProofOfWork } from './proofOfWork';

/** Hot on-sales: staff mark a show hot; customers queue in its waiting room and get a pass to hold. */
@Controller('v1')
export class OnSaleController {
  constructor(
    private readonly hot: HotOnSales,
    private readonly rooms: WaitingRooms,
    private readonly scope: StaffScope,
    private readonly pow: ProofOfWork,
  ) {}

  @Put('admin/shows/:showId/hot-onsale')
  @Endpoint({ summary: 'Mark a show as a hot on-sale (or change its settings): holds then need a queue pass', caller: 'admin', roles: ['event_manager'], body: api.MarkHotOnSaleRequest, answer: api.HotOnSale, errors: [404] })
  @UseGuards(AdminGuard)
  @Roles('event_manager')
  async mark(@CurrentStaff() staff: Staff, @Param('showId') showId: string, @Body() body: MarkHotOnSaleDto): Promise<api.HotOnSale> {
    const id = pathId(showId, 'showId');
    await this.scope.show(staff, id);
    const now = Date.now();
    await this.hot.change(
      {
        type: 'MarkShowHot',
        data: {
          showId: id,
          opensAt: body.opensAt !== undefined ? Date.parse(body.opensAt) : now,
          admissionsPerMinute: body.admissionsPerMinute ?? this.rooms.defaults.admissionsPerMinute,
          passSeconds: body.passSeconds ?? this.rooms.defaults.passSeconds,
          now,
        },
      },
      madeBy(staff).by,
    );
    return this.describe(id);
  }

  @Delete('admin/shows/:showId/hot-onsale')
  @Endpoint({ summary: 'End a hot on-sale: holds on the show need no queue pass any more', caller: 'admin', roles: ['event_manager'], errors: [400, 404] })
  @HttpCode(204)
  @UseGuards(AdminGuard)
  @Roles('event_manager')
  async end(@CurrentStaff() staff: Staff, @Param('showId') showId: string): Promise<void> {
    const id = pathId(showId, 'showId');
    await this.scope.show(staff, id);
    await this.hot.change({ type: 'EndHotOnSale', data: { showId: id, now: Date.now() } }, madeBy(staff).by);
  }

  @Get('shows/:showId/hot-onsale')
  @Endpoint({ summary: 'Whether a show is a hot on-sale (its holds need a queue pass) and whether new identities need a proof-of-work', caller: 'anyone', answer: api.HotOnSale, errors: [400] })
  onSale(@Param('showId') showId: string): Promise<api.HotOnSale> {
    return this.describe(pathId(showId, 'showId'));
  }

  @Post('shows/:showId/waiting-room')
  @Endpoint({
    summary: "Join a hot show's waiting room (again: keeps your place); the pass comes once admitted",
    description: 'At most QUEUE_PLACES_PER_ADDRESS customers per address in one room (409 too_many_places); 409 not_hot_onsale for a show that is not hot.',
    caller: 'customer',
    status: 201,
    answer: api.WaitingRoomPlace,
    errors: [400, 409, 429],
  })
  @HttpCode(201)
  @UseGuards(CustomerGuard, RateLimitGuard)
  join(@CurrentCustomer() customerId: string, @Param('showId') showId: string, @Ip() address: string): Promise<api.WaitingRoomPlace> {
    return this.rooms.join(pathId(showId, 'showId'), customerId, address);
  }

  @Get('shows/:showId/waiting-room')
  @Endpoint({ summary: 'Your place in a hot show\'s waiting room, with the queue pass once admitted', caller: 'customer', answer: api.WaitingRoomPlace, errors: [400, 404, 409] })
  @UseGuards(CustomerGuard)
  place(@CurrentCustomer() customerId: string, @Param('showId') showId: string): Promise<api.WaitingRoomPlace> {
    return this.rooms.place(pathId(showId, 'showId'), customerId);
  }

  private async describe(showId: string): Promise<api.HotOnSale> {
    const settings = await this.hot.settings(showId);
    const proofOfWork = await this.pow.required();
    if (!settings) return { showId, hot: false, proofOfWork };
    return { showId, hot: true, opensAt: new Date(settings.opensAt).toISOString(), admissionsPerMinute: settings.admissionsPerMinute, passSeconds: settings.passSeconds, proofOfWork };
  }
}
