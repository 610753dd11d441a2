import { useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { OrganisationDetail, StaffRole, StaffUser } from '../api/types';
import { ErrorBox, Notice, Show } from '../components';
import { dateTime } from '../format';
import { usePageTitle } from '../pageTitle';
import { useAsync } from '../useAsync';
import { useStaff } from './AdminGate';
import { allShows } from './showList';

/**
 * An organisation's staff: users, their roles and tokens. Admins open any organisation
 * (and create them); an event manager sees its own and equips its gate staff.
 */
export function StaffPage() {
  const me = useStaff();
  const [organisationId, setOrganisationId] = useState(me.organisationId ?? '');
  const [reload, setReload] = useState(0);
  // Kept here: the organisation below is loaded again after every change.
  const [issued, setIssued] = useState<Issued | null>(null);
  const detail = useAsync(
    () => (organisationId ? api('GET', '/v1/admin/organisations/{organisationId}', { auth: 'admin', path: { organisationId } }) : Promise.resolve(null)),
    [organisationId, reload],
  );
  usePageTitle(detail.state === 'loading' ? undefined : detail.state === 'done' && detail.value ? `Staff · ${detail.value.name}` : 'Staff');
  return (
    <section>
      <h1>Staff</h1>
      {me.role === 'admin' && <OpenOrganisation onOpen={setOrganisationId} />}
      <Show loaded={detail} what="the organisation">
        {(org) =>
          org ? <Organisation org={org} issued={issued} onIssued={setIssued} onChange={() => setReload((n) => n + 1)} /> : <p class="muted">Open or create an organisation.</p>
        }
      </Show>
    </section>
  );
}

function OpenOrganisation({ onOpen }: { onOpen: (id: string) => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const create = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      const created = await api('POST', '/v1/admin/organisations', { auth: 'admin', body: { id: id.trim(), name: name.trim() } });
      onOpen(created.id);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form class="token-form" onSubmit={create}>
      <label>
        Organisation id <input value={id} onInput={(e) => setId(e.currentTarget.value)} required pattern="[a-z0-9][a-z0-9-]{0,62}" />
      </label>{' '}
      <button type="button" onClick={() => id.trim() && onOpen(id.trim())}>
        Open
      </button>{' '}
      <label>
        Name (to create it) <input value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>{' '}
      <button type="submit">Create organisation</button>
      <ErrorBox message={error} />
    </form>
  );
}

interface Issued {
  name: string;
  token: string;
}

function Organisation({ org, issued, onIssued, onChange }: { org: OrganisationDetail; issued: Issued | null; onIssued: (issued: Issued) => void; onChange: () => void }) {
  const [error, setError] = useState<string | null>(null);
  const act = async (run: () => Promise<unknown>) => {
    setError(null);
    try {
      await run();
      onChange();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const issue = (user: StaffUser) =>
    act(async () => {
      const made = await api('POST', '/v1/admin/organisations/{organisationId}/users/{userId}/tokens', {
        auth: 'admin',
        path: { organisationId: org.id, userId: user.userId },
        body: { label: `issued ${new Date().toISOString().slice(0, 10)}` },
      });
      onIssued({ name: user.name, token: made.token });
    });
  return (
    <>
      <h2>
        {org.name} <span class="muted">({org.id})</span>
      </h2>
      {issued && (
        <Notice>
          New token for {issued.name}, shown this once: <code data-testid="issued-token">{issued.token}</code>
        </Notice>
      )}
      <ErrorBox message={error} />
      <table class="table" data-testid="staff">
        <caption class="sr-only">Staff of {org.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Shows</th>
            <th scope="col">Tokens</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {org.users.map((user) => (
            <tr key={user.userId} data-user={user.name} class={user.disabledAt ? 'muted' : ''}>
              <th scope="row">
                {user.name}
                {user.disabledAt ? ' (disabled)' : ''}
              </th>
              <td>{user.role}</td>
              <td>{user.showIds.join(', ') || '—'}</td>
              <td>
                <ul class="plain">
                  {user.tokens.map((token) => (
                    <li key={token.tokenId}>
                      {token.label || token.tokenId} · {dateTime(token.issuedAt)}{' '}
                      {token.revokedAt ? (
                        <span class="muted">revoked</span>
                      ) : (
                        <button
                          type="button"
                          class="link"
                          aria-label={`Revoke ${token.label || token.tokenId} of ${user.name}`}
                          onClick={() =>
                            act(() =>
                              api('DELETE', '/v1/admin/organisations/{organisationId}/users/{userId}/tokens/{tokenId}', {
                                auth: 'admin',
                                path: { organisationId: org.id, userId: user.userId, tokenId: token.tokenId },
                              }),
                            )
                          }
                        >
                          Revoke
                        </button>
                      )}
                    </li>
                  ))}
                </ul>
              </td>
              <td>{!user.disabledAt && <button type="button" onClick={() => issue(user)} aria-label={`New token for ${user.name}`}>New token</button>}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <NewUser organisationId={org.id} onCreated={onChange} />
    </>
  );
}

function NewUser({ organisationId, onCreated }: { organisationId: string; onCreated: () => void }) {
  const me = useStaff();
  const roles: StaffRole[] = me.role === 'admin' ? (organisationId === 'platform' ? ['admin'] : ['event_manager', 'auditor', 'gate']) : ['gate'];
  const [name, setName] = useState('');
  const [role, setRole] = useState<StaffRole>(roles[0]);
  const [showIds, setShowIds] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const shows = useAsync(allShows, []);
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api('POST', '/v1/admin/organisations/{organisationId}/users', {
        auth: 'admin',
        path: { organisationId },
        body: { name: name.trim(), role, ...(role === 'gate' ? { showIds } : {}) },
      });
      setName('');
      onCreated();
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  return (
    <form onSubmit={submit} class="token-form" aria-label="New staff member">
      <h2>New staff member</h2>
      <label>
        Name <input value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={120} />
      </label>{' '}
      <label>
        Role{' '}
        <select value={role} onChange={(e) => setRole(e.currentTarget.value as StaffRole)}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </label>{' '}
      {role === 'gate' && (
        <Show loaded={shows} what="shows">
          {(rows) => (
            <fieldset class="choices">
              <legend>Shows to check in at</legend>
              {rows.map((row) => (
                <label key={row.showId}>
                  <input
                    type="checkbox"
                    checked={showIds.includes(row.showId)}
                    onChange={(e) => setShowIds((ids) => (e.currentTarget.checked ? [...ids, row.showId] : ids.filter((id) => id !== row.showId)))}
                  />{' '}
                  {row.eventName} · {dateTime(row.startsAt, row.timeZone)}
                </label>
              ))}
            </fieldset>
          )}
        </Show>
      )}{' '}
      <button type="submit" class="primary">
        Create
      </button>
      <ErrorBox message={error} />
    </form>
  );
}
