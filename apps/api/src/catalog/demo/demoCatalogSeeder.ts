import { BOOTSTRAP_ADMIN } from '../../auth/staff';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CommandBus, type Command } from '@nestjs/cqrs';
import type { AppConfig } from '@app/config';
import type { EventStore } from '@app/event-store';
import { isAppError } from '../../application/appError';
import { APP_CONFIG, EVENT_STORE } from '../../infrastructure/tokens';
import { catalogStream } from '../catalogStreams';
import { CreateCityCommand } from '../commands/createCity.command';
import { CreateEventCommand } from '../commands/createEvent.command';
import { CreatePerformerCommand } from '../commands/createPerformer.command';
import { CreateVenueCommand } from '../commands/createVenue.command';
import { ScheduleShowCommand } from '../commands/scheduleShow.command';
import { DEMO_FESTIVAL_SHOW_ID, demoCatalogPlan } from './demoCatalogPlan';

/**
 * Seeds the demo catalog on the first start of an empty store, through the same
 * commands an admin uses, so the demo obeys every rule real data does. The festival
 * show is written last and marks a finished seeding; a seeding cut short resumes,
 * keeping whatever it had already created.
 */
@Injectable()
export class DemoCatalogSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('DemoCatalog');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.seedDemo) return;
    const marker = await this.store.readStream(catalogStream('show', DEMO_FESTIVAL_SHOW_ID), { maxCount: 1 });
    if (marker.length > 0) {
      this.logger.log('Demo catalog already present; not seeding');
      return;
    }
    const started = Date.now();
    const plan = demoCatalogPlan(new Date());
    // Entities of one kind are independent, so each kind goes in parallel and shares the store's group commits.
    await this.createAll(plan.cities, (city) => new CreateCityCommand(BOOTSTRAP_ADMIN, city), (city) => `city ${city.id} (${city.name})`);
    await this.createAll(plan.venues, (venue) => new CreateVenueCommand(BOOTSTRAP_ADMIN, venue), (venue) => `venue ${venue.id} (${venue.name})`);
    await this.createAll(plan.performers, (p) => new CreatePerformerCommand(BOOTSTRAP_ADMIN, p), (p) => `performer ${p.id} (${p.name})`);
    await this.createAll(plan.events, (event) => new CreateEventCommand(BOOTSTRAP_ADMIN, event), (event) => `event ${event.id} (${event.name})`);
    await this.createAll(plan.shows, (show) => new ScheduleShowCommand(BOOTSTRAP_ADMIN, show), (show) => `show ${show.id} (${show.venueId}, ${show.startsAt})`);
    await this.createAll([plan.festival], (show) => new ScheduleShowCommand(BOOTSTRAP_ADMIN, show), (show) => `show ${show.id} (${show.venueId}, ${show.startsAt})`);
    const { cinema, arena, stadium, festival } = plan.showIds;
    this.logger.log(`Demo catalog: cinema shows ${cinema.join(', ')}, arena show ${arena}, stadium show ${stadium}, festival show ${festival} (${Date.now() - started} ms)`);
  }

  private async createAll<T extends { id: string }>(items: T[], command: (item: T) => Command<unknown>, describe: (item: T) => string): Promise<void> {
    await Promise.all(
      items.map(async (item) => {
        try {
          await this.commands.execute(command(item));
          this.logger.log(`Created ${describe(item)}`);
        } catch (error) {
          if (!isAppError(error, 'already_exists')) throw error;
          this.logger.log(`Kept ${describe(item)}: created by an earlier seeding that was cut short`);
        }
      }),
    );
  }
}
