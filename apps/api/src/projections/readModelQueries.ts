import type { Provider } from '@nestjs/common';
import { CatalogQueries, MessageQueries, OrderShowQueries, ReadDatabase, ReceiptQueries, RemainingCountQueries, SalesQueries, SeatStatusQueries } from '@app/read-models';

/** The read models' queries the app injects, one instance each, on the read database's reader. */
export const READ_MODEL_QUERIES = [CatalogQueries, SeatStatusQueries, RemainingCountQueries, SalesQueries, MessageQueries, OrderShowQueries, ReceiptQueries] as const;

export const READ_MODEL_QUERY_PROVIDERS: Provider[] = READ_MODEL_QUERIES.map((Queries) => ({
  provide: Queries,
  useFactory: (readDb: ReadDatabase) => new Queries(readDb),
  inject: [ReadDatabase],
}));
