import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { CatalogQueries, type ShowView } from '@app/read-models';
import { GetShowQuery } from './getShow.query';

@QueryHandler(GetShowQuery)
export class GetShowHandler implements IQueryHandler<GetShowQuery> {
  constructor(private readonly catalog: CatalogQueries) {}

  async execute({ showId }: GetShowQuery): Promise<ShowView | undefined> {
    return this.catalog.show(showId);
  }
}
