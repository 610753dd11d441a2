import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { City } from '@app/domain';
import { ReadDatabase } from '../../infrastructure/readDatabase';
import { ListCitiesQuery } from './listCities.query';

@QueryHandler(ListCitiesQuery)
export class ListCitiesHandler implements IQueryHandler<ListCitiesQuery> {
  private statement: Database.Statement | undefined;

  constructor(private readonly readDb: ReadDatabase) {}

  async execute(): Promise<City[]> {
    // Prepared on first use: the projection creates the table while the app initialises.
    this.statement ??= this.readDb.reader.prepare('SELECT id, name, country, time_zone AS timeZone FROM catalog_cities ORDER BY name, id');
    return this.statement.all() as City[];
  }
}
