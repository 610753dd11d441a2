import { Command } from '@nestjs/cqrs';
import type { Performer } from '@app/domain';

export type CreatePerformerInput = Omit<Performer, 'id'> & { id?: string };

export class CreatePerformerCommand extends Command<Performer> {
  constructor(readonly input: CreatePerformerInput) {
    super();
  }
}
