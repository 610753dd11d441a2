import { useEffect, useRef, useState } from 'preact/hooks';
import jsQR from 'jsqr';
import { api, ApiFailure } from '../api/client';
import { errorMessage } from '../api/messages';
import type { components } from '../api/openapi';
import { clockTime } from '../format';
import { usePageTitle } from '../pageTitle';
import { useAsync } from '../useAsync';
import { allShows } from './showList';

type CheckIn = components['schemas']['CheckIn'];
type Counts = components['schemas']['CheckInCounts'];

const GATE_KEY = 'tickets.gateName';
/** How often the counts are fetched again while the page is open. */
const COUNTS_EVERY_MS = 2_000;
/** The same code held in front of the camera is sent once, not once a frame. */
const SAME_CODE_IGNORED_MS = 4_000;

const HEADLINE: Record<CheckIn['outcome'], string> = {
  admitted: 'ADMITTED',
  already_admitted: 'ALREADY ADMITTED',
  invalid_signature: 'NOT A VALID TICKET',
  wrong_show: 'WRONG SHOW',
  refunded: 'REFUNDED',
};

/** What the screen shows after a scan: an outcome of the API, or a scan the API refused (not a ticket, network). */
type Shown = { kind: CheckIn['outcome']; detail: string } | { kind: 'error'; detail: string };

/**
 * The gate: scans with the device camera when it has one (getUserMedia, frames decoded by
 * jsQR), and always takes a typed or pasted payload. Each outcome fills the screen in its
 * colour with a word to read from a distance; the show's counts refresh every two seconds.
 */
export function GatePage({ showId }: { showId: string }) {
  const [gate, setGate] = useState(localStorage.getItem(GATE_KEY) ?? '');
  const [payload, setPayload] = useState('');
  const [shown, setShown] = useState<Shown | null>(null);
  const [counts, setCounts] = useState<Counts | null>(null);
  const [camera, setCamera] = useState<'starting' | 'on' | 'none'>('starting');
  const video = useRef<HTMLVideoElement>(null);
  const busy = useRef(false);
  const gateRef = useRef(gate);
  // The staff member's shows name this one and give its venue's zone (gate staff may read their own).
  const shows = useAsync(allShows, []);
  const row = shows.state === 'done' ? shows.value.find((r) => r.showId === showId) : undefined;
  const zoneRef = useRef<string | undefined>(undefined);
  zoneRef.current = row?.timeZone;
  usePageTitle(shows.state === 'loading' ? undefined : `Gate check-in · ${row?.eventName ?? showId}`);
  gateRef.current = gate;

  const refreshCounts = () =>
    api('GET', '/v1/shows/{showId}/checkins/counts', { path: { showId }, auth: 'admin' }).then(setCounts, () => undefined);

  const submit = async (scanned: string) => {
    if (busy.current) return;
    busy.current = true;
    try {
      const answer = await api('POST', '/v1/shows/{showId}/checkins', { path: { showId }, body: { payload: scanned.trim(), gate: gateRef.current.trim() }, auth: 'admin' });
      const detail =
        answer.outcome === 'already_admitted' && answer.admittedAt
          ? `First admitted at ${answer.gate} at ${clockTime(answer.admittedAt, zoneRef.current)}`
          : answer.message;
      setShown({ kind: answer.outcome, detail });
      void refreshCounts();
    } catch (failure) {
      setShown({ kind: 'error', detail: failure instanceof ApiFailure && failure.code === 'invalid_request' ? `Not a ticket: ${failure.message}` : errorMessage(failure) });
    } finally {
      busy.current = false;
    }
  };

  useEffect(() => {
    void refreshCounts();
    const timer = setInterval(() => void refreshCounts(), COUNTS_EVERY_MS);
    return () => clearInterval(timer);
  }, [showId]);

  useEffect(() => {
    let stream: MediaStream | undefined;
    let frame = 0;
    let stopped = false;
    let last = { text: '', at: 0 };
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('2d', { willReadFrequently: true });
    const scanFrame = () => {
      if (stopped) return;
      const v = video.current;
      if (v && context && v.readyState >= 2 && v.videoWidth > 0) {
        canvas.width = v.videoWidth;
        canvas.height = v.videoHeight;
        context.drawImage(v, 0, 0);
        const code = jsQR(context.getImageData(0, 0, canvas.width, canvas.height).data, canvas.width, canvas.height, { inversionAttempts: 'dontInvert' });
        const now = Date.now();
        if (code?.data && gateRef.current.trim() && (code.data !== last.text || now - last.at > SAME_CODE_IGNORED_MS)) {
          last = { text: code.data, at: now };
          void submit(code.data);
        }
      }
      frame = requestAnimationFrame(scanFrame);
    };
    if (!navigator.mediaDevices?.getUserMedia) {
      setCamera('none');
    } else {
      navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }).then(
        (media) => {
          if (stopped) return media.getTracks().forEach((track) => track.stop());
          stream = media;
          if (video.current) {
            video.current.srcObject = media;
            void video.current.play();
          }
          setCamera('on');
          frame = requestAnimationFrame(scanFrame);
        },
        () => setCamera('none'),
      );
    }
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, []);

  return (
    <section class="gate">
      <h1>Gate check-in</h1>
      <p class="muted">
        {row ? `${row.eventName} · ${row.venueName} · ` : ''}
        <code>{showId}</code>
      </p>
      <label>
        Gate name{' '}
        <input
          name="gate"
          value={gate}
          maxLength={60}
          onInput={(e) => {
            setGate(e.currentTarget.value);
            localStorage.setItem(GATE_KEY, e.currentTarget.value);
          }}
          placeholder="e.g. North 3"
          required
        />
      </label>
      <div class="gate-counts" data-testid="gate-counts" aria-live="polite">
        {counts ? (
          <>
            <span>
              Admitted <strong data-count="admitted">{counts.admitted}</strong>
            </span>
            <span>
              Not yet admitted <strong data-count="not-admitted">{counts.notAdmitted}</strong>
            </span>
            {counts.refunded > 0 && (
              <span>
                Refunded <strong data-count="refunded">{counts.refunded}</strong>
              </span>
            )}
          </>
        ) : (
          'Loading counts…'
        )}
      </div>
      {camera !== 'none' && <video ref={video} class="gate-camera" muted playsInline data-camera={camera} />}
      {camera === 'none' && <p class="muted">No camera here: type or paste the ticket's code.</p>}
      <form
        class="gate-manual"
        onSubmit={(e) => {
          e.preventDefault();
          if (payload.trim()) void submit(payload).then(() => setPayload(''));
        }}
      >
        <label>
          Ticket code{' '}
          <input name="payload" value={payload} onInput={(e) => setPayload(e.currentTarget.value)} autoComplete="off" spellcheck={false} size={60} />
        </label>{' '}
        <button type="submit" class="primary" disabled={!gate.trim()}>
          Check in
        </button>
      </form>
      {shown && (
        <div class={`gate-outcome gate-${shown.kind}`} role="status" data-outcome={shown.kind}>
          <div class="gate-headline">{shown.kind === 'error' ? 'NOT CHECKED' : HEADLINE[shown.kind]}</div>
          <div class="gate-detail">{shown.detail}</div>
        </div>
      )}
    </section>
  );
}
