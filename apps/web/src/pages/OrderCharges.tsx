import type { Order } from '../api/types';
import { locale, money } from '../format';

/** What the order's total is made of, as the API itemised it (the figures the hold page showed). */
export function OrderCharges({ order }: { order: Order }) {
  if (order.serviceFees === 0 && order.vatBasisPoints === 0) return null;
  const rate = new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(order.vatBasisPoints / 100);
  return (
    <p class="muted" data-testid="order-charges">
      Tickets {money(order.ticketsTotal, order.currency)}
      {order.serviceFees > 0 ? ` · service fee ${money(order.serviceFees, order.currency)}` : ''}
      {order.vatBasisPoints > 0 ? ` · includes ${money(order.vat, order.currency)} VAT (${rate} %)` : ''}
    </p>
  );
}
