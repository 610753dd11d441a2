import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiFailure, api } from '../api/client';
import { serverNow } from '../api/clock';
import { errorMessage } from '../api/messages';
import type { HoldDetails, ShowView } from '../api/types';
import { ErrorBox, Show } from '../components';
import { count, dateTime, locale, minutesSeconds, money } from '../format';
import { passHeader } from '../onsale/queuePass';
import { usePageTitle } from '../pageTitle';
import { Link, navigate } from '../router';
import { describeRuns, seatRuns, type PlacedSeat } from '../seatRuns';
import { useAsync } from '../useAsync';

const CARDS = [
  { token: 'tok_visa', label: 'Test card tok_visa — approved' },
  { token: 'tok_declined', label: 'Test card tok_declined — declined' },
];

/** When the countdown turns to a warning (and says so, once). */
const WARN_AT_MS = 60_000;

type HoldLine = HoldDetails['lines'][number];

/** Everything the page shows comes from the API: any tab, device or reload shows the same lines and total. */
async function loadHold(holdId: string): Promise<{ hold: HoldDetails; show: ShowView; eventName: string; timeZone: string | undefined }> {
  const hold = await api('GET', '/v1/holds/{holdId}', { path: { holdId }, auth: 'customer' });
  const show = await api('GET', '/v1/shows/{showId}', { path: { showId: hold.showId } });
  const [event] = await Promise.all([
    api('GET', '/v1/events/{eventId}', { path: { eventId: show.eventId } }).catch(() => undefined),
    // A precise sample of the server's clock for the countdown (the Date header is whole seconds).
    api('GET', '/v1/shows/{showId}/availability', { path: { showId: hold.showId } }).catch(() => undefined),
  ]);
  return { hold, show, eventName: event?.name ?? show.venue.name, timeZone: show.timeZone };
}

export function HoldPage({ holdId }: { holdId: string }) {
  const loaded = useAsync(() => loadHold(holdId), [holdId]);
  const data = loaded.state === 'done' ? loaded.value : undefined;
  usePageTitle(data ? `Hold · ${data.eventName}, ${dateTime(data.show.startsAt, data.timeZone)}` : undefined);
  return <Show loaded={loaded} what="your hold">{(value) => <HoldBody key={value.hold.holdId} {...value} />}</Show>;
}

function lineLabel(line: HoldLine): string {
  if (line.seat !== undefined) return `${line.section ?? ''} · row ${line.row ?? ''} · seat ${line.seat}`;
  return line.ticketNumber !== undefined ? `Ticket #${line.ticketNumber}` : 'Ticket';
}

function vatPercent(basisPoints: number): string {
  return `${new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(basisPoints / 100)} %`;
}

function HoldBody({ hold, show, eventName, timeZone }: { hold: HoldDetails; show: ShowView; eventName: string; timeZone: string | undefined }) {
  const expiresAt = Date.parse(hold.expiresAt);
  const [left, setLeft] = useState(expiresAt - serverNow());
  const [announce, setAnnounce] = useState('');
  const [card, setCard] = useState('tok_visa');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  // Kept across retries after a lost answer, so paying twice cannot charge twice; renewed once the server has answered.
  const paymentKey = useRef(`${hold.holdId}-${crypto.randomUUID()}`);
  const active = hold.status === 'active';
  const expired = hold.status === 'expired' || (active && left <= 0);
  const warning = active && !expired && left <= WARN_AT_MS;

  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => {
      const remaining = expiresAt - serverNow();
      setLeft(remaining);
      if (remaining <= 0) window.clearInterval(timer);
    }, 250);
    return () => window.clearInterval(timer);
  }, [active, expiresAt]);

  // Said once, politely, as the countdown turns: not every second, not again after.
  useEffect(() => {
    if (warning) setAnnounce('Less than 1 minute left to pay. After that the seats are released.');
  }, [warning]);

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

  // The same seats, or as many tickets of the same tier: one tap, no picking from scratch.
  const tiers = [...new Set(hold.lines.map((l) => l.tier))];
  const again = hold.seatIds?.length ? { seatIds: hold.seatIds } : tiers.length === 1 ? { quantity: hold.quantity, tier: tiers[0] } : undefined;
  const holdAgain = async () => {
    if (!again) return;
    setBusy(true);
    setError(null);
    try {
      const created = await api('POST', '/v1/shows/{showId}/holds', { path: { showId: show.id }, auth: 'customer', headers: passHeader(show.id), body: again });
      navigate(`/holds/${encodeURIComponent(created.holdId)}`);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };

  const placed = hold.lines.filter((l): l is HoldLine & PlacedSeat => l.seat !== undefined && l.row !== undefined && l.section !== undefined);
  const runs = seatRuns(placed);
  const apart = runs.length > 1;
  const seated = Boolean(hold.seatIds?.length);
  const noun = (n: number) => (seated ? (n === 1 ? 'seat' : 'seats') : n === 1 ? 'ticket' : 'tickets');

  return (
    <section class="hold">
      <p class="crumbs">
        <Link href={`/shows/${encodeURIComponent(show.id)}`}>Back to the show</Link>
      </p>
      <h1>Your hold</h1>
      <p>
        <strong>{eventName}</strong> · {show.venue.name} · {dateTime(show.startsAt, timeZone)}
      </p>
      {hold.waitlistOffer ? (
        <p class="success" data-testid="waitlist-offer">
          {count(hold.quantity)} {noun(hold.quantity)} came free for you from the waiting line. They are held for you until the time below runs out.
        </p>
      ) : null}
      {apart ? (
        <p class="notice" data-testid="not-together">
          These {count(placed.length)} seats are not together: {describeRuns(runs)}.
        </p>
      ) : null}
      <table class="hold-lines" data-testid="hold-lines">
        <caption class="sr-only">Your {noun(hold.quantity)} and the total</caption>
        <thead>
          <tr>
            <th scope="col">{seated ? 'Seat' : 'Ticket'}</th>
            <th scope="col">Tier</th>
            <th scope="col" class="amount">
              Price
            </th>
          </tr>
        </thead>
        <tbody>
          {hold.lines.map((line) => (
            <tr key={line.seatId ?? line.ticketNumber}>
              <td>{lineLabel(line)}</td>
              <td>{line.tier}</td>
              <td class="amount">{money(line.price, hold.currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          {hold.serviceFeePerTicket > 0 ? (
            <>
              <tr>
                <th scope="row" colSpan={2}>
                  Tickets
                </th>
                <td class="amount" data-testid="tickets-total">
                  {money(hold.ticketsTotal, hold.currency)}
                </td>
              </tr>
              <tr>
                <th scope="row" colSpan={2}>
                  Service fee ({count(hold.quantity)} × {money(hold.serviceFeePerTicket, hold.currency)})
                </th>
                <td class="amount" data-testid="service-fees">
                  {money(hold.serviceFees, hold.currency)}
                </td>
              </tr>
            </>
          ) : null}
          <tr class="total-row">
            <th scope="row" colSpan={2}>
              Total
            </th>
            <td class="amount">
              <strong data-testid="total">{money(hold.total, hold.currency)}</strong>
            </td>
          </tr>
          {hold.vatBasisPoints > 0 ? (
            <tr>
              <td colSpan={3} class="muted" data-testid="vat">
                Includes {money(hold.vat, hold.currency)} VAT ({vatPercent(hold.vatBasisPoints)})
              </td>
            </tr>
          ) : null}
        </tfoot>
      </table>
      {hold.status === 'purchased' && hold.orderId ? (
        <p>
          Paid. <Link href={`/orders/${encodeURIComponent(hold.orderId)}`}>See your tickets</Link>
        </p>
      ) : null}
      {hold.status === 'released' ? <p class="notice">This hold was released.</p> : null}
      {expired ? (
        <div class="error" data-testid="expired">
          <p role="alert">Your hold expired and the {noun(hold.quantity)} were released.</p>
          <p class="actions">
            {again ? (
              <button type="button" class="primary" onClick={holdAgain} disabled={busy}>
                {seated ? `Hold ${hold.quantity === 1 ? 'this seat' : 'these seats'} again` : `Hold ${count(hold.quantity)} ${noun(hold.quantity)} again`}
              </button>
            ) : null}{' '}
            <Link href={`/shows/${encodeURIComponent(show.id)}`}>Pick other {seated ? 'seats' : 'tickets'}</Link>
          </p>
          <ErrorBox message={error} />
        </div>
      ) : null}
      {active && !expired ? (
        <>
          <p class={warning ? 'countdown warning' : 'countdown'} data-testid={warning ? 'countdown-warning' : undefined}>
            Time left to pay:{' '}
            <strong role="timer" data-testid="countdown" aria-label={`${minutesSeconds(left)} left`}>
              {minutesSeconds(left)}
            </strong>
            {warning ? <span class="warning-text"> · less than a minute left</span> : null}
          </p>
          <form onSubmit={pay} class="pay checkout">
            <fieldset>
              <legend>Pay with a test card</legend>
              {CARDS.map((c) => (
                <label class="radio" key={c.token}>
                  <input type="radio" name="card" value={c.token} checked={card === c.token} onChange={() => setCard(c.token)} /> {c.label}
                </label>
              ))}
            </fieldset>
            <label class="field">
              Email for your receipt and news about these tickets (optional)
              <input type="email" name="email" autoComplete="email" maxLength={254} value={email} onInput={(e) => setEmail((e.target as HTMLInputElement).value)} />
            </label>
            <ErrorBox message={error} />
            <div class="actions">
              <button type="submit" class="primary" disabled={busy}>
                {busy ? 'Paying…' : `Pay ${money(hold.total, hold.currency)}`}
              </button>{' '}
              <button type="button" onClick={release} disabled={busy}>
                {seated ? 'Release the seats' : 'Release the tickets'}
              </button>
            </div>
          </form>
        </>
      ) : !expired ? (
        <ErrorBox message={error} />
      ) : null}
      {active ? (
        <p class="sr-only" aria-live="polite" data-testid="announcement">
          {announce}
        </p>
      ) : null}
    </section>
  );
}
