import { useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { adminToken, api, ApiFailure, setAdminToken } from '../api/client';
import { errorMessage } from '../api/messages';
import { ErrorBox } from '../components';
import { Link } from '../router';

/** The admin token is asked for once and kept in this browser until "Sign out". */
export function AdminGate({ children }: { children: ComponentChildren }) {
  const [token, setToken] = useState(adminToken());
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  if (!token) {
    const submit = async (e: Event) => {
      e.preventDefault();
      setAdminToken(draft.trim());
      try {
        await api('GET', '/v1/admin/projections', { auth: 'admin' });
        setToken(draft.trim());
      } catch (failure) {
        // A staff token without admin rights (a gate user's) is still a token the API knows: its pages check each call.
        if (failure instanceof ApiFailure && failure.status === 403) {
          setToken(draft.trim());
          return;
        }
        setAdminToken(null);
        setError(errorMessage(failure));
      }
    };
    return (
      <section>
        <h1>Admin and audit</h1>
        <form onSubmit={submit} class="token-form">
          <label>
            Admin token{' '}
            <input type="password" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} autoComplete="off" required />
          </label>{' '}
          <button type="submit" class="primary">
            Sign in
          </button>
          <p class="muted">The API prints it at its first start and keeps it in DATA_DIR/admin-token.</p>
          <ErrorBox message={error} />
        </form>
      </section>
    );
  }
  return (
    <div>
      <nav class="subnav" aria-label="Admin">
        <Link href="/admin">Shows</Link>
        <Link href="/admin/projections">Projections</Link>
        <Link href="/admin/audit">Sales audit</Link>
        <button
          type="button"
          class="link"
          onClick={() => {
            setAdminToken(null);
            setToken(null);
          }}
        >
          Sign out
        </button>
      </nav>
      {children}
    </div>
  );
}
