import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import { errorMessage } from '../api/messages';
import type { ProjectionStatus } from '../api/types';
import { ErrorBox } from '../components';
import { usePageTitle } from '../pageTitle';
import { count, dateTime } from '../format';

/** Status is re-read every second while a rebuild runs, every three otherwise. */
export function ProjectionsPage() {
  const [list, setList] = useState<ProjectionStatus[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [kick, setKick] = useState(0);
  usePageTitle(list === null && error === null ? undefined : 'Projections');

  useEffect(() => {
    let stopped = false;
    let timer = 0;
    const tick = async () => {
      let rebuilding = false;
      try {
        const result = await api('GET', '/v1/admin/projections', { auth: 'admin' });
        if (stopped) return;
        setList(result);
        rebuilding = result.some((p) => p.status === 'rebuilding');
      } catch (failure) {
        if (!stopped) setError(errorMessage(failure));
      }
      if (!stopped) timer = window.setTimeout(tick, rebuilding ? 1_000 : 3_000);
    };
    void tick();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [kick]);

  const rebuild = async (name: string) => {
    setError(null);
    try {
      const started = await api('POST', '/v1/admin/projections/{name}/rebuild', { path: { name }, auth: 'admin' });
      setNotice(`Rebuild started: ${started.projections.join(', ')}. Reads go on from the current tables until the new ones have caught up.`);
      setKick((k) => k + 1);
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };

  return (
    <section>
      <h1>Projections</h1>
      <p class="muted">The read models built from the log. A rebuild builds a fresh copy beside the live one and swaps it in once it has caught up.</p>
      <ErrorBox message={error} />
      <p role="status" class={notice ? 'success' : ''}>
        {notice}
      </p>
      {list ? (
        <>
          <table class="table" data-testid="projections">
            <thead>
              <tr>
                <th scope="col">Projection</th>
                <th scope="col">Status</th>
                <th scope="col" class="num">Lag (events)</th>
                <th scope="col" class="num">Position</th>
                <th scope="col">Last rebuilt</th>
                <th scope="col">Rebuild</th>
              </tr>
            </thead>
            <tbody>
              {list.map((p) => (
                <tr key={p.name} data-projection={p.name}>
                  <th scope="row">
                    {p.name} <span class="muted">v{p.version}</span>
                  </th>
                  <td data-testid="status">
                    {p.status}
                    {p.error ? <div class="error-text">{p.error}</div> : null}
                  </td>
                  <td class="num">{count(p.lagEvents)}</td>
                  <td class="num">{p.position}</td>
                  <td data-testid="rebuilt-at">{p.rebuiltAt ? dateTime(p.rebuiltAt) : '—'}</td>
                  <td>{p.rebuild ? <RebuildProgress rebuild={p.rebuild} /> : <button type="button" onClick={() => rebuild(p.name)} aria-label={`Rebuild ${p.name}`}>Rebuild</button>}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            <button type="button" onClick={() => rebuild('all')} disabled={list.some((p) => p.status === 'rebuilding')}>
              Rebuild all in one pass
            </button>
          </p>
        </>
      ) : null}
    </section>
  );
}

function RebuildProgress({ rebuild }: { rebuild: NonNullable<ProjectionStatus['rebuild']> }) {
  const position = Number(rebuild.position);
  const head = Math.max(1, Number(rebuild.head));
  const percent = Math.min(100, Math.round((position / head) * 100));
  return (
    <div>
      <progress max={100} value={percent} aria-label="Rebuild progress" />
      <span class="muted"> {percent}%</span>
    </div>
  );
}
