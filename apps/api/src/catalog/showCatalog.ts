import { Injectable } from '@nestjs/common';
import { planShards, withShowDefaults, type ShardPlan, type ShowWithDefaults, type Venue } from '@app/domain';
import { CatalogQueries } from '@app/read-models';
import { ProjectionsService } from '../projections/projections.service';
import { CatalogRepository } from './catalogRepository';

export interface ShowDefinition {
  show: ShowWithDefaults;
  venue: Venue;
  /** `planShards(show, venue)`: one entry per inventory stream of the show. */
  shards: ShardPlan[];
  eventName: string;
  /** The organisation whose event this is (`EventInfo.organisationId`); undefined: the platform's own. */
  organisationId: string | undefined;
}

/**
 * What the inventory needs to sell a show. It comes straight from the show's,
 * venue's and event's streams, not from the read model: a hold must never be decided
 * against a show the projection has not caught up with yet. Catalog entities never
 * change once created, so a definition is loaded and planned once and then kept
 * (a 200,000-seat plan is worth not rebuilding; a general-admission plan is a few
 * dozen ranges). Misses are not kept, since the show may be scheduled a moment later.
 */
@Injectable()
export class ShowCatalog {
  private readonly definitions = new Map<string, Promise<ShowDefinition | undefined>>();

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly queries: CatalogQueries,
    private readonly projections: ProjectionsService,
  ) {}

  get(showId: string): Promise<ShowDefinition | undefined> {
    let definition = this.definitions.get(showId);
    if (!definition) {
      definition = this.load(showId);
      this.definitions.set(showId, definition);
      definition.then(
        (found) => found ?? this.definitions.delete(showId),
        () => this.definitions.delete(showId),
      );
    }
    return definition;
  }

  /** Every scheduled show, earliest first, from the read model brought up to date with the log. */
  async listShowIds(): Promise<string[]> {
    await this.projections.catchUp();
    return this.queries.showIds();
  }

  private async load(showId: string): Promise<ShowDefinition | undefined> {
    const scheduled = await this.catalog.load('show', showId);
    if (!scheduled) return undefined;
    const [venue, event] = await Promise.all([this.catalog.load('venue', scheduled.venueId), this.catalog.load('event', scheduled.eventId)]);
    // The command read both streams before scheduling, so a gap here is a damaged store, not a user error.
    if (!venue) throw new Error(`Show ${showId} plays in venue ${scheduled.venueId}, whose stream is missing`);
    if (!event) throw new Error(`Show ${showId} belongs to event ${scheduled.eventId}, whose stream is missing`);
    const show = withShowDefaults(scheduled);
    return { show, venue, shards: planShards(show, venue), eventName: event.name, organisationId: event.organisationId };
  }
}
