import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type Database from 'better-sqlite3';
import { ReadDatabase } from '../../infrastructure/readDatabase';
import type { ShowView } from '../views/showView';
import { GetShowQuery } from './getShow.query';

@QueryHandler(GetShowQuery)
export class GetShowHandler implements IQueryHandler<GetShowQuery> {
  private statement: Database.Statement | undefined;

  constructor(private readonly readDb: ReadDatabase) {}

  async execute({ showId }: GetShowQuery): Promise<ShowView | undefined> {
    // The page is stored ready-made by the projection: the hottest read is one primary-key lookup.
    this.statement ??= this.readDb.reader.prepare('SELECT show_json FROM catalog_shows WHERE id = ?');
    const row = this.statement.get(showId) as { show_json: string } | undefined;
    return row ? (JSON.parse(row.show_json) as ShowView) : undefined;
  }
}
