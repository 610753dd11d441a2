import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OrderShowQueries, SalesQueries } from '@app/read-models';
import { ProjectionsService } from '../../projections/projections.service';
import { TicketPasses } from '../../tickets/ticketPasses';
import type { Order } from '../holds/holdTypes';
import { withShow } from './withShow';
import { GetOrderQuery } from './getOrder.query';

@QueryHandler(GetOrderQuery)
export class GetOrderHandler implements IQueryHandler<GetOrderQuery> {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly sales: SalesQueries,
    private readonly passes: TicketPasses,
    private readonly shows: OrderShowQueries,
  ) {}

  async execute({ customerId, orderId }: GetOrderQuery): Promise<Order | undefined> {
    // Read-your-writes: the order was just bought, perhaps through another process.
    await this.projections.catchUp();
    const order = this.sales.order(customerId, orderId, this.passes.passOf);
    return order && withShow(order, this.shows);
  }
}
