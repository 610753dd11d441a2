import type { ComponentChildren } from 'preact';
import type { Loaded } from './useAsync';

/** Errors are announced as they appear (role=alert); an empty box stays in place so it is announced when filled. */
export function ErrorBox({ message }: { message: string | null | undefined }) {
  return (
    <div role="alert" class={message ? 'error' : 'error-empty'} data-testid="error">
      {message}
    </div>
  );
}

/** What a form just did, announced politely; nothing while it has done nothing yet. */
export function Done({ message }: { message: string | null | undefined }) {
  return message ? (
    <p class="success" role="status">
      {message}
    </p>
  ) : null;
}

export function Notice({ children }: { children: ComponentChildren }) {
  return <p class="notice">{children}</p>;
}

export function Loading({ what }: { what: string }) {
  return <p aria-busy="true" class="muted">Loading {what}…</p>;
}

/** Renders the loaded value, or the loading line, or the error. */
export function Show<T>({ loaded, what, children }: { loaded: Loaded<T>; what: string; children: (value: T) => ComponentChildren }) {
  if (loaded.state === 'loading') return <Loading what={what} />;
  if (loaded.state === 'error') return <ErrorBox message={loaded.message} />;
  return <>{children(loaded.value)}</>;
}

export function LiveDot({ live }: { live: boolean }) {
  return (
    <span class={`live ${live ? 'live-on' : 'live-off'}`} role="status">
      {live ? '● Live' : '○ Reconnecting…'}
    </span>
  );
}
