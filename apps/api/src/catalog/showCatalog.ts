import { Injectable } from '@nestjs/common';
import { currentShow, planShards, withShowDefaults, type PriceChanged, type ShardPlan, type ShowWithDefaults, type TierPrice, type Venue } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';
import { CatalogQueries } from '@app/read-models';
import { ProjectionsService } from '../projections/projections.service';
import { CatalogRepository } from './catalogRepository';

export interface ShowDefinition {
  /** As scheduled, with the price changes this process has seen applied (replaced, never mutated, on a change). */
  show: ShowWithDefaults;
  /** The current unit price of each tier, as a hold records it (`HoldSeats.prices`); replaced on a change. */
  prices: Record<string, TierPrice>;
  /** The revision of the show's stream these prices reflect: a change already applied is not applied again. */
  revision: bigint;
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
 * against a show the projection has not caught up with yet. A definition is loaded and
 * planned once and then kept (a 200,000-seat plan is worth not rebuilding; a
 * general-admission plan is a few dozen ranges). Misses are not kept, since the show may
 * be scheduled a moment later.
 *
 * Only prices change after creation. A change this process writes is applied at once
 * (`priceChanged`, before the change is acknowledged); one another process wrote arrives
 * through the log, when this process's projections read it (docs/decisions.md: until then
 * holds here record the old price). The hold path only reads `definition.prices`.
 */
@Injectable()
export class ShowCatalog {
  private readonly definitions = new Map<string, Promise<ShowDefinition | undefined>>();

  constructor(
    private readonly catalog: CatalogRepository,
    private readonly queries: CatalogQueries,
    private readonly projections: ProjectionsService,
  ) {
    projections.onApplied((events) => {
      for (const event of events) if (event.type === 'PriceChanged') void this.priceChanged(event as RecordedEvent<'PriceChanged', PriceChanged['data']>);
    });
  }

  /**
   * Applies a price change to the kept definition, if any (one not kept yet is loaded with
   * it). Changes at or below the definition's revision are already in it: the log brings
   * this process's own writes back after they were applied.
   */
  async priceChanged(change: Pick<RecordedEvent<'PriceChanged', PriceChanged['data']>, 'data' | 'streamRevision'>): Promise<void> {
    const kept = this.definitions.get(change.data.showId);
    const definition = kept && (await kept.catch(() => undefined));
    if (!definition || change.streamRevision <= definition.revision) return;
    definition.show = {
      ...definition.show,
      tiers: currentShow(definition.show, [change.data]).tiers,
    };
    definition.prices = pricesOf(definition.show);
    definition.revision = change.streamRevision;
  }

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
    const stream = await this.catalog.loadShow(showId);
    if (!stream) return undefined;
    const scheduled = currentShow(
      stream.scheduled,
      stream.changes.map((c) => c.data),
    );
    const [venue, event] = await Promise.all([this.catalog.load('venue', scheduled.venueId), this.catalog.load('event', scheduled.eventId)]);
    // The command read both streams before scheduling, so a gap here is a damaged store, not a user error.
    if (!venue) throw new Error(`Show ${showId} plays in venue ${scheduled.venueId}, whose stream is missing`);
    if (!event) throw new Error(`Show ${showId} belongs to event ${scheduled.eventId}, whose stream is missing`);
    const show = withShowDefaults(scheduled);
    return {
      show,
      prices: pricesOf(show),
      revision: stream.revision,
      shards: planShards(show, venue),
      venue,
      eventName: event.name,
      organisationId: event.organisationId,
    };
  }
}

function pricesOf(show: ShowWithDefaults): Record<string, TierPrice> {
  return Object.fromEntries(show.tiers.map((t) => [t.tier, { price: t.price, currency: t.currency }]));
}
