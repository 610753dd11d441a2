import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { adminToken, api, setAdminToken } from '../api/client';
import { errorMessage } from '../api/messages';
import type { Me, StaffRole } from '../api/types';
import { ErrorBox, Loading } from '../components';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import './admin.css';

const StaffContext = createContext<Me | null>(null);

/** The signed-in staff member (inside AdminGate only). */
export function useStaff(): Me {
  const me = useContext(StaffContext);
  if (!me) throw new Error('useStaff outside AdminGate');
  return me;
}

/** The staff pages each role sees in the menu; a page's own calls still decide what it may do. */
const MENU: Array<{ href: string; label: string; roles: StaffRole[] }> = [
  { href: '/admin', label: 'Shows', roles: ['admin', 'event_manager', 'auditor'] },
  { href: '/admin/build', label: 'Build a show', roles: ['admin', 'event_manager'] },
  { href: '/admin/audit', label: 'Sales audit', roles: ['admin', 'event_manager', 'auditor'] },
  { href: '/admin/analytics', label: 'Analytics', roles: ['admin', 'event_manager', 'auditor'] },
  { href: '/admin/staff', label: 'Staff', roles: ['admin', 'event_manager'] },
  { href: '/admin/projections', label: 'Projections', roles: ['admin'] },
];

/** A component of its own: the gate's hooks run whether or not it shows the form. */
function SignInTitle() {
  usePageTitle('Staff sign-in');
  return null;
}

const ROLE_NAMES: Record<StaffRole, string> = { admin: 'admin', event_manager: 'event manager', auditor: 'auditor', gate: 'gate staff' };

/**
 * Staff sign in once with their token (the admin token, or their own) and it is kept in
 * this browser until "Sign out". The menu follows the token's role.
 */
export function AdminGate({ children }: { children: ComponentChildren }) {
  const [token, setToken] = useState(adminToken());
  const [me, setMe] = useState<Me | null>(null);
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!token || me) return;
    api('GET', '/v1/admin/me', { auth: 'admin' }).then(setMe, (failure: unknown) => {
      // A token revoked since the last visit: ask again, saying why.
      setAdminToken(null);
      setToken(null);
      setError(errorMessage(failure));
    });
  }, [token, me]);

  if (!token) {
    const submit = async (e: Event) => {
      e.preventDefault();
      setAdminToken(draft.trim());
      try {
        setMe(await api('GET', '/v1/admin/me', { auth: 'admin' }));
        setToken(draft.trim());
        setError(null);
      } catch (failure) {
        setAdminToken(null);
        setError(errorMessage(failure));
      }
    };
    return (
      <section>
        <SignInTitle />
        <h1>Staff sign-in</h1>
        <form onSubmit={submit} class="token-form">
          <label>
            Staff token{' '}
            <input type="password" value={draft} onInput={(e) => setDraft(e.currentTarget.value)} autoComplete="off" required />
          </label>{' '}
          <button type="submit" class="primary">
            Sign in
          </button>
          <p class="muted">Your own token, or the admin token: the API prints it at its first start and keeps it in DATA_DIR/admin-token.</p>
          <ErrorBox message={error} />
        </form>
      </section>
    );
  }
  if (!me) return <Loading what="your account" />;
  return (
    <StaffContext.Provider value={me}>
      <div>
        <nav class="subnav" aria-label="Staff">
          {MENU.filter((item) => item.roles.includes(me.role)).map((item) => (
            <Link key={item.href} href={item.href}>
              {item.label}
            </Link>
          ))}
          {/* Gate staff: the check-in page of each show they were given. */}
          {me.showIds.map((showId) => (
            <Link key={`gate-${showId}`} href={`/admin/gate/${showId}`}>
              Gate · {showId}
            </Link>
          ))}
          <span class="muted" data-testid="signed-in-as">
            {me.name} · {ROLE_NAMES[me.role]}
            {me.organisationId ? ` · ${me.organisationId}` : ''}
          </span>
          <button
            type="button"
            class="link"
            onClick={() => {
              setAdminToken(null);
              setToken(null);
              setMe(null);
            }}
          >
            Sign out
          </button>
        </nav>
        {children}
      </div>
    </StaffContext.Provider>
  );
}
