import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage, seatName } from '../api/messages';
import type { Availability, City, EventDetails, PriceTier, SeatChange, SeatStatus, ShowView } from '../api/types';
import { ErrorBox, LiveDot, Show } from '../components';
import { count, dateTime, money } from '../format';
import { openShowFeed } from '../live/showFeed';
import { Link, navigate } from '../router';
import { tierColour, venueLayout, type SeatSpot, type SectionLayout, type VenueLayout } from '../seatmap/layout';
import { SeatStatuses } from '../seatmap/seatStatuses';
import { SectionSeats } from '../seatmap/SectionSeats';
import { VenueOverview } from '../seatmap/VenueOverview';
import { useAsync } from '../useAsync';
import { WaitlistOffer } from './WaitlistOffer';
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
      {show.kind === 'seated' && layout ? (
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
      {availability && availability.available === 0 && availability.held > 0 ? <WaitlistOffer show={show} setMessage={setMessage} /> : null}
      {availability && availability.available === 0 && availability.held === 0 ? <p class="notice">Sold out: every ticket is sold, so none can come free.</p> : null}
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
  const [busy, setBusy] = useState(false);
  const price = new Map(show.tiers.map((t) => [t.tier, t]));
  const valid = [...selected.values()].filter((s) => !flagged.has(s.id));
  const total = valid.reduce((sum, s) => sum + (price.get(s.tier)?.price ?? 0), 0);
  const currency = show.tiers[0]?.currency ?? 'EUR';

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
        setMessage(`${seatName(seat.id)} is ${statuses.status(seat.id)}: pick a free seat.`);
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

  return (
    <div class="picker">
      <div class="map">
        <Legend tiers={show.tiers} />
        {zoomed ? (
          <>
            {!direct ? (
              <p>
                <button type="button" onClick={() => setZoomed(null)}>
                  ← Whole venue
                </button>{' '}
                <strong>{zoomed.name}</strong> · {freeBySection.get(zoomed.id)} free
              </p>
            ) : null}
            <p class="stage" aria-hidden="true">
              {layout.sections.length === 1 ? 'Screen / stage' : ''}
            </p>
            <SectionSeats autoFocus={!direct} section={zoomed} statuses={statuses} version={version} tiers={show.tiers} selected={new Set(selected.keys())} flagged={flagged} onToggle={toggle} />
          </>
        ) : (
          <VenueOverview layout={layout} statuses={statuses} version={version} tiers={show.tiers.map((t) => t.tier)} selected={new Set(selected.keys())} onSection={setZoomed} freeBySection={freeBySection} />
        )}
      </div>
      <aside class="basket" aria-label="Your selection">
        <h2>Your seats</h2>
        {selected.size === 0 ? <p class="muted">Click seats on the map, or move with the arrow keys and press Space.</p> : null}
        <ul data-testid="selection">
          {[...selected.values()].map((seat) => {
            const p = price.get(seat.tier);
            return (
              <li key={seat.id} class={flagged.has(seat.id) ? 'taken' : ''}>
                {seatName(seat.id)} · {seat.tier} {p ? money(p.price, p.currency) : ''}
                {flagged.has(seat.id) ? <strong class="flag"> taken</strong> : null}{' '}
                <button type="button" class="link" onClick={() => toggle(seat)} aria-label={`Remove ${seatName(seat.id)}`}>
                  remove
                </button>
              </li>
            );
          })}
        </ul>
        <p>
          Total: <strong data-testid="total">{money(total, currency)}</strong>
        </p>
        <button type="button" class="primary" disabled={valid.length === 0 || busy || flagged.size > 0} onClick={hold}>
          {busy ? 'Holding…' : `Hold ${valid.length || ''} seat${valid.length === 1 ? '' : 's'}`}
        </button>
        {flagged.size > 0 ? <p class="muted">Remove the taken seats first.</p> : null}
      </aside>
    </div>
  );
}

function Legend({ tiers }: { tiers: PriceTier[] }) {
  const names = tiers.map((t) => t.tier);
  return (
    <ul class="legend" aria-label="Legend">
      {tiers.map((t) => (
        <li key={t.tier}>
          <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill={tierColour(names, t.tier)} /></svg> available, {t.tier} {money(t.price, t.currency)}
        </li>
      ))}
      <li>
        <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill="#111827" /><path d="M4 7 L6.5 9.5 L10.5 4.5" stroke="#fff" stroke-width="2" fill="none" /></svg> selected
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true"><rect x="1" y="1" width="12" height="12" fill="#e5e7eb" stroke="#6b7280" /><path d="M1 13 L13 1 M1 7 L7 1 M7 13 L13 7" stroke="#6b7280" /></svg> held
      </li>
      <li>
        <svg width="14" height="14" aria-hidden="true"><path d="M2 2 L12 12 M12 2 L2 12" stroke="#4b5563" stroke-width="2.5" /></svg> sold
      </li>
    </ul>
  );
}

function GeneralPicker({ show, event, availability, setMessage }: { show: ShowView; event: EventDetails; availability: Availability | null; setMessage(m: string | null): void }) {
  const [tier, setTier] = useState(show.tiers[0]?.tier ?? '');
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const priced = show.tiers.find((t) => t.tier === tier) ?? show.tiers[0];
  const left = availability?.byTier[tier]?.available;

  const hold = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const created = await api('POST', '/v1/shows/{showId}/holds', { path: { showId: show.id }, auth: 'customer', headers: passHeader(show.id), body: { quantity, tier } });
      navigate(`/holds/${encodeURIComponent(created.holdId)}`);
    } catch (error) {
      setMessage(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <form class="ga" onSubmit={hold}>
      <h2>General admission</h2>
      <fieldset>
        <legend>Ticket type</legend>
        {show.tiers.map((t) => (
          <label key={t.tier} class="radio">
            <input type="radio" name="tier" value={t.tier} checked={t.tier === tier} onChange={() => setTier(t.tier)} /> {t.tier} · {money(t.price, t.currency)}
            {availability?.byTier[t.tier] ? <span class="muted"> · {count(availability.byTier[t.tier].available)} left</span> : null}
          </label>
        ))}
      </fieldset>
      <label>
        Quantity{' '}
        <select value={quantity} onChange={(e) => setQuantity(Number(e.currentTarget.value))}>
          {Array.from({ length: show.maxTicketsPerCustomer }, (_, i) => i + 1).map((n) => (
            <option value={n}>{n}</option>
          ))}
        </select>
      </label>
      <p data-testid="remaining">
        {left === undefined ? 'Counting tickets…' : `${count(left)} ${tier} tickets left`}
      </p>
      <p>
        Total: <strong data-testid="total">{money(priced.price * quantity, priced.currency)}</strong>
      </p>
      <button type="submit" class="primary" disabled={busy || left === 0}>
        {busy ? 'Holding…' : `Hold ${quantity} ticket${quantity === 1 ? '' : 's'}`}
      </button>
    </form>
  );
}
