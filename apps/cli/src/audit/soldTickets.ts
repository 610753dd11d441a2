import type { TicketsSold } from '@app/domain';
import type { RecordedEvent } from '@app/event-store';

/** One sold ticket: who bought which seat or number, when, for how much. */
export interface SoldTicketRecord {
  ticketId: string;
  showId: string;
  seatId: string | null;
  ticketNumber: number | null;
  tier: string;
  price: number;
  currency: string;
  customerId: string;
  orderId: string;
  /** ISO 8601 UTC with milliseconds. */
  soldAt: string;
}

export const EXPORT_COLUMNS: ReadonlyArray<keyof SoldTicketRecord> = [
  'ticketId',
  'showId',
  'seatId',
  'ticketNumber',
  'tier',
  'price',
  'currency',
  'customerId',
  'orderId',
  'soldAt',
];

/** The show an inventory event belongs to: its metadata, else its stream (`inventory-<showId>-<shardId>`; shard ids have no dash). */
export function showOfSale(event: RecordedEvent): string {
  const fromMetadata = (event.metadata as { showId?: unknown }).showId;
  if (typeof fromMetadata === 'string') return fromMetadata;
  return event.streamId.slice('inventory-'.length, event.streamId.lastIndexOf('-'));
}

/** The tickets of one `TicketsSold`, as export rows. */
export function soldTickets(event: RecordedEvent): SoldTicketRecord[] {
  const d = event.data as TicketsSold['data'];
  const showId = showOfSale(event);
  // Stored as toISOString() already; re-rendering pins the format even for a hand-written event.
  const ms = Date.parse(d.soldAt);
  const soldAt = Number.isNaN(ms) ? String(d.soldAt) : new Date(ms).toISOString();
  return d.tickets.map((t) => ({
    ticketId: t.ticketId,
    showId,
    seatId: t.seatId ?? null,
    ticketNumber: t.ticketNumber ?? null,
    tier: t.tier,
    price: t.price,
    currency: t.currency,
    customerId: d.customerId,
    orderId: d.orderId,
    soldAt,
  }));
}

export type ExportFormat = 'csv' | 'ndjson';

export function exportHeader(format: ExportFormat): string {
  return format === 'csv' ? `${EXPORT_COLUMNS.join(',')}\n` : '';
}

export function exportLine(record: SoldTicketRecord, format: ExportFormat): string {
  if (format === 'ndjson') return `${JSON.stringify(record)}\n`;
  return `${EXPORT_COLUMNS.map((column) => csvField(record[column])).join(',')}\n`;
}

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
