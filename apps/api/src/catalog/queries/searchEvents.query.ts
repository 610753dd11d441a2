import { Query } from '@nestjs/cqrs';
import type { EventsPage } from '@app/contracts';

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

/** A page of events as libs/contracts defines it. */
export type { EventListItem, EventsPage } from '@app/contracts';

export class SearchEventsQuery extends Query<EventsPage> {
  constructor(
    readonly criteria: SearchEventsCriteria,
    /** Injected so "upcoming" is testable; defaults to the clock. */
    readonly now: Date = new Date(),
  ) {
    super();
  }
}
