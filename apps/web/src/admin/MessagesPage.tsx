import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { ShowMessage, ShowView } from '../api/types';
import { ErrorBox, Show } from '../components';
import { dateTime } from '../format';
import { Link } from '../router';
import { usePageTitle } from '../pageTitle';
import { useAsync, usePolling } from '../useAsync';

const REFRESH_MS = 2_000;

/** An event manager writes to a show's ticket holders (all, or one tier's), and sees what was sent. */
export function MessagesPage({ showId }: { showId: string }) {
  const [version, setVersion] = useState(0);
  const show = useAsync(() => api('GET', '/v1/shows/{showId}', { path: { showId } }), [showId]);
  usePageTitle(show.state === 'loading' ? undefined : `Messages · ${showId}`);
  return (
    <section>
      <p class="crumbs">
        <Link href="/admin">Shows</Link> › Messages
      </p>
      <h1>Messages to ticket holders</h1>
      <Show loaded={show} what="the show">
        {(loaded) => (
          <>
            <p>
              <code>{loaded.id}</code> · {dateTime(loaded.startsAt, loaded.timeZone)}
            </p>
            <MessageForm show={loaded} onPosted={() => setVersion((v) => v + 1)} />
            <SentMessages showId={showId} version={version} />
          </>
        )}
      </Show>
    </section>
  );
}

/** Re-read after each post, and every few seconds while some email is still going out. */
function SentMessages({ showId, version }: { showId: string; version: number }) {
  const { value: messages, error } = usePolling(
    async (): Promise<ShowMessage[]> => (await api('GET', '/v1/admin/shows/{showId}/messages', { path: { showId }, auth: 'admin' })).items,
    [showId, version],
    REFRESH_MS,
  );
  return (
    <>
      <h2>Sent</h2>
      <ErrorBox message={error} />
      {messages === undefined ? null : messages.length === 0 ? (
        <p>No messages yet.</p>
      ) : (
        <table class="table" data-testid="show-messages">
          <caption class="sr-only">Messages to this show's holders, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Posted</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
              <th scope="col">Email</th>
            </tr>
          </thead>
          <tbody>
            {messages.map((m) => (
              <tr key={m.messageId}>
                <td>{dateTime(m.postedAt)}</td>
                <td>{m.tier ? `${m.tier} holders` : 'all holders'}</td>
                <td>{m.subject}</td>
                <td>
                  {m.email.sent} sent{m.email.failed ? `, ${m.email.failed} refused` : ''}
                  {m.email.completed ? '' : ' (sending, or email is off)'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function MessageForm({ show, onPosted }: { show: ShowView; onPosted: () => void }) {
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [tier, setTier] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(null);
    try {
      const posted = await api('POST', '/v1/admin/shows/{showId}/messages', {
        path: { showId: show.id },
        auth: 'admin',
        body: { subject, body, ...(tier ? { tier } : {}) },
        headers: { 'Idempotency-Key': crypto.randomUUID() },
      });
      setDone(`Sent to ${posted.tier ? `${posted.tier} holders` : 'all holders'}: ${posted.subject}`);
      setSubject('');
      setBody('');
      onPosted();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} class="message-form" data-testid="message-form">
      <label class="field">
        To
        <select name="tier" value={tier} onChange={(e) => setTier((e.target as HTMLSelectElement).value)}>
          <option value="">Every ticket holder</option>
          {show.tiers.map((t) => (
            <option key={t.tier} value={t.tier}>
              Holders of {t.tier}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        Subject
        <input name="subject" required maxLength={150} value={subject} onInput={(e) => setSubject((e.target as HTMLInputElement).value)} />
      </label>
      <label class="field">
        Message
        <textarea name="body" required maxLength={5000} rows={6} value={body} onInput={(e) => setBody((e.target as HTMLTextAreaElement).value)} />
      </label>
      <ErrorBox message={error} />
      {done ? (
        <p role="status" class="success">
          {done}
        </p>
      ) : null}
      <button type="submit" class="primary" disabled={busy}>
        {busy ? 'Sending…' : 'Send to holders'}
      </button>
    </form>
  );
}
