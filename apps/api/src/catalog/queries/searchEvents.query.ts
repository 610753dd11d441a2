import { Query } from '@nestjs/cqrs';

export const EVENTS_PAGE_SIZE = 20;

export interface SearchEventsCriteria {
  /** Matched case-insensitively against the name, the description and the performer's name. */
  q?: string;
  /** Events with at least one show in this city. */
  cityId?: string;
  /** Inclusive bound on a show's start; an ISO date or date-time with zone. */
  from?: string;
  /** Inclusive bound on a show's start; a bare date means the whole of that day (UTC). */
  to?: string;
  /** From 1. */
  page: number;
}

export interface EventListItem {
  id: string;
  name: string;
  description: string;
  category: string;
  performer: { id: string; name: string };
  /** Ids of the cities the event has shows in. */
  cities: string[];
  /** The earliest matching show that has not started yet; null when there is none. */
  nextShowAt: string | null;
}

export interface EventsPage {
  items: EventListItem[];
  page: number;
  pageSize: number;
  total: number;
}

export class SearchEventsQuery extends Query<EventsPage> {
  constructor(
    readonly criteria: SearchEventsCriteria,
    /** Injected so "upcoming" is testable; defaults to the clock. */
    readonly now: Date = new Date(),
  ) {
    super();
  }
}
