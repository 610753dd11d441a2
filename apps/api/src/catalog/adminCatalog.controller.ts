import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { City, EventInfo, Performer } from '@app/domain';
import { CatalogQueries, SalesQueries, type ShowView, type VenueView } from '@app/read-models';
import { AdminGuard } from '../auth/guards';
import { CurrentStaff, Roles, type Staff } from '../auth/staff';
import { CreateCityCommand } from './commands/createCity.command';
import { CreateEventCommand } from './commands/createEvent.command';
import { CreatePerformerCommand } from './commands/createPerformer.command';
import { CreateVenueCommand } from './commands/createVenue.command';
import { ScheduleShowCommand } from './commands/scheduleShow.command';
import { CreateCityDto, toCreateCityInput } from './dto/createCity.dto';
import { CreateEventDto, toCreateEventInput } from './dto/createEvent.dto';
import { CreatePerformerDto, toCreatePerformerInput } from './dto/createPerformer.dto';
import { CreateVenueDto, toCreateVenueInput } from './dto/createVenue.dto';
import { ScheduleShowDto, toScheduleShowInput } from './dto/scheduleShow.dto';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';
import { ShowCatalog } from './showCatalog';
import { StaffScope } from './staffScope';

/**
 * Event managers build the catalog here, for their own organisation (admins for any, or the
 * platform's); every call answers once its own write is readable.
 */
@Controller('v1/admin')
@UseGuards(AdminGuard)
@Roles('event_manager')
export class AdminCatalogController {
  constructor(
    private readonly commands: CommandBus,
    private readonly shows: ShowCatalog,
    private readonly scope: StaffScope,
    private readonly catalog: CatalogQueries,
    private readonly sales: SalesQueries,
  ) {}

  @Get('shows')
  @Roles('event_manager', 'auditor', 'gate')
  @Endpoint({ summary: 'The shows this staff member may act on, earliest first', caller: 'admin', roles: ['event_manager', 'auditor', 'gate'], answer: api.StaffShows })
  async staffShows(@CurrentStaff() staff: Staff): Promise<api.StaffShows> {
    const items: api.StaffShows['items'] = [];
    const showIds = await this.shows.listShowIds();
    // Read after the catch-up above: the zones and the revenue are as of the same log position as the list.
    const zones = this.catalog.timeZones();
    const revenue = this.sales.revenueByShow();
    for (const showId of showIds) {
      if (staff.role === 'gate' && !staff.showIds.includes(showId)) continue;
      const definition = await this.shows.get(showId);
      if (!definition || !this.scope.mayActOn(staff, definition.organisationId)) continue;
      const { show, venue, eventName, organisationId } = definition;
      items.push({
        showId,
        eventId: show.eventId,
        eventName,
        venueName: venue.name,
        startsAt: show.startsAt,
        timeZone: zones.get(venue.cityId) ?? 'UTC',
        kind: show.kind,
        ...(organisationId ? { organisationId } : {}),
        revenue: revenue.get(showId) ?? [],
      });
    }
    return { items };
  }

  @Post('cities')
  @Endpoint({ summary: 'Create a city', caller: 'admin', roles: ['event_manager'], status: 201, body: api.CreateCityRequest, answer: api.City, errors: [409] })
  @HttpCode(201)
  createCity(@CurrentStaff() staff: Staff, @Body() body: CreateCityDto): Promise<City> {
    return this.commands.execute(new CreateCityCommand(staff, toCreateCityInput(body)));
  }

  @Post('venues')
  @Endpoint({ summary: 'Create a venue (with its seat map when seated)', caller: 'admin', roles: ['event_manager'], status: 201, body: api.CreateVenueRequest, answer: api.VenueView, errors: [404, 409] })
  @HttpCode(201)
  createVenue(@CurrentStaff() staff: Staff, @Body() body: CreateVenueDto): Promise<VenueView> {
    return this.commands.execute(new CreateVenueCommand(staff, toCreateVenueInput(body)));
  }

  @Post('performers')
  @Endpoint({ summary: 'Create a performer', caller: 'admin', roles: ['event_manager'], status: 201, body: api.CreatePerformerRequest, answer: api.Performer, errors: [409] })
  @HttpCode(201)
  createPerformer(@CurrentStaff() staff: Staff, @Body() body: CreatePerformerDto): Promise<Performer> {
    return this.commands.execute(new CreatePerformerCommand(staff, toCreatePerformerInput(body)));
  }

  @Post('events')
  @Endpoint({ summary: 'Create an event', caller: 'admin', roles: ['event_manager'], status: 201, body: api.CreateEventRequest, answer: api.CatalogEvent, errors: [404, 409] })
  @HttpCode(201)
  createEvent(@CurrentStaff() staff: Staff, @Body() body: CreateEventDto): Promise<EventInfo> {
    return this.commands.execute(new CreateEventCommand(staff, toCreateEventInput(body)));
  }

  @Post('shows')
  @Endpoint({ summary: 'Schedule a show of an event at a venue', caller: 'admin', roles: ['event_manager'], status: 201, body: api.ScheduleShowRequest, answer: api.ShowView, errors: [404, 409] })
  @HttpCode(201)
  scheduleShow(@CurrentStaff() staff: Staff, @Body() body: ScheduleShowDto): Promise<ShowView> {
    return this.commands.execute(new ScheduleShowCommand(staff, toScheduleShowInput(body)));
  }
}
