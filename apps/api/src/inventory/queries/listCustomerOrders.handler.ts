import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { OrderShowQueries, SalesQueries } from '@app/read-models';
import { ProjectionsService } from '../../projections/projections.service';
import { TicketPasses } from '../../tickets/ticketPasses';
import type { Order } from '../holds/holdTypes';
import { withShow } from './withShow';
import { ListCustomerOrdersQuery } from './listCustomerOrders.query';

@QueryHandler(ListCustomerOrdersQuery)
export class ListCustomerOrdersHandler implements IQueryHandler<ListCustomerOrdersQuery> {
  constructor(
    private readonly projections: ProjectionsService,
    private readonly sales: SalesQueries,
    private readonly passes: TicketPasses,
    private readonly shows: OrderShowQueries,
  ) {}

  async execute({ customerId }: ListCustomerOrdersQuery): Promise<Order[]> {
    await this.projections.catchUp();
    return this.sales.customerOrders(customerId, undefined, this.passes.passOf).map((order) => withShow(order, this.shows));
  }
}
