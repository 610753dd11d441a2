import { useState } from 'preact/hooks';
import { ApiFailure, api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { ShowView } from '../api/types';
import { navigate } from '../router';

/** Shown when nothing is available but tickets are held: they may still come free. */
export function WaitlistOffer({ show, setMessage }: { show: ShowView; setMessage(m: string | null): void }) {
  const [quantity, setQuantity] = useState(1);
  const [busy, setBusy] = useState(false);
  const join = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const joined = await api('POST', '/v1/shows/{showId}/waitlist', { path: { showId: show.id }, auth: 'customer', body: { quantity } });
      navigate(`/waitlist/${encodeURIComponent(joined.entryId)}`);
    } catch (error) {
      if (error instanceof ApiFailure && error.code === 'already_waiting' && typeof error.body.entryId === 'string') {
        navigate(`/waitlist/${encodeURIComponent(error.body.entryId)}`);
        return;
      }
      setMessage(errorMessage(error));
      setBusy(false);
    }
  };
  return (
    <form class="waitlist-offer" onSubmit={join} aria-labelledby="waitlist-title">
      <h2 id="waitlist-title">Nothing free right now</h2>
      <p>Every ticket is sold or held, and held tickets come free when their holds end. Wait in line and you will be offered them in the order people joined.</p>
      <label>
        Tickets wanted{' '}
        <select value={quantity} onChange={(e) => setQuantity(Number(e.currentTarget.value))}>
          {Array.from({ length: show.maxTicketsPerCustomer }, (_, i) => i + 1).map((n) => (
            <option value={n}>{n}</option>
          ))}
        </select>
      </label>{' '}
      <button type="submit" class="primary" disabled={busy}>
        Join the waiting line
      </button>
    </form>
  );
}
