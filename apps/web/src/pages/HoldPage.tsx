import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, api } from '../api/client';
import { serverNow } from '../api/clock';
import { errorMessage, seatName } from '../api/messages';
import type { City, HoldDetails, ShowView } from '../api/types';
import { ErrorBox, Show } from '../components';
import { dateTime, minutesSeconds, money } from '../format';
import { holdSummary, type HoldLine } from '../holdSummary';
import { Link, navigate } from '../router';
import { venueLayout } from '../seatmap/layout';
import { useAsync } from '../useAsync';

const CARDS = [
  { token: 'tok_visa', label: 'Test card tok_visa — approved' },
  { token: 'tok_declined', label: 'Test card tok_declined — declined' },
];

async function loadHold(holdId: string): Promise<{ hold: HoldDetails; show: ShowView; lines: HoldLine[] | undefined; timeZone: string | undefined }> {
  const hold = await api('GET', '/v1/holds/{holdId}', { path: { holdId }, auth: 'customer' });
  const show = await api('GET', '/v1/shows/{showId}', { path: { showId: hold.showId } });
  // A precise sample of the server's clock for the countdown (the Date header is whole seconds).
  await api('GET', '/v1/shows/{showId}/availability', { path: { showId: hold.showId } }).catch(() => undefined);
  let lines = holdSummary(holdId)?.lines;
  if (!lines && hold.seatIds) {
    const venue = venueLayout(await api('GET', '/v1/venues/{venueId}', { path: { venueId: show.venueId } }));
    lines = hold.seatIds.map((id) => {
      const tier = show.tiers.find((t) => t.tier === venue.byId.get(id)?.tier) ?? show.tiers[0];
      return { label: seatName(id), tier: tier.tier, price: tier.price, currency: tier.currency };
    });
  }
  if (!lines && show.tiers.length === 1) {
    lines = Array.from({ length: hold.quantity }, (_, i) => ({ label: hold.ticketNumbers ? `ticket #${hold.ticketNumbers[i]}` : 'ticket', ...show.tiers[0] }));
  }
  const city = (await api('GET', '/v1/cities').catch(() => [] as City[])).find((c) => c.id === show.venue.cityId);
  return { hold, show, lines, timeZone: city?.timeZone };
}

export function HoldPage({ holdId }: { holdId: string }) {
  const loaded = useAsync(() => loadHold(holdId), [holdId]);
  return <Show loaded={loaded} what="your hold">{(data) => <HoldBody {...data} />}</Show>;
}

function HoldBody({ hold, show, lines, timeZone }: { hold: HoldDetails; show: ShowView; lines: HoldLine[] | undefined; timeZone: string | undefined }) {
  const expiresAt = Date.parse(hold.expiresAt);
  const [left, setLeft] = useState(expiresAt - serverNow());
  const [announce, setAnnounce] = useState('');
  const [card, setCard] = useState('tok_visa');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const lastAnnounced = useRef('');
  // Kept across retries after a lost answer, so paying twice cannot charge twice; renewed once the server has answered.
  const paymentKey = useRef(`${hold.holdId}-${crypto.randomUUID()}`);
  const active = hold.status === 'active';
  const expired = active && left <= 0;

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      const remaining = expiresAt - serverNow();
      setLeft(remaining);
      const seconds = Math.ceil(remaining / 1000);
      // Spoken now and then, not every second: at each whole minute and near the end.
      const say = seconds <= 0 ? '' : seconds % 60 === 0 ? `${seconds / 60} minute${seconds === 60 ? '' : 's'} left to pay` : [30, 10].includes(seconds) ? `${seconds} seconds left to pay` : '';
      if (say && say !== lastAnnounced.current) {
        lastAnnounced.current = say;
        setAnnounce(say);
      }
      if (remaining <= 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [active, expiresAt]);

  const total = lines?.reduce((sum, l) => sum + l.price, 0);
  const currency = lines?.[0]?.currency ?? show.tiers[0]?.currency ?? 'EUR';

  const [email, setEmail] = useState('');

  const pay = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const order = await api('POST', '/v1/holds/{holdId}/purchase', {
        path: { holdId: hold.holdId },
        auth: 'customer',
        body: { payment: { token: card }, ...(email.trim() ? { email: email.trim() } : {}) },
        headers: { 'Idempotency-Key': paymentKey.current },
      });
      navigate(`/orders/${encodeURIComponent(order.orderId)}`);
    } catch (failure) {
      if (failure instanceof ApiFailure && failure.status !== 0) paymentKey.current = `${hold.holdId}-${crypto.randomUUID()}`;
      if (failure instanceof ApiFailure && failure.code === 'hold_already_purchased') {
        const paid = await api('GET', '/v1/holds/{holdId}', { path: { holdId: hold.holdId }, auth: 'customer' }).catch(() => undefined);
        if (paid?.orderId) {
          navigate(`/orders/${encodeURIComponent(paid.orderId)}`);
          return;
        }
      }
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const release = async () => {
    setBusy(true);
    try {
      await api('DELETE', '/v1/holds/{holdId}', { path: { holdId: hold.holdId }, auth: 'customer' });
      navigate(`/shows/${encodeURIComponent(show.id)}`);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  return (
    <section>
      <p class="crumbs">
        <Link href={`/shows/${encodeURIComponent(show.id)}`}>Back to the show</Link>
      </p>
      <h1>Your hold</h1>
      <p>
        {holdSummary(hold.holdId)?.title ?? show.venue.name} · {dateTime(show.startsAt, timeZone)}
      </p>
      <ul data-testid="hold-lines">
        {(lines ?? []).map((line) => (
          <li>
            {line.label} · {line.tier} · {money(line.price, line.currency)}
          </li>
        ))}
        {!lines ? <li>{hold.quantity} tickets</li> : null}
      </ul>
      {total !== undefined ? (
        <p>
          Total: <strong data-testid="total">{money(total, currency)}</strong>
        </p>
      ) : null}
      {hold.status === 'purchased' && hold.orderId ? (
        <p>
          Paid. <Link href={`/orders/${encodeURIComponent(hold.orderId)}`}>See your tickets</Link>
        </p>
      ) : null}
      {hold.status === 'released' ? <p class="notice">This hold was released.</p> : null}
      {hold.status === 'expired' || expired ? (
        <div role="alert" class="error" data-testid="expired">
          Your hold expired and the seats were released. <Link href={`/shows/${encodeURIComponent(show.id)}`}>Pick seats again</Link>
        </div>
      ) : null}
      {active && !expired ? (
        <>
          <p class="countdown">
            Time left to pay:{' '}
            <strong role="timer" data-testid="countdown" aria-label={`${minutesSeconds(left)} left`}>
              {minutesSeconds(left)}
            </strong>
          </p>
          <p class="sr-only" aria-live="polite">
            {announce}
          </p>
          <form onSubmit={pay} class="pay">
            <fieldset>
              <legend>Pay with a test card</legend>
              {CARDS.map((c) => (
                <label class="radio" key={c.token}>
                  <input type="radio" name="card" value={c.token} checked={card === c.token} onChange={() => setCard(c.token)} /> {c.label}
                </label>
              ))}
            </fieldset>
            <label class="field">
              Email for news about these tickets (optional)
              <input type="email" name="email" autoComplete="email" maxLength={254} value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
            </label>
            <ErrorBox message={error} />
            <button type="submit" class="primary" disabled={busy}>
              {busy ? 'Paying…' : `Pay ${total !== undefined ? money(total, currency) : ''}`}
            </button>{' '}
            <button type="button" onClick={release} disabled={busy}>
              {hold.seatIds?.length ? 'Release the seats' : 'Release the tickets'}
            </button>
          </form>
        </>
      ) : (
        <ErrorBox message={error} />
      )}
    </section>
  );
}
