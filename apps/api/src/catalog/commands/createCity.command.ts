import { Command } from '@nestjs/cqrs';
import type { City } from '@app/domain';

export type CreateCityInput = Omit<City, 'id'> & { id?: string };

export class CreateCityCommand extends Command<City> {
  constructor(readonly input: CreateCityInput) {
    super();
  }
}
