import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { components } from '../api/openapi';
import { Done, ErrorBox, Show } from '../components';
import { count, dateTime, money } from '../format';
import { usePageTitle } from '../pageTitle';
import { useAsync, usePolling } from '../useAsync';
import { minorUnits } from './BuildPage';
import { RemainingPanel } from './RemainingPanel';
import { SalesChart } from './SalesChart';

type ShowPrices = components['schemas']['ShowPrices'];

const REFRESH_MS = 2_000;

/** One show for its event manager: its prices (change one, see every change and who made it) and its sales as they happen. */
export function ManageShowPage({ showId }: { showId: string }) {
  const show = useAsync(() => api('GET', '/v1/shows/{showId}', { path: { showId } }), [showId]);
  usePageTitle(show.state === 'loading' ? undefined : `Manage show ${showId}`);
  const [version, setVersion] = useState(0);
  // Kept here, not in Prices: Prices is drawn anew when the prices reload after a change.
  const [done, setDone] = useState<string | null>(null);
  const prices = useAsync(() => api('GET', '/v1/admin/shows/{showId}/prices', { path: { showId }, auth: 'admin' }), [showId, version]);
  const { value: counts, error } = usePolling(() => api('GET', '/v1/shows/{showId}/availability', { path: { showId } }), [showId], REFRESH_MS);
  return (
    <section>
      <h1>Manage show {showId}</h1>
      <Show loaded={show} what="show">
        {(s) => (
          <p class="muted">
            {s.venue.name} · {dateTime(s.startsAt, s.timeZone)} · {count(s.capacity)} {s.kind === 'seated' ? 'seats' : 'tickets'} · holds last {Math.round(s.holdSeconds / 60)} min · at most{' '}
            {s.maxTicketsPerCustomer} per customer
          </p>
        )}
      </Show>
      <Show loaded={prices} what="prices">
        {(p) => (
          <Prices
            showId={showId}
            prices={p}
            onChanged={(message) => {
              setDone(message);
              setVersion((v) => v + 1);
            }}
          />
        )}
      </Show>
      <Done message={done} />
      <h2>Sales</h2>
      <ErrorBox message={error} />
      <p data-testid="live-counts" role="status">
        {counts ? `${count(counts.sold)} sold · ${count(counts.held)} held · ${count(counts.available)} available of ${count(counts.capacity)}` : 'Loading counts…'}
      </p>
      <RemainingPanel showId={showId} />
      <SalesChart timeZone={show.state === 'done' ? show.value.timeZone : undefined} showId={showId} sold={counts?.sold ?? 0} />
    </section>
  );
}

function Prices({ showId, prices, onChanged }: { showId: string; prices: ShowPrices; onChanged: (message: string) => void }) {
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const change = async (tier: string, currency: string) => {
    setError(null);
    try {
      const changed = await api('PUT', '/v1/admin/shows/{showId}/tiers/{tier}/price', {
        path: { showId, tier },
        body: { price: minorUnits(drafts[tier] ?? ''), currency },
        auth: 'admin',
      });
      setDrafts({ ...drafts, [tier]: '' });
      onChanged(`${changed.tier} now costs ${money(changed.price, changed.currency)} (was ${money(changed.previousPrice, changed.currency)}); holds made before keep their price.`);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <>
      <h2>Prices</h2>
      <table class="table" data-testid="prices">
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col" class="num">
              Price now
            </th>
            <th scope="col">New price</th>
          </tr>
        </thead>
        <tbody>
          {prices.tiers.map((t) => (
            <tr key={t.tier} data-tier={t.tier}>
              <th scope="row">{t.tier}</th>
              <td class="num" data-testid="price">
                {money(t.price, t.currency)}
              </td>
              <td>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    void change(t.tier, t.currency);
                  }}
                >
                  <label>
                    <span class="sr-only">New price of {t.tier} in {t.currency}</span>
                    <input name={`new-price-${t.tier}`} inputMode="decimal" size={8} value={drafts[t.tier] ?? ''} onInput={(e) => setDrafts({ ...drafts, [t.tier]: e.currentTarget.value })} />
                  </label>{' '}
                  <button type="submit">Change</button>
                </form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ErrorBox message={error} />
      <h3>Changes</h3>
      {prices.changes.length === 0 ? (
        <p class="muted">No changes since the show was scheduled.</p>
      ) : (
        <ol data-testid="price-history">
          {prices.changes.map((c, i) => (
            <li key={i}>
              {dateTime(c.changedAt)}: {c.tier} {money(c.previousPrice, c.currency)} → {money(c.price, c.currency)} by {c.by}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
