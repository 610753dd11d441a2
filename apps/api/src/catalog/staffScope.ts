import { Injectable } from '@nestjs/common';
import type { EventInfo } from '@app/domain';
import { AppError } from '../application/appError';
import type { Staff } from '../auth/staff';
import { CatalogRepository } from './catalogRepository';
import { ShowCatalog, type ShowDefinition } from './showCatalog';

/**
 * What a staff member may see. Admins see everything; everyone else sees their own
 * organisation's events and shows only, and a gate user only the shows it was given.
 * Anything outside that is answered exactly like something that does not exist (404),
 * so one organisation cannot even learn the ids of another's shows.
 */
@Injectable()
export class StaffScope {
  constructor(
    private readonly shows: ShowCatalog,
    private readonly catalog: CatalogRepository,
  ) {}

  /** The show, if `staff` may act on it; otherwise 404 naming the id. */
  async show(staff: Staff, showId: string): Promise<ShowDefinition> {
    const definition = await this.shows.get(showId);
    if (!definition || !this.mayActOn(staff, definition.organisationId) || (staff.role === 'gate' && !staff.showIds.includes(showId))) {
      throw new AppError('not_found', `Show ${showId} does not exist`, { showId });
    }
    return definition;
  }

  /** The event, if `staff` may act on it; otherwise 404 naming the id. */
  async event(staff: Staff, eventId: string, field = 'eventId'): Promise<EventInfo> {
    const event = await this.catalog.load('event', eventId);
    if (!event || !this.mayActOn(staff, event.organisationId) || staff.role === 'gate') {
      throw new AppError('not_found', `Event ${eventId} does not exist`, { field, id: eventId });
    }
    return event;
  }

  /** Whether `staff` may act on something owned by `organisationId` (undefined: the platform's, admins only). */
  mayActOn(staff: Staff, organisationId: string | undefined): boolean {
    return staff.role === 'admin' || (organisationId !== undefined && organisationId === staff.organisationId);
  }
}
