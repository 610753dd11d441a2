import { useEffect, useState } from 'preact/hooks';
import { api, hasCustomer, streamUrl } from '../api/client';
import { errorMessage } from '../api/messages';
import type { HolderMessage } from '../api/types';
import { ErrorBox } from '../components';
import { dateTime } from '../format';
import { openFetchSse } from '../live/fetchSse';

/**
 * Messages from the organisers of the shows this browser's customer holds tickets for
 * (of one show, when `showId` is given). Reloaded whenever the customer's live feed
 * says a new one came, and whenever the feed (re)connects, so none is missed.
 */
export function HolderMessages({ showId }: { showId?: string }) {
  const [messages, setMessages] = useState<HolderMessage[] | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!hasCustomer()) return;
    let current = true;
    const load = () =>
      api('GET', '/v1/customers/me/messages', { auth: 'customer' }).then(
        ({ items }) => {
          if (!current) return;
          setMessages(items);
          setError(null);
        },
        (failure: unknown) => current && setError(errorMessage(failure)),
      );
    void load();
    const close = openFetchSse(streamUrl('/v1/customers/me/updates'), 'customer', () => void load(), (live) => live && void load());
    return () => {
      current = false;
      close();
    };
  }, []);

  const shown = (messages ?? []).filter((m) => showId === undefined || m.showId === showId);
  if (error) return <ErrorBox message={error} />;
  if (shown.length === 0) return null;
  return (
    <section class="messages" aria-labelledby="messages-heading">
      <h2 id="messages-heading">Messages from the organiser</h2>
      <ul data-testid="holder-messages">
        {shown.map((m) => (
          <li key={m.messageId} class="message">
            <strong>{m.subject}</strong> <span class="muted">· {dateTime(m.postedAt)}{m.tier ? ` · to ${m.tier} holders` : ''}</span>
            <p style="white-space: pre-line">{m.body}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
