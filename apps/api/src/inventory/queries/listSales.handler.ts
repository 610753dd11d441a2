import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SalesQueries } from '@app/read-models';
import { ListSalesQuery, type SalesPage } from './listSales.query';

@QueryHandler(ListSalesQuery)
export class ListSalesHandler implements IQueryHandler<ListSalesQuery> {
  constructor(private readonly sales: SalesQueries) {}

  async execute({ showId, after, limit }: ListSalesQuery): Promise<SalesPage> {
    const rows = this.sales.sales(showId, after, limit);
    return {
      items: rows.map(({ ticket, customerId, orderId, soldAt }) => ({
        ticketId: ticket.ticketId,
        ...(ticket.seatId !== undefined ? { seatId: ticket.seatId } : {}),
        ...(ticket.ticketNumber !== undefined ? { ticketNumber: ticket.ticketNumber } : {}),
        tier: ticket.tier,
        price: ticket.price,
        currency: ticket.currency,
        customerId,
        orderId,
        soldAt,
      })),
      next: rows.length === limit ? rows[rows.length - 1].place : null,
    };
  }
}
