import { Command } from '@nestjs/cqrs';
import type { Venue } from '@app/domain';
import type { VenueView } from '@app/read-models';

export type CreateVenueInput = Omit<Venue, 'id'> & { id?: string };

export class CreateVenueCommand extends Command<VenueView> {
  constructor(readonly input: CreateVenueInput) {
    super();
  }
}
