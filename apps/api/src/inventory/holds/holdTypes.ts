/** What a customer asks to hold: chosen seats, or a quantity (best available or general admission). */
export type HoldRequest = { seatIds: string[] } | { quantity: number; tier?: string; section?: string };

export interface HoldCreated {
  holdId: string;
  showId: string;
  seatIds?: string[];
  ticketNumbers?: number[];
  expiresAt: string;
}

export interface HoldDetails {
  holdId: string;
  showId: string;
  status: 'active' | 'purchased' | 'released' | 'expired';
  quantity: number;
  seatIds?: string[];
  ticketNumbers?: number[];
  heldAt: string;
  expiresAt: string;
  orderId?: string;
}

/** Orders are read from the sales read model, which declares them. */
export type { Order, OrderTicket } from '@app/read-models';

/** Where a hold lives: its show, its customer, and the indexes of the shards that hold a part of it. */
export interface HoldLocation {
  showId: string;
  customerId: string;
  shards: number[];
}
