import { z } from 'zod';
import { MAX_GENERAL_CAPACITY, MAX_GENERAL_SHARD_COUNT, MAX_HOLD_SECONDS, MAX_SERVICE_FEE_PER_TICKET, MAX_VAT_BASIS_POINTS, MAX_SEAT_NUMBER, MAX_SEATS_PER_ROW, MAX_TICKETS_PER_CUSTOMER, MIN_GENERAL_SHARD_COUNT } from '@app/domain';
import { Count, Currency, Id, Instant, Money, ZonedInstant } from './common';

// ---- answers ----

export const City = z.strictObject({ id: Id, name: z.string(), country: z.string().regex(/^[A-Z]{2}$/), timeZone: z.string() }).meta({ id: 'City' });
export type City = z.infer<typeof City>;

export const PerformerRef = z.strictObject({ id: Id, name: z.string() }).meta({ id: 'PerformerRef' });
export const Performer = z.strictObject({ id: Id, name: z.string() }).meta({ id: 'Performer' });
export type Performer = z.infer<typeof Performer>;

export const EventListItem = z
  .strictObject({
    id: Id,
    name: z.string(),
    description: z.string(),
    category: z.string(),
    performer: PerformerRef,
    cities: z.array(Id).meta({ description: 'Ids of the cities the event has shows in' }),
    nextShowAt: ZonedInstant.nullable().meta({ description: 'The earliest matching show that has not started; null when none' }),
    nextShowTimeZone: z.string().nullable().meta({ description: "The IANA time zone of that show's venue (its city's), to show its time in; null when no next show" }),
  })
  .meta({ id: 'EventListItem' });
export type EventListItem = z.infer<typeof EventListItem>;

export const EventsPage = z.strictObject({ items: z.array(EventListItem), page: z.int().min(1), pageSize: z.int().min(1), total: Count }).meta({ id: 'EventsPage' });
export type EventsPage = z.infer<typeof EventsPage>;

export const VenueKind = z.enum(['cinema', 'arena', 'stadium', 'festival', 'theatre']).meta({ id: 'VenueKind' });
export const ShowKind = z.enum(['seated', 'general']).meta({ id: 'ShowKind' });

export const VenueSummary = z.strictObject({ id: Id, name: z.string(), cityId: Id, kind: VenueKind }).meta({ id: 'VenueSummary' });
export type VenueSummary = z.infer<typeof VenueSummary>;

const VenueTimeZone = z.string().meta({ description: "The venue's IANA time zone (its city's), e.g. Europe/Amsterdam: show the start in it" });
export const EventShow = z.strictObject({ id: Id, venueId: Id, venue: VenueSummary, startsAt: ZonedInstant, timeZone: VenueTimeZone, kind: ShowKind }).meta({ id: 'EventShow' });
export const EventDetails = z
  .strictObject({ id: Id, name: z.string(), description: z.string(), category: z.string(), performer: PerformerRef, shows: z.array(EventShow) })
  .meta({ id: 'EventDetails' });
export type EventDetails = z.infer<typeof EventDetails>;

/** The event as created: what `POST /v1/admin/events` answers. */
export const CatalogEvent = z
  .strictObject({ id: Id, name: z.string(), description: z.string(), category: z.string(), performerId: Id, organisationId: Id.optional().meta({ description: 'The organisation that runs it; absent: the platform' }) })
  .meta({ id: 'CatalogEvent' });

/** The VAT rate a show's consumer prices include. */
export const VatBasisPoints = z
  .int()
  .min(0)
  .max(MAX_VAT_BASIS_POINTS)
  .meta({ description: 'The VAT rate the prices and fees include, in basis points (900 = 9 %; 0: none stated)' });

export const PriceTier = z.strictObject({ tier: z.string(), price: Money, currency: Currency }).meta({ id: 'PriceTier' });
export type PriceTier = z.infer<typeof PriceTier>;

const SeatLabel = z.string().regex(/^[A-Za-z0-9_]{1,32}$/);
const SeatNumber = z.int().min(1).max(MAX_SEAT_NUMBER);
export const SeatRange = z.strictObject({ from: SeatNumber, to: SeatNumber }).meta({ id: 'SeatRange' });
export type SeatRange = z.infer<typeof SeatRange>;
export const SeatRow = z
  .strictObject({
    row: SeatLabel,
    seats: z.union([z.int().min(1).max(MAX_SEATS_PER_ROW), z.array(SeatRange).min(1).max(1_000)]).meta({ description: 'A count (seats 1..n) or number ranges with gaps for aisles' }),
    tier: z.string().min(1).max(32),
    wheelchair: z.array(SeatRange).min(1).max(1_000).optional().meta({ description: "Wheelchair spaces: numbers in the row's numbering that hold no seat (a gap in seats)" }),
    companion: z.array(SeatRange).min(1).max(1_000).optional().meta({ description: 'Companion seats: seats of the row beside a wheelchair space' }),
  })
  .meta({ id: 'SeatRow' });
export const SeatSection = z
  .strictObject({ id: SeatLabel, name: z.string().min(1).max(100), x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive(), rows: z.array(SeatRow).min(1).max(1_000) })
  .meta({ id: 'SeatSection' });
export type SeatSection = z.infer<typeof SeatSection>;
export const SeatMapStage = z
  .strictObject({ label: z.string().min(1).max(40), x: z.number(), y: z.number(), width: z.number().positive(), height: z.number().positive() })
  .meta({ id: 'SeatMapStage', description: 'Where the performance is (stage, screen, pitch), in the sections\' units' });
export const SeatMap = z.strictObject({ sections: z.array(SeatSection).min(1).max(500), stage: SeatMapStage.optional() }).meta({ id: 'SeatMap' });
export type SeatMap = z.infer<typeof SeatMap>;

export const VenueView = z
  .strictObject({ ...VenueSummary.shape, capacity: Count.meta({ description: 'Seats in the map; 0 for general-admission grounds' }), seatMap: SeatMap.optional() })
  .meta({ id: 'VenueView' });
export type VenueView = z.infer<typeof VenueView>;

export const SectionLayout = z
  .strictObject({ id: z.string(), name: z.string(), x: z.number(), y: z.number(), width: z.number(), height: z.number(), seats: Count })
  .meta({ id: 'SectionLayout' });
export type SectionLayout = z.infer<typeof SectionLayout>;

export const ShowView = z
  .strictObject({
    id: Id,
    eventId: Id,
    venueId: Id,
    startsAt: ZonedInstant,
    timeZone: VenueTimeZone,
    kind: ShowKind,
    holdSeconds: z.int().min(1),
    maxTicketsPerCustomer: z.int().min(1),
    tiers: z.array(PriceTier),
    serviceFeePerTicket: Money.meta({ description: 'Added to every ticket at checkout, in the tiers\' currency (integer minor units; 0: none)' }),
    vatBasisPoints: VatBasisPoints,
    capacity: Count.meta({ description: 'Seats for a seated show; tickets for general admission' }),
    venue: VenueSummary,
    sections: z.array(SectionLayout).optional().meta({ description: 'Seated shows only' }),
  })
  .meta({ id: 'ShowView' });
export type ShowView = z.infer<typeof ShowView>;

// ---- requests (the same rules the API's validation enforces; a spec sends bodies to both) ----

const CatalogId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/).meta({ description: "1-63 lowercase letters, digits or '-', starting with a letter or digit" });
const label = (max: number) => z.string().min(1).max(max).regex(/\S/);

export const CreateCityRequest = z
  .strictObject({ id: CatalogId.optional(), name: label(100), country: z.string().regex(/^[A-Z]{2}$/), timeZone: z.string().meta({ description: 'An IANA time zone, e.g. Europe/Amsterdam' }) })
  .meta({ id: 'CreateCityRequest' });
export const CreatePerformerRequest = z.strictObject({ id: CatalogId.optional(), name: label(200) }).meta({ id: 'CreatePerformerRequest' });
export const CreateEventRequest = z
  .strictObject({ id: CatalogId.optional(), organisationId: CatalogId.optional().meta({ description: 'Admins only: the owning organisation (an event manager\'s is its own)' }), name: label(200), description: z.string().max(5_000), category: label(40), performerId: CatalogId })
  .meta({ id: 'CreateEventRequest' });
export const CreateVenueRequest = z
  .strictObject({ id: CatalogId.optional(), organisationId: CatalogId.optional().meta({ description: 'Admins only: the owning organisation (an event manager\'s is its own)' }), cityId: CatalogId, name: label(200), kind: VenueKind, seatMap: SeatMap.optional() })
  .meta({ id: 'CreateVenueRequest' });
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
export const ScheduleShowRequest = z
  .strictObject({
    id: CatalogId.optional(),
    eventId: CatalogId,
    venueId: CatalogId,
    startsAt: z.string().regex(ZONED).meta({ description: 'ISO 8601 date-time with a zone, e.g. 2027-07-01T19:30:00Z' }),
    kind: ShowKind,
    holdSeconds: z.int().min(1).max(MAX_HOLD_SECONDS).optional(),
    maxTicketsPerCustomer: z.int().min(1).max(MAX_TICKETS_PER_CUSTOMER).optional(),
    tiers: z.array(z.strictObject({ tier: label(32), price: z.int().min(0).max(Number.MAX_SAFE_INTEGER), currency: Currency })).min(1).max(20),
    serviceFeePerTicket: z
      .int()
      .min(0)
      .max(MAX_SERVICE_FEE_PER_TICKET)
      .optional()
      .meta({ description: 'Integer minor units added to every ticket at checkout (default 0); recorded on the sale beside the ticket price' }),
    vatBasisPoints: VatBasisPoints.optional().meta({ description: 'The VAT rate the prices and fee include, in basis points (900 = 9 %; default 0); fixed once scheduled' }),
    capacity: z.int().min(1).max(MAX_GENERAL_CAPACITY).optional().meta({ description: 'General admission: the number of tickets' }),
    generalTiers: z.array(z.strictObject({ tier: label(32), capacity: z.int().min(1).max(MAX_GENERAL_CAPACITY) })).min(1).max(20).optional(),
    shardCount: z.int().min(MIN_GENERAL_SHARD_COUNT).max(MAX_GENERAL_SHARD_COUNT).optional(),
  })
  .meta({ id: 'ScheduleShowRequest' });

const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}))?$/;
export const SearchEventsQuery = z.strictObject({
  q: z.string().max(100).optional().meta({ description: 'Words in the name, performer or description' }),
  city: CatalogId.optional().meta({ description: 'A city id: events with a show there' }),
  from: z.string().regex(DATE_OR_DATE_TIME).optional().meta({ description: 'A date (2027-07-01) or date-time with a zone' }),
  to: z.string().regex(DATE_OR_DATE_TIME).optional().meta({ description: 'A bare date includes the whole day' }),
  page: z.int().min(1).max(1_000).optional(),
});

export const Cities = z.array(City);

export const StaffShows = z
  .strictObject({
    items: z.array(
      z.strictObject({
        showId: Id,
        eventId: Id,
        eventName: z.string(),
        venueName: z.string(),
        startsAt: z.string(),
        timeZone: VenueTimeZone,
        kind: z.enum(['seated', 'general']),
        organisationId: Id.optional(),
        revenue: z
          .array(z.strictObject({ currency: Currency, amount: Money }))
          .meta({ description: 'What its sold tickets brought in, one entry per currency (minor units), from the sales read model; empty before the first sale' }),
      }),
    ),
  })
  .meta({ id: 'StaffShows' });
export type StaffShows = z.infer<typeof StaffShows>;
