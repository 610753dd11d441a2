import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import type { Venue } from '@app/domain';
import { ReadDatabase } from '../../infrastructure/readDatabase';
import { venueView, type VenueView } from '../views/venueView';
import { GetVenueQuery } from './getVenue.query';

@QueryHandler(GetVenueQuery)
export class GetVenueHandler implements IQueryHandler<GetVenueQuery> {
  private statement: Database.Statement | undefined;

  constructor(private readonly readDb: ReadDatabase) {}

  async execute({ venueId }: GetVenueQuery): Promise<VenueView | undefined> {
    this.statement ??= this.readDb.reader.prepare('SELECT venue_json FROM catalog_venues WHERE id = ?');
    const row = this.statement.get(venueId) as { venue_json: string } | undefined;
    return row ? venueView(JSON.parse(row.venue_json) as Venue) : undefined;
  }
}
