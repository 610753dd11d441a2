import { Command } from '@nestjs/cqrs';
import type { Show } from '@app/domain';
import type { ShowView } from '@app/read-models';

export type ScheduleShowInput = Omit<Show, 'id'> & { id?: string };

export class ScheduleShowCommand extends Command<ShowView> {
  constructor(readonly input: ScheduleShowInput) {
    super();
  }
}
