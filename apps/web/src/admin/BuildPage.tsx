import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { City } from '../api/types';
import { Done, ErrorBox, Show } from '../components';
import { count } from '../format';
import { navigate } from '../router';
import { usePageTitle } from '../pageTitle';
import { useAsync } from '../useAsync';
import { SEAT_MAP_TEMPLATES, type SeatMapTemplate } from './seatMapTemplates';

/** Minor units from what a person types ("95" or "95.50"); a negative or unreadable figure goes to the API as is, which names the field it refuses. */
export function minorUnits(text: string): number {
  return Math.round(Number(text.trim() || Number.NaN) * 100);
}

/** An event manager builds a sale: a venue from a seat-map template, an event, then a show with its tiers and rules. */
export function BuildPage() {
  const cities = useAsync(() => api('GET', '/v1/cities'), []);
  usePageTitle(cities.state === 'loading' ? undefined : 'New venue, event and show');
  const [venue, setVenue] = useState<{ id: string; template: SeatMapTemplate } | null>(null);
  const [eventId, setEventId] = useState<string | null>(null);
  return (
    <section>
      <h1>New venue, event and show</h1>
      <Show loaded={cities} what="cities">
        {(list) => <VenueForm cities={list} onCreated={setVenue} />}
      </Show>
      <EventForm onCreated={setEventId} />
      <ShowForm venue={venue} eventId={eventId} />
    </section>
  );
}

function VenueForm({ cities, onCreated }: { cities: City[]; onCreated: (venue: { id: string; template: SeatMapTemplate }) => void }) {
  const [cityId, setCityId] = useState(cities[0]?.id ?? '');
  const [name, setName] = useState('');
  const [templateId, setTemplateId] = useState<SeatMapTemplate['id']>('cinema');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    const template = SEAT_MAP_TEMPLATES.find((t) => t.id === templateId)!;
    try {
      const created = await api('POST', '/v1/admin/venues', { body: { cityId, name, kind: template.kind, seatMap: template.seatMap }, auth: 'admin' });
      setDone(`Venue ${created.name} (${created.id}) created with ${count(created.capacity)} seats.`);
      onCreated({ id: created.id, template });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-label="New venue" data-testid="venue-form">
      <h2>1. Venue</h2>
      <label class="radio">
        City{' '}
        <select value={cityId} onChange={(e) => setCityId(e.currentTarget.value)}>
          {cities.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </label>
      <label class="radio">
        Name <input name="venueName" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <fieldset>
        <legend>Seat map</legend>
        {SEAT_MAP_TEMPLATES.map((t) => (
          <label class="radio" key={t.id}>
            <input type="radio" name="template" value={t.id} checked={templateId === t.id} onChange={() => setTemplateId(t.id)} /> {t.label} ({count(t.seats)} seats; tiers {t.tiers.join(', ')})
          </label>
        ))}
      </fieldset>
      <button type="submit" class="primary">
        Create venue
      </button>
      <ErrorBox message={error} />
      <Done message={done} />
    </form>
  );
}

function EventForm({ onCreated }: { onCreated: (eventId: string) => void }) {
  const [name, setName] = useState('');
  const [performer, setPerformer] = useState('');
  const [category, setCategory] = useState('concert');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const by = await api('POST', '/v1/admin/performers', { body: { name: performer }, auth: 'admin' });
      const created = await api('POST', '/v1/admin/events', { body: { name, description, category, performerId: by.id }, auth: 'admin' });
      setDone(`Event ${created.name} (${created.id}) created.`);
      onCreated(created.id);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-label="New event" data-testid="event-form">
      <h2>2. Event</h2>
      <label class="radio">
        Name <input name="eventName" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="radio">
        Performer <input name="performer" value={performer} onInput={(e) => setPerformer(e.currentTarget.value)} />
      </label>
      <label class="radio">
        Category <input name="category" value={category} onInput={(e) => setCategory(e.currentTarget.value)} />
      </label>
      <label class="radio">
        Description <input name="description" value={description} onInput={(e) => setDescription(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        Create event
      </button>
      <ErrorBox message={error} />
      <Done message={done} />
    </form>
  );
}

function ShowForm({ venue, eventId }: { venue: { id: string; template: SeatMapTemplate } | null; eventId: string | null }) {
  const tiers = venue?.template.tiers ?? [];
  const [startsAt, setStartsAt] = useState('');
  const [prices, setPrices] = useState<Record<string, string>>({});
  const [currency, setCurrency] = useState('EUR');
  const [holdMinutes, setHoldMinutes] = useState('10');
  const [limit, setLimit] = useState('10');
  const [error, setError] = useState<string | null>(null);
  if (!venue || !eventId) {
    return (
      <div class="panel" data-testid="show-form">
        <h2>3. Show</h2>
        <p class="muted">Create the venue and the event first.</p>
      </div>
    );
  }
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await api('POST', '/v1/admin/shows', {
        body: {
          eventId,
          venueId: venue.id,
          // A datetime-local field has no zone: the show starts at that time in the browser's zone.
          startsAt: startsAt ? new Date(startsAt).toISOString() : '',
          kind: 'seated',
          holdSeconds: Math.round(Number(holdMinutes) * 60),
          maxTicketsPerCustomer: Number(limit),
          tiers: tiers.map((tier) => ({ tier, price: minorUnits(prices[tier] ?? ''), currency })),
        },
        auth: 'admin',
      });
      navigate(`/admin/shows/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form class="panel" onSubmit={submit} aria-label="New show" data-testid="show-form">
      <h2>3. Show</h2>
      <p class="muted">
        Event <code>{eventId}</code> at venue <code>{venue.id}</code>
      </p>
      <label class="radio">
        Starts <input type="datetime-local" name="startsAt" value={startsAt} onInput={(e) => setStartsAt(e.currentTarget.value)} />
      </label>
      <label class="radio">
        Currency <input name="currency" value={currency} size={4} onInput={(e) => setCurrency(e.currentTarget.value)} />
      </label>
      {tiers.map((tier) => (
        <label class="radio" key={tier}>
          Price of {tier} <input name={`price-${tier}`} inputMode="decimal" value={prices[tier] ?? ''} onInput={(e) => setPrices({ ...prices, [tier]: e.currentTarget.value })} />
        </label>
      ))}
      <label class="radio">
        Hold time (minutes) <input name="holdMinutes" inputMode="numeric" value={holdMinutes} onInput={(e) => setHoldMinutes(e.currentTarget.value)} />
      </label>
      <label class="radio">
        Tickets per customer <input name="limit" inputMode="numeric" value={limit} onInput={(e) => setLimit(e.currentTarget.value)} />
      </label>
      <button type="submit" class="primary">
        Schedule show
      </button>
      <ErrorBox message={error} />
    </form>
  );
}
