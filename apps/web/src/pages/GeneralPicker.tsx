import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { Availability, EventDetails, ShowView } from '../api/types';
import { count, money } from '../format';
import { passHeader } from '../onsale/queuePass';
import { navigate } from '../router';

/** General admission: a ticket type and a quantity instead of seats. */
export function GeneralPicker({ show, event, availability, setMessage }: { show: ShowView; event: EventDetails; availability: Availability | null; setMessage(m: string | null): void }) {
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
