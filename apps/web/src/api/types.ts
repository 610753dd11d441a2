export interface City {
  id: string;
  name: string;
  country: string;
  timeZone: string;
}

export interface EventListItem {
  id: string;
  name: string;
  description: string;
  category: string;
  performer: { id: string; name: string };
  cities: string[];
  nextShowAt: string | null;
}

export interface EventsPage {
  items: EventListItem[];
  page: number;
  pageSize: number;
  total: number;
}

export interface VenueSummary {
  id: string;
  name: string;
  cityId: string;
  kind: string;
}

export interface EventDetails {
  id: string;
  name: string;
  description: string;
  category: string;
  performer: { id: string; name: string };
  shows: Array<{ id: string; venueId: string; venue: VenueSummary; startsAt: string; kind: 'seated' | 'general' }>;
}

export interface PriceTier {
  tier: string;
  price: number;
  currency: string;
}

export interface ShowView {
  id: string;
  eventId: string;
  venueId: string;
  startsAt: string;
  kind: 'seated' | 'general';
  holdSeconds: number;
  maxTicketsPerCustomer: number;
  tiers: PriceTier[];
  capacity: number;
  venue: VenueSummary;
}

export interface SeatRange {
  from: number;
  to: number;
}

export interface SeatSection {
  id: string;
  name: string;
  x: number;
  y: number;
  width: number;
  height: number;
  rows: Array<{ row: string; seats: number | SeatRange[]; tier: string }>;
}

export interface VenueView extends VenueSummary {
  capacity: number;
  seatMap?: { sections: SeatSection[] };
}

export interface Counts {
  capacity: number;
  available: number;
  held: number;
  sold: number;
}

export interface Availability extends Counts {
  byTier: Record<string, Counts>;
  asOf: string;
  lagEvents: number;
}

export type SeatState = 'available' | 'held' | 'sold';

export interface HoldCreated {
  holdId: string;
  showId: string;
  seatIds?: string[];
  ticketNumbers?: number[];
  expiresAt: string;
}

export interface HoldDetails extends HoldCreated {
  status: 'active' | 'purchased' | 'released' | 'expired';
  quantity: number;
  heldAt: string;
  orderId?: string;
}

export interface OrderTicket {
  ticketId: string;
  seatId?: string;
  ticketNumber?: number;
  tier: string;
  price: number;
  currency: string;
}

export interface Order {
  orderId: string;
  holdId: string;
  showId: string;
  customerId: string;
  tickets: OrderTicket[];
  total: number;
  currency: string;
  purchasedAt: string;
}

export interface WaitlistEntry {
  entryId: string;
  showId: string;
  status: 'waiting' | 'offered' | 'sold_out' | 'expired' | 'left';
  position: number | null;
  quantity: number;
  tier?: string;
  section?: string;
  joinedAt: string;
  waitsUntil: string;
  holdId?: string;
}

export interface ProjectionStatus {
  name: string;
  version: number;
  position: string;
  lagEvents: number;
  status: 'live' | 'catching_up' | 'stalled' | 'rebuilding';
  rebuiltAt?: string;
  rebuild?: { position: string; head: string; startedAt: string };
  error?: string;
}
