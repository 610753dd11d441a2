import { Command } from '@nestjs/cqrs';
import type { EventInfo } from '@app/domain';

export type CreateEventInput = Omit<EventInfo, 'id' | 'venueIds'> & { id?: string };

export class CreateEventCommand extends Command<EventInfo> {
  constructor(readonly input: CreateEventInput) {
    super();
  }
}
