import { useEffect, useState } from 'preact/hooks';
import { api, onSolvingProof } from '../api/client';
import { errorMessage } from '../api/messages';
import type { WaitingRoomPlace } from '../api/types';
import { ErrorBox } from '../components';
import { dateTime } from '../format';
import { savePass } from '../onsale/queuePass';
import { Link, navigate } from '../router';
import { usePageTitle } from '../pageTitle';
import { useAsync } from '../useAsync';

const POLL_MS = 2_000;

type Stage = { kind: 'checking' } | { kind: 'solving' } | { kind: 'joining' } | { kind: 'waiting'; place: WaitingRoomPlace } | { kind: 'admitted'; place: WaitingRoomPlace };

/**
 * A hot on-sale's waiting room: a customer identity (the browser solves a proof-of-work
 * for it while the on-sale is open), a place in arrival order, a countdown to the turn,
 * and the seat map with the queue pass once admitted.
 */
export function WaitingRoomPage({ showId }: { showId: string }) {
  const [stage, setStage] = useState<Stage>({ kind: 'checking' });
  const [error, setError] = useState<string | null>(null);
  const [now, setNow] = useState(Date.now());
  // What the line is for, with the venue's zone for every time on the page.
  const about = useAsync(async () => {
    const show = await api('GET', '/v1/shows/{showId}', { path: { showId } });
    const event = await api('GET', '/v1/events/{eventId}', { path: { eventId: show.eventId } });
    return { eventName: event.name, venueName: show.venue.name, startsAt: show.startsAt, timeZone: show.timeZone };
  }, [showId]);
  const known = about.state === 'done' ? about.value : undefined;
  const zone = known?.timeZone;
  usePageTitle(known ? `Waiting room · ${known.eventName}, ${dateTime(known.startsAt, zone)}` : undefined);

  useEffect(() => onSolvingProof((solving) => solving && setStage({ kind: 'solving' })), []);

  useEffect(() => {
    let alive = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const show = (place: WaitingRoomPlace) => {
      if (!alive) return;
      if (place.status === 'admitted' && place.pass && place.passExpiresAt) {
        savePass(showId, place.pass, place.passExpiresAt);
        setStage({ kind: 'admitted', place });
        return;
      }
      setStage({ kind: 'waiting', place });
      // Ask again at the turn, or every few seconds before it (a place never moves back).
      timer = setTimeout(poll, Math.max(250, Math.min(POLL_MS, place.waitSeconds * 1000)));
    };
    const poll = () =>
      api('GET', '/v1/shows/{showId}/waiting-room', { path: { showId }, auth: 'customer' }).then(show, (e: unknown) => {
        if (!alive) return;
        setError(errorMessage(e));
        timer = setTimeout(poll, POLL_MS);
      });
    (async () => {
      const onSale = await api('GET', '/v1/shows/{showId}/hot-onsale', { path: { showId } });
      if (!onSale.hot) return navigate(`/shows/${encodeURIComponent(showId)}`, true);
      setStage({ kind: 'joining' });
      const place = await api('POST', '/v1/shows/{showId}/waiting-room', { path: { showId }, auth: 'customer' });
      show(place);
    })().catch((e: unknown) => alive && setError(errorMessage(e)));
    const clock = setInterval(() => setNow(Date.now()), 1_000);
    return () => {
      alive = false;
      clearTimeout(timer);
      clearInterval(clock);
    };
  }, [showId]);

  const seats = `/shows/${encodeURIComponent(showId)}`;
  return (
    <section class="waiting-room">
      <h1>Waiting room</h1>
      {known ? (
        <p data-testid="waiting-room-show">
          <strong>{known.eventName}</strong> · {known.venueName} · {dateTime(known.startsAt, zone)}
        </p>
      ) : null}
      <p>This on-sale is busy: everyone gets their turn in the order they arrived.</p>
      {stage.kind === 'checking' || stage.kind === 'joining' ? (
        <p aria-busy="true" class="muted">
          Getting your place…
        </p>
      ) : null}
      {stage.kind === 'solving' ? (
        <p aria-busy="true" data-testid="solving">
          Checking your browser (a second or so)…
        </p>
      ) : null}
      {stage.kind === 'waiting' ? (
        <div role="status" data-testid="place">
          <p class="big">
            You are number <strong data-testid="position">{stage.place.position}</strong> in line.
          </p>
          <p>
            Your turn: about {dateTime(stage.place.admitAt, zone)} — <span data-testid="estimate">{formatWait(Date.parse(stage.place.admitAt) - now)}</span> from now. Keep this page open.
          </p>
        </div>
      ) : null}
      {stage.kind === 'admitted' ? (
        <div role="status" data-testid="admitted">
          <p class="big">It's your turn!</p>
          <p>
            You were number {stage.place.position}. Your pass is good until {dateTime(stage.place.passExpiresAt!, zone)}.
          </p>
          <p>
            <Link href={seats} class="button">
              Choose your tickets
            </Link>
          </p>
        </div>
      ) : null}
      <ErrorBox message={error} />
    </section>
  );
}

function formatWait(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? `${minutes} min ${seconds % 60} s` : `${seconds} s`;
}
