import { Body, Controller, Get, Param, Put, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import * as api from '@app/contracts';
import { AdminGuard } from '../../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../../auth/staff';
import { AppError } from '../../application/appError';
import { Endpoint } from '../../http/endpoint';
import { pathId } from '../../http/pathId';
import { ChangePriceCommand } from './changePrice.command';
import { ChangePriceDto } from './changePrice.dto';
import { GetShowPricesQuery } from './getShowPrices.query';

/** As a tier is named at scheduling: 1-32 characters, not blank. */
const TIER = /^(?=.*\S).{1,32}$/;

/** A show's prices: event managers of its organisation (and admins) change them and read their history. */
@Controller('v1/admin/shows')
@UseGuards(AdminGuard)
@Roles('event_manager')
export class ShowPricesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Put(':showId/tiers/:tier/price')
  @Endpoint({
    summary: "Change a tier's price",
    description: 'Holds made before keep the price they were made at; holds made after the answer (in this process at once, elsewhere once the log reaches it) record the new one.',
    caller: 'admin',
    roles: ['event_manager'],
    body: api.ChangePriceRequest,
    answer: api.PriceChange,
    errors: [404, 409],
  })
  changePrice(@CurrentStaff() staff: Staff, @Param('showId') showId: string, @Param('tier') tier: string, @Body() body: ChangePriceDto): Promise<api.PriceChange> {
    pathId(showId, 'showId');
    if (!TIER.test(tier)) throw new AppError('invalid_request', 'tier is not a valid tier name (1-32 characters, not blank)', { field: 'tier' });
    return this.commands.execute(new ChangePriceCommand(staff, { showId, tier, price: body.price, ...(body.currency !== undefined ? { currency: body.currency } : {}) }));
  }

  @Get(':showId/prices')
  @Endpoint({ summary: "A show's current prices and every change, with who made it", caller: 'admin', roles: ['event_manager'], answer: api.ShowPrices, errors: [400, 404] })
  prices(@CurrentStaff() staff: Staff, @Param('showId') showId: string): Promise<api.ShowPrices> {
    return this.queries.execute(new GetShowPricesQuery(staff, pathId(showId, 'showId')));
  }
}
