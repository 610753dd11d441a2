import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { City } from '@app/domain';
import { CatalogQueries } from '@app/read-models';
import { ListCitiesQuery } from './listCities.query';

@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery> {
  constructor(private readonly catalog: CatalogQueries) {}

  async execute(): Promise<City[]> {
    return this.catalog.cities();
  }
}
