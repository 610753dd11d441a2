import { Query } from '@nestjs/cqrs';
import type { City } from '@app/domain';

export class ListCitiesQuery extends Query<City[]> {}
