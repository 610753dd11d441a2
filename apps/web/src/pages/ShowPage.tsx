import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage, seatName } from '../api/messages';
import type { Availability, City, EventDetails, SeatChange, SeatStatus, ShowView } from '../api/types';
import { ErrorBox, LiveDot, Show } from '../components';
import { count, dateTime, money } from '../format';
import { openShowFeed } from '../live/showFeed';
import { Link, navigate } from '../router';
import { seatLabel, venueLayout, type SeatSpot, type SectionLayout, type VenueLayout } from '../seatmap/layout';
import { SeatStatuses } from '../seatmap/seatStatuses';
import { SectionSeats } from '../seatmap/SectionSeats';
import { VenueOverview } from '../seatmap/VenueOverview';
import { usePageTitle } from '../pageTitle';
import { useAsync } from '../useAsync';
import { WaitlistOffer } from './WaitlistOffer';
import { GeneralPicker } from './GeneralPicker';
import { Legend } from '../seatmap/Legend';
import { passFor, passHeader } from '../onsale/queuePass';

interface Loaded {
  show: ShowView;
  event: EventDetails;
  city: City | undefined;
  layout: VenueLayout | undefined;
}

async function loadShow(showId: string): Promise<Loaded> {
  const [show, onSale] = await Promise.all([api('GET', '/v1/shows/{showId}', { path: { showId } }), api('GET', '/v1/shows/{showId}/hot-onsale', { path: { showId } })]);
  // A hot on-sale is reached through its waiting room: without a pass, go and queue.
  if (onSale.hot && !passFor(showId)) {
    navigate(`/shows/${encodeURIComponent(showId)}/waiting-room`, true);
    return new Promise<Loaded>(() => undefined);
  }
  const [event, cities, venue] = await Promise.all([
    api('GET', '/v1/events/{eventId}', { path: { eventId: show.eventId } }),
    api('GET', '/v1/cities'),
    show.kind === 'seated' ? api('GET', '/v1/venues/{venueId}', { path: { venueId: show.venueId } }) : Promise.resolve(undefined),
  ]);
  return { show, event, city: cities.find((c) => c.id === show.venue.cityId), layout: venue ? venueLayout(venue) : undefined };
}

export function ShowPage({ showId }: { showId: string }) {
  const loaded = useAsync(() => loadShow(showId), [showId]);
  return <Show loaded={loaded} what="the show">{(data) => <ShowBody {...data} />}</Show>;
}

function ShowBody({ show, event, city, layout }: Loaded) {
  const statuses = useRef(new SeatStatuses()).current;
  const [version, setVersion] = useState(0);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [live, setLive] = useState(false);
  const [selected, setSelected] = useState<Map<string, SeatSpot>>(new Map());
  const [flagged, setFlagged] = useState<Set<string>>(new Set());
  const [message, setMessage] = useState<string | null>(null);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(
    () =>
      openShowFeed(show.id, {
        snapshot(seats, counts) {
          if (seats) statuses.reset(seats);
          else if (layout) void loadSeatsBySection(show.id, layout, statuses).then(() => setVersion(statuses.version));
          setAvailability(counts);
          flagTaken(seats ?? []);
          setVersion(statuses.version);
        },
        seats(changes) {
          statuses.apply(changes);
          flagTaken(changes);
          setVersion(statuses.version);
        },
        availability: setAvailability,
        connection: setLive,
      }),
    [show.id],
  );

  /** A seat in the selection that someone else just took is flagged, not silently dropped. */
  const flagTaken = (changes: SeatChange[]) => {
    const taken = changes.filter((c) => c.status !== 'available' && selectedRef.current.has(c.seatId)).map((c) => c.seatId);
    if (taken.length === 0) return;
    setFlagged((old) => new Set([...old, ...taken]));
    setMessage(`${taken.length === 1 ? 'Seat' : 'Seats'} ${taken.map(seatName).join(', ')} ${taken.length === 1 ? 'was' : 'were'} just taken by someone else. Remove ${taken.length === 1 ? 'it' : 'them'} and pick another.`);
  };

  const zone = city?.timeZone;
  usePageTitle(`${event.name}, ${dateTime(show.startsAt, zone)}`);
  // Nothing free: the picker would be a map of dead seats, so the waiting line (or the word sold out) leads instead.
  const nothingFree = availability !== null && availability.available === 0;
  return (
    <section>
      <p class="crumbs">
        <Link href="/">Cities</Link> › <Link href={`/events/${encodeURIComponent(event.id)}`}>{event.name}</Link> › {dateTime(show.startsAt, zone)}
      </p>
      <h1>{event.name}</h1>
      <p>
        {show.venue.name}, {city?.name ?? show.venue.cityId} · <strong>{dateTime(show.startsAt, zone)}</strong> · <LiveDot live={live} />
      </p>
      <p class="muted">
        Prices: {show.tiers.map((t) => `${t.tier} ${money(t.price, t.currency)}`).join(' · ')}. Up to {show.maxTicketsPerCustomer} tickets per customer; a hold lasts{' '}
        {Math.round(show.holdSeconds / 60) >= 1 ? `${Math.round(show.holdSeconds / 60)} minutes` : `${show.holdSeconds} seconds`}.
      </p>
      {/* Not a live region: during an on-sale the counts change several times a second. */}
      {availability ? (
        <p data-testid="availability">
          <strong>{count(availability.available)}</strong> of {count(availability.capacity)} available · {count(availability.held)} held · {count(availability.sold)} sold
        </p>
      ) : null}
      <ErrorBox message={message} />
      {nothingFree && availability.held > 0 ? <WaitlistOffer show={show} setMessage={setMessage} /> : null}
      {nothingFree && availability.held === 0 ? (
        <p class="notice" data-testid="sold-out">
          Sold out: every ticket is sold, so none can come free.
        </p>
      ) : null}
      {nothingFree ? null : show.kind === 'seated' && layout ? (
        <SeatPicker
          show={show}
          event={event}
          layout={layout}
          statuses={statuses}
          version={version}
          selected={selected}
          setSelected={setSelected}
          flagged={flagged}
          setFlagged={setFlagged}
          setMessage={setMessage}
        />
      ) : (
        <GeneralPicker show={show} event={event} availability={availability} setMessage={setMessage} />
      )}
    </section>
  );
}

async function loadSeatsBySection(showId: string, layout: VenueLayout, statuses: SeatStatuses): Promise<void> {
  const all: SeatStatus[] = [];
  for (const section of layout.sections) {
    all.push(...(await api('GET', '/v1/shows/{showId}/seats', { path: { showId }, query: { section: section.id } })));
  }
  statuses.reset(all.filter((s) => s.status !== 'available'));
}

interface PickerProps {
  show: ShowView;
  event: EventDetails;
  layout: VenueLayout;
  statuses: SeatStatuses;
  version: number;
  selected: Map<string, SeatSpot>;
  setSelected(next: Map<string, SeatSpot>): void;
  flagged: Set<string>;
  setFlagged(next: Set<string>): void;
  setMessage(message: string | null): void;
}

/** Big venues open on the overview; a single-section hall opens straight on its seats. */
const OVERVIEW_ABOVE_SEATS = 1_500;

function SeatPicker({ show, event, layout, statuses, version, selected, setSelected, flagged, setFlagged, setMessage }: PickerProps) {
  const direct = layout.sections.length === 1 || layout.seatCount <= OVERVIEW_ABOVE_SEATS;
  const [zoomed, setZoomed] = useState<SectionLayout | null>(direct ? layout.sections[0] : null);
  // The section just closed: "Whole venue" gives its entry in the overview the focus back.
  const [closed, setClosed] = useState<string | undefined>(undefined);
  const [numbers, setNumbers] = useState(false);
  const [busy, setBusy] = useState(false);
  const price = new Map(show.tiers.map((t) => [t.tier, t]));
  const sectionOf = new Map(layout.sections.map((s) => [s.id, s]));
  const valid = [...selected.values()].filter((s) => !flagged.has(s.id));
  const total = valid.reduce((sum, s) => sum + (price.get(s.tier)?.price ?? 0), 0);
  const currency = show.tiers[0]?.currency ?? 'EUR';
  const nameOf = (seat: SeatSpot) => seatLabel(seat, sectionOf.get(seat.section));

  const freeBySection = useMemo(() => {
    const free = new Map<string, number>();
    for (const section of layout.sections) free.set(section.id, section.seats.reduce((n, s) => n + (statuses.status(s.id) === 'available' ? 1 : 0), 0));
    return free;
  }, [version, layout]);

  const toggle = (seat: SeatSpot) => {
    const next = new Map(selected);
    if (next.has(seat.id)) {
      next.delete(seat.id);
      if (flagged.has(seat.id)) {
        const f = new Set(flagged);
        f.delete(seat.id);
        setFlagged(f);
      }
      setMessage(null);
    } else {
      if (statuses.status(seat.id) !== 'available') {
        setMessage(`${nameOf(seat)} is ${statuses.status(seat.id)}: pick a free seat.`);
        return;
      }
      if (next.size >= show.maxTicketsPerCustomer) {
        setMessage(`Limit reached: you can pick at most ${show.maxTicketsPerCustomer} seats for this show.`);
        return;
      }
      next.set(seat.id, seat);
      setMessage(null);
    }
    setSelected(next);
  };

  const hold = async () => {
    setBusy(true);
    setMessage(null);
    try {
      const created = await api('POST', '/v1/shows/{showId}/holds', { path: { showId: show.id }, auth: 'customer', headers: passHeader(show.id), body: { seatIds: valid.map((s) => s.id) } });
      navigate(`/holds/${encodeURIComponent(created.holdId)}`);
    } catch (error) {
      setMessage(errorMessage(error));
      setBusy(false);
    }
  };

  const open = (section: SectionLayout) => {
    setClosed(undefined);
    setZoomed(section);
  };
  const close = () => {
    setClosed(zoomed?.id);
    setZoomed(null);
  };
  const stageLabel = layout.stage?.label ?? (direct ? 'Screen' : 'Stage');
  const holdLabel = busy
    ? 'Holding…'
    : flagged.size > 0
      ? 'Hold: first remove the taken seats'
      : valid.length === 0
        ? 'Pick seats to hold them'
        : `Hold ${valid.length} seat${valid.length === 1 ? '' : 's'} · ${money(total, currency)}`;

  return (
    <div class="picker">
      <div class="map">
        <Legend tiers={show.tiers} accessible={layout.sections.some((s) => s.spaces.length > 0 || s.seats.some((seat) => seat.companion))} />
        {zoomed ? (
          <>
            <div class="map-tools">
              {!direct ? (
                <button type="button" onClick={close}>
                  ← Whole venue
                </button>
              ) : null}
              {!direct ? (
                <h2 class="section-title" data-testid="section-title">
                  {zoomed.name} <span class="muted">· {freeBySection.get(zoomed.id)} free</span>
                </h2>
              ) : null}
              <label>
                <input type="checkbox" checked={numbers} onChange={(e) => setNumbers(e.currentTarget.checked)} /> Seat numbers
              </label>
            </div>
            {direct ? (
              <p class="stage-mark" data-testid="stage-mark">
                {stageLabel}
              </p>
            ) : (
              <p class="front-mark" data-testid="stage-mark">
                ↑ Front of {zoomed.name}, towards the {stageLabel.toLowerCase()}
              </p>
            )}
            <SectionSeats autoFocus={!direct} section={zoomed} statuses={statuses} version={version} tiers={show.tiers} selected={new Set(selected.keys())} flagged={flagged} onToggle={toggle} showNumbers={numbers} />
          </>
        ) : (
          <VenueOverview layout={layout} statuses={statuses} version={version} selected={new Set(selected.keys())} onSection={open} freeBySection={freeBySection} returnFocusTo={closed} />
        )}
      </div>
      <aside class="basket" aria-label="Your selection">
        <h2>Your seats</h2>
        {selected.size === 0 ? <p class="muted">Tap or click seats on the map, or move with the arrow keys and press Space.</p> : null}
        <ul data-testid="selection">
          {[...selected.values()].map((seat) => {
            const p = price.get(seat.tier);
            return (
              <li key={seat.id} class={flagged.has(seat.id) ? 'taken' : ''}>
                {nameOf(seat)} · {seat.tier} {p ? money(p.price, p.currency) : ''}
                {flagged.has(seat.id) ? <strong class="flag"> taken</strong> : null}{' '}
                <button type="button" class="link" onClick={() => toggle(seat)} aria-label={`Remove ${nameOf(seat)}`}>
                  remove
                </button>
              </li>
            );
          })}
        </ul>
        <p>
          Total: <strong data-testid="total">{money(total, currency)}</strong>
        </p>
        {flagged.size > 0 ? <p class="muted">Remove the taken seats first.</p> : null}
        <div class="hold-bar" data-testid="hold-bar">
          <button type="button" class="primary" disabled={valid.length === 0 || busy || flagged.size > 0} onClick={hold}>
            {holdLabel}
          </button>
        </div>
      </aside>
    </div>
  );
}
