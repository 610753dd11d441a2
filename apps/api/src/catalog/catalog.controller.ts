import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { City } from '@app/domain';
import type { ShowView, VenueView } from '@app/read-models';
import { AppError } from '../application/appError';
import { toSearchCriteria, SearchEventsDto } from './dto/searchEvents.dto';
import { GetEventQuery, type EventDetails } from './queries/getEvent.query';
import { GetShowQuery } from './queries/getShow.query';
import { GetVenueQuery } from './queries/getVenue.query';
import { ListCitiesQuery } from './queries/listCities.query';
import { SearchEventsQuery, type EventsPage } from './queries/searchEvents.query';
import * as api from '@app/contracts';
import { Endpoint } from '../http/endpoint';

/**
 * Public browsing. These read the projection as it stands and never wait for it to
 * catch up: reads outnumber bookings by four orders of magnitude, and a page a few
 * milliseconds old is fine. (Admin writes wait for their own write instead.)
 */
@Controller('v1')
export class CatalogController {
  constructor(private readonly queries: QueryBus) {}

  @Get('cities')
  @Endpoint({ summary: 'Cities with shows', caller: 'anyone', answer: api.Cities })
  listCities(): Promise<City[]> {
    return this.queries.execute(new ListCitiesQuery());
  }

  @Get('events')
  @Endpoint({ summary: 'Search events by words, city and dates', caller: 'anyone', query: api.SearchEventsQuery, answer: api.EventsPage })
  searchEvents(@Query() query: SearchEventsDto): Promise<EventsPage> {
    return this.queries.execute(new SearchEventsQuery(toSearchCriteria(query)));
  }

  @Get('events/:eventId')
  @Endpoint({ summary: 'An event with its performer and shows', caller: 'anyone', answer: api.EventDetails, errors: [400, 404] })
  async getEvent(@Param('eventId') eventId: string): Promise<EventDetails> {
    return found(await this.queries.execute(new GetEventQuery(eventId)), 'Event', eventId);
  }

  @Get('shows/:showId')
  @Endpoint({ summary: 'A show: tiers and prices, hold time, limit per customer, sections', caller: 'anyone', answer: api.ShowView, errors: [400, 404] })
  async getShow(@Param('showId') showId: string): Promise<ShowView> {
    return found(await this.queries.execute(new GetShowQuery(showId)), 'Show', showId);
  }

  @Get('venues/:venueId')
  @Endpoint({ summary: 'A venue and its seat map', caller: 'anyone', answer: api.VenueView, errors: [400, 404] })
  async getVenue(@Param('venueId') venueId: string): Promise<VenueView> {
    return found(await this.queries.execute(new GetVenueQuery(venueId)), 'Venue', venueId);
  }
}

function found<T>(value: T | undefined, label: string, id: string): T {
  if (value === undefined) throw new AppError('not_found', `${label} ${id} does not exist`, { id });
  return value;
}
