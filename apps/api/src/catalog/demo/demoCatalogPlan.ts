import { demoCities, demoFestivalShow, demoVenues, type PriceTier } from '@app/domain';
import type { CreateCityInput } from '../commands/createCity.command';
import type { CreateEventInput } from '../commands/createEvent.command';
import type { CreatePerformerInput } from '../commands/createPerformer.command';
import type { CreateVenueInput } from '../commands/createVenue.command';
import type { ScheduleShowInput } from '../commands/scheduleShow.command';

type WithId<T> = T & { id: string };

export interface DemoCatalogPlan {
  cities: Array<WithId<CreateCityInput>>;
  venues: Array<WithId<CreateVenueInput>>;
  performers: Array<WithId<CreatePerformerInput>>;
  events: Array<WithId<CreateEventInput>>;
  /** Cinema and arena shows; the festival comes last on its own (see `festival`). */
  shows: Array<WithId<ScheduleShowInput>>;
  /** Scheduled last: its stream existing means the whole demo catalog does. */
  festival: WithId<ScheduleShowInput>;
  showIds: { cinema: string[]; arena: string; stadium: string; festival: string };
}

export const DEMO_FESTIVAL_SHOW_ID = 'festival-2027';

const DAY_MS = 86_400_000;

/** Evening shows in Amsterdam (UTC+1 in winter, +2 in summer): 18:00/19:00 and 20:30/21:30 local. */
const CINEMA_TIMES_UTC = ['17:00', '19:30'];
const CINEMA_DAYS_AHEAD = [1, 2];
const ARENA_DAYS_AHEAD = 28;
const STADIUM_DAYS_AHEAD = 56;

const cinemaTiers: PriceTier[] = [
  { tier: 'economy', price: 950, currency: 'EUR' },
  { tier: 'regular', price: 1_250, currency: 'EUR' },
  { tier: 'vip', price: 1_650, currency: 'EUR' },
];

const arenaTiers: PriceTier[] = [
  { tier: 'vip', price: 14_500, currency: 'EUR' },
  { tier: 'regular', price: 8_900, currency: 'EUR' },
  { tier: 'economy', price: 5_900, currency: 'EUR' },
];

const stadiumTiers: PriceTier[] = [
  { tier: 'vip', price: 19_500, currency: 'GBP' },
  { tier: 'regular', price: 9_500, currency: 'GBP' },
  { tier: 'economy', price: 5_500, currency: 'GBP' },
];

/** The domain's fixture ids carry a `venue-` prefix; the demo's readable ids drop it (`cinema-hall-1`). */
const venueId = (fixtureId: string): string => fixtureId.replace(/^venue-/, '');

/**
 * One of each kind of sale in the brief, with readable ids: a two-hall cinema showing
 * a film over the next days, an arena concert four weeks out, and the 1,000,000-ticket
 * festival, and a 200,000-seat stadium final eight weeks out. Dates are relative to `now`
 * so a fresh demo always has upcoming shows; the festival keeps its fixed date, as its id
 * says. Scheduling the stadium show costs one event: its 40-odd inventory streams are
 * only read when someone first holds there.
 */
export function demoCatalogPlan(now: Date): DemoCatalogPlan {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const isoDay = (daysAhead: number): string => new Date(today + daysAhead * DAY_MS).toISOString().slice(0, 10);
  const compact = (text: string): string => text.replace(/[-:]/g, '');

  const cinemaShows = ['cinema-hall-1', 'cinema-hall-2'].flatMap((hall) =>
    CINEMA_DAYS_AHEAD.flatMap((days) =>
      CINEMA_TIMES_UTC.map((time) => ({
        id: `${hall}-${compact(isoDay(days))}-${compact(time)}`,
        eventId: 'movie-the-long-night',
        venueId: hall,
        startsAt: `${isoDay(days)}T${time}:00.000Z`,
        kind: 'seated' as const,
        holdSeconds: 300,
        maxTicketsPerCustomer: 10,
        tiers: cinemaTiers,
        // Dutch VAT on cinema tickets: 9 %, included in the prices.
        vatBasisPoints: 900,
      })),
    ),
  );
  const arenaShow = {
    id: `arena-${compact(isoDay(ARENA_DAYS_AHEAD))}`,
    eventId: 'northern-lights-live',
    venueId: 'arena',
    startsAt: `${isoDay(ARENA_DAYS_AHEAD)}T19:00:00.000Z`,
    kind: 'seated' as const,
    holdSeconds: 600,
    maxTicketsPerCustomer: 10,
    tiers: arenaTiers,
    vatBasisPoints: 900,
  };
  const stadiumShow = {
    id: `stadium-${compact(isoDay(STADIUM_DAYS_AHEAD))}`,
    eventId: 'cup-final',
    venueId: 'stadium',
    startsAt: `${isoDay(STADIUM_DAYS_AHEAD)}T19:00:00.000Z`,
    kind: 'seated' as const,
    holdSeconds: 600,
    maxTicketsPerCustomer: 6,
    tiers: stadiumTiers,
    // UK VAT at 20 %, and a booking fee per ticket.
    vatBasisPoints: 2_000,
    serviceFeePerTicket: 250,
  };
  const festival = {
    ...demoFestivalShow,
    id: DEMO_FESTIVAL_SHOW_ID,
    eventId: 'global-festival-2027',
    venueId: venueId(demoFestivalShow.venueId),
    startsAt: '2027-07-17T12:00:00.000Z',
  };

  return {
    cities: demoCities.map((city) => ({ ...city })),
    venues: demoVenues.map((venue) => ({ ...venue, id: venueId(venue.id) })),
    performers: [
      { id: 'studio-noord', name: 'Studio Noord Pictures' },
      { id: 'the-northern-lights', name: 'The Northern Lights' },
      { id: 'various-artists', name: 'Various Artists' },
      { id: 'london-football-league', name: 'London Football League' },
    ],
    events: [
      {
        id: 'movie-the-long-night',
        name: 'The Long Night',
        description: 'A lighthouse keeper, a winter storm and a ship that should not be there. Drama, 124 minutes.',
        category: 'movie',
        performerId: 'studio-noord',
      },
      {
        id: 'northern-lights-live',
        name: 'The Northern Lights: Live',
        description: 'The arena tour of the year: two hours of songs from all four albums.',
        category: 'concert',
        performerId: 'the-northern-lights',
      },
      {
        id: 'global-festival-2027',
        name: 'Global Festival 2027',
        description: 'One day, five stages, a million people: the festival sold around the world at once.',
        category: 'festival',
        performerId: 'various-artists',
      },
      {
        id: 'cup-final',
        name: 'The Cup Final',
        description: 'Two clubs, one trophy, 200,000 seats: the final sold in one on-sale.',
        category: 'sport',
        performerId: 'london-football-league',
      },
    ],
    shows: [...cinemaShows, arenaShow, stadiumShow],
    festival,
    showIds: { cinema: cinemaShows.map((show) => show.id), arena: arenaShow.id, stadium: stadiumShow.id, festival: festival.id },
  };
}
