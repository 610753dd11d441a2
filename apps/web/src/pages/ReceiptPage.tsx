import { api, ApiFailure } from '../api/client';
import { Show } from '../components';
import { dateTime, money } from '../format';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import { useAsync } from '../useAsync';
import { OrderShowDetails, sectionNames, showTitle } from './orderShow';
import { TicketList } from './TicketList';
import './orders.css';

/** What a receipt link that opens nothing gets: a page that says so, instead of an error box. */
type Opened = { ok: true; receipt: Awaited<ReturnType<typeof loadReceipt>> } | { ok: false; code: string; message: string };

async function loadReceipt(token: string) {
  const receipt = await api('GET', '/v1/receipts/{token}', { path: { token } });
  const show = await api('GET', '/v1/shows/{showId}', { path: { showId: receipt.showId } }).catch(() => undefined);
  return { ...receipt, sections: sectionNames(show) };
}

async function open(token: string): Promise<Opened> {
  try {
    return { ok: true, receipt: await loadReceipt(token) };
  } catch (failure) {
    if (failure instanceof ApiFailure && failure.status >= 400 && failure.status < 500) return { ok: false, code: failure.code, message: failure.message };
    throw failure;
  }
}

/**
 * The tickets of an order, opened by the signed link in its receipt email: on any device,
 * with no customer identity in the browser. The link is the proof; nothing is stored here.
 */
export function ReceiptPage({ token }: { token: string }) {
  const loaded = useAsync(() => open(token), [token]);
  usePageTitle(loaded.state !== 'done' ? undefined : loaded.value.ok ? `Receipt: ${showTitle(loaded.value.receipt.show, loaded.value.receipt.showId)}` : 'Receipt link not valid');
  return (
    <Show loaded={loaded} what="your tickets">
      {(opened) =>
        opened.ok ? (
          <section>
            <h1>Your tickets</h1>
            <OrderShowDetails show={opened.receipt.show} />
            <p role="status" class="success receipt-total">
              Paid {money(opened.receipt.total, opened.receipt.currency)} on {dateTime(opened.receipt.purchasedAt, opened.receipt.show.timeZone)}. Show these at the entrance.
            </p>
            <TicketList tickets={opened.receipt.tickets} sections={opened.receipt.sections} />
            <p class="muted">Anyone with this link can show these tickets: share it only with the people you bought them for.</p>
            <button type="button" onClick={() => window.print()}>
              Print tickets
            </button>
          </section>
        ) : (
          <section>
            <h1>This receipt link does not work</h1>
            <p class="error" data-testid="receipt-error">
              {opened.code === 'receipt_link_invalid' || opened.code === 'invalid_request'
                ? 'The link was changed or cut short, so it cannot open any tickets. Open it again from the receipt email, exactly as it is there (the whole link).'
                : opened.code === 'not_found'
                  ? 'This link is genuine, but its order is not here (yet). Try again in a moment.'
                  : opened.message}
            </p>
            <p>
              <Link href="/orders">My orders</Link> shows the tickets bought in this browser.
            </p>
          </section>
        )
      }
    </Show>
  );
}
