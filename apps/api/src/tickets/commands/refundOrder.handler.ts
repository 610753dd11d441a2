import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DomainError, type TicketRecord, type TicketsRefunded } from '@app/domain';
import type { OrderRefund } from '@app/contracts';
import { SalesQueries } from '@app/read-models';
import { AppError } from '../../application/appError';
import { madeBy } from '../../auth/staff';
import { StaffScope } from '../../catalog/staffScope';
import { PaymentProvider } from '../../inventory/payments/paymentProvider';
import { ShardRegistry } from '../../inventory/shardRegistry';
import { ProjectionsService } from '../../projections/projections.service';
import { RefundOrderCommand } from './refundOrder.command';

/**
 * Refunds an order: every shard that sold part of it records `TicketsRefunded` (its tickets
 * then answer `refunded` at the gate), then the payment is given back. The shards go first:
 * once a ticket is refunded it can no longer be used, so no one is both refunded and let in.
 * A retry after any failure decides nothing new on the shards and asks the provider again
 * (refunds are idempotent per charge).
 */
@CommandHandler(RefundOrderCommand)
export class RefundOrderHandler implements ICommandHandler<RefundOrderCommand, OrderRefund> {
  private readonly logger = new Logger('Refunds');

  constructor(
    private readonly scope: StaffScope,
    private readonly registry: ShardRegistry,
    private readonly projections: ProjectionsService,
    private readonly sales: SalesQueries,
    private readonly payments: PaymentProvider,
  ) {}

  async execute({ staff, orderId }: RefundOrderCommand): Promise<OrderRefund> {
    await this.projections.catchUp();
    const parts = this.sales.orderParts(orderId);
    if (parts.length === 0) throw new AppError('not_found', `Order ${orderId} does not exist`, { orderId });
    const showId = parts[0].showId;
    // Another organisation's order is answered like a missing one.
    await this.scope.show(staff, showId).catch(() => {
      throw new AppError('not_found', `Order ${orderId} does not exist`, { orderId });
    });
    const inventory = (await this.registry.show(showId))!;
    const writers = [...new Set(parts.map((p) => p.shardId))].map((shardId) => inventory.shards.find((s) => s.plan.shardId === shardId)!.writer);
    // A ticket used at a gate on any shard keeps the whole order from being refunded, before any shard writes.
    const records = (await Promise.all(writers.map((w) => w.read((state) => [...(state.orders.get(orderId) ?? [])], { fresh: true })))).flat();
    const used = records.filter((t) => t.admittedAt !== undefined).map((t) => t.ticketId);
    if (used.length > 0) throw new DomainError('order_checked_in', `Order ${orderId} has tickets already used at a gate`, { orderId, ticketIds: used });
    const now = Date.now();
    const refunded: TicketsRefunded['data'][] = [];
    for (const writer of writers) {
      try {
        const { events } = await writer.execute({ type: 'RefundTickets', data: { orderId, now } }, { metadata: madeBy(staff) });
        for (const e of events) if (e.type === 'TicketsRefunded') refunded.push(e.data);
      } catch (error) {
        // Only a ticket admitted between the check above and here: the parts refunded stay refunded, and say so.
        if (refunded.length > 0) this.logger.error(`order ${orderId} refunded on ${refunded.length} of ${writers.length} shards: ${String(error)}`);
        throw error;
      }
    }
    const after = (await Promise.all(writers.map((w) => w.read((state) => [...(state.orders.get(orderId) ?? [])])))).flat();
    const chargeId = after.find((t: TicketRecord) => t.chargeId)?.chargeId;
    if (chargeId) await this.payments.refund(chargeId);
    else this.logger.warn(`order ${orderId} has no recorded charge (sold before charges were recorded): refund the payment by hand`);
    return { orderId, showId, ticketIds: after.map((t) => t.ticketId), refundedAt: after[0]?.refundedAt ?? new Date(now).toISOString() };
  }
}
