/** What a customer asks to hold: chosen seats, or a quantity (best available or general admission). */
export type HoldRequest = { seatIds: string[] } | { quantity: number; tier?: string; section?: string };

/** A hold as the API answers it, as libs/contracts defines it. */
export type { HoldCreated, HoldDetails, HoldLine, HoldState } from '@app/contracts';

/** Orders are read from the sales read model, which declares them. */
export type { Order, OrderTicket } from '@app/read-models';

/** Where a hold lives: its show, its customer, and the indexes of the shards that hold a part of it. */
export interface HoldLocation {
  showId: string;
  customerId: string;
  shards: number[];
}
