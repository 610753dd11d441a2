import type { SeatMap } from './seatMap';

export interface City {
  id: string;
  name: string;
  /** ISO 3166-1 alpha-2, e.g. 'NL'. */
  country: string;
  /** IANA zone, e.g. 'Europe/Amsterdam': shows are stored in UTC and displayed in it. */
  timeZone: string;
}

export interface Performer {
  id: string;
  name: string;
}

export type VenueKind = 'cinema' | 'arena' | 'stadium' | 'festival' | 'theatre';

export interface Venue {
  id: string;
  /** The organisation whose event managers may schedule shows in it; absent: the platform's, open to every organisation. */
  organisationId?: string;
  cityId: string;
  name: string;
  kind: VenueKind;
  /** Absent for general-admission grounds. */
  seatMap?: SeatMap;
}

export interface EventInfo {
  id: string;
  name: string;
  description: string;
  /** e.g. 'concert' | 'festival' | 'movie' | 'sport' | 'theatre'. */
  category: string;
  performerId: string;
  venueIds?: string[];
  /** The organisation that runs it; absent for the platform's own (the demo catalog), which only admins manage. */
  organisationId?: string;
}

export type ShowKind = 'seated' | 'general';

export interface PriceTier {
  tier: string;
  /** Integer minor units (cents), so sums never meet floating-point rounding. */
  price: number;
  /** ISO 4217, e.g. 'EUR'. */
  currency: string;
}

/** How a general-admission capacity splits into tiers; the capacities sum to the show's capacity. */
export interface GeneralTierCapacity {
  tier: string;
  capacity: number;
}

export interface Show {
  id: string;
  eventId: string;
  venueId: string;
  /** ISO-8601 with offset or Z. */
  startsAt: string;
  kind: ShowKind;
  /** How long a hold lasts before it expires by itself; DEFAULT_HOLD_SECONDS when absent. */
  holdSeconds?: number;
  /** Tickets one customer may hold plus own for this show; DEFAULT_MAX_TICKETS_PER_CUSTOMER when absent. */
  maxTicketsPerCustomer?: number;
  tiers: PriceTier[];
  /**
   * Integer minor units added to every ticket at checkout, in the tiers' currency; 0 when absent.
   * Recorded on the sale beside the ticket's price (`TicketsSold.serviceFeePerTicket`), never inside it.
   */
  serviceFeePerTicket?: number;
  /**
   * The VAT rate the show's consumer prices (tickets and fee) include, in basis points
   * (900 = 9 %); 0 when absent. Prices never change with it: it says how much of a total is VAT.
   */
  vatBasisPoints?: number;
  /** General admission only: the number of tickets, numbered 1..capacity. */
  capacity?: number;
  /** General admission only; without it the whole capacity is the single tier in `tiers`. */
  generalTiers?: GeneralTierCapacity[];
  /** General admission only: streams the tickets are spread over; DEFAULT_GENERAL_SHARD_COUNT when absent. */
  shardCount?: number;
}

export const DEFAULT_HOLD_SECONDS = 600;
/** The highest per-ticket fee, in minor units: a typo of three zeros is the mistake worth stopping. */
export const MAX_SERVICE_FEE_PER_TICKET = 1_000_000;
/** 50 %: above any VAT rate in the world. */
export const MAX_VAT_BASIS_POINTS = 5_000;
export const DEFAULT_MAX_TICKETS_PER_CUSTOMER = 10;
export const DEFAULT_GENERAL_SHARD_COUNT = 64;
export const MIN_GENERAL_SHARD_COUNT = 1;
export const MAX_GENERAL_SHARD_COUNT = 1024;

export type ShowWithDefaults = Show & Required<Pick<Show, 'holdSeconds' | 'maxTicketsPerCustomer'>>;

/** Fills the optional knobs so callers read one value instead of repeating the defaults. */
export function withShowDefaults(show: Show): ShowWithDefaults {
  return {
    ...show,
    holdSeconds: show.holdSeconds ?? DEFAULT_HOLD_SECONDS,
    maxTicketsPerCustomer: show.maxTicketsPerCustomer ?? DEFAULT_MAX_TICKETS_PER_CUSTOMER,
  };
}
