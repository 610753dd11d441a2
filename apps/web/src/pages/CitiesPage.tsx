import { api } from '../api/client';
import { Show } from '../components';
import { usePageTitle } from '../pageTitle';
import { Link } from '../router';
import { useAsync } from '../useAsync';

export function CitiesPage() {
  const cities = useAsync(() => api('GET', '/v1/cities'), []);
  usePageTitle(cities.state === 'loading' ? undefined : 'Find tickets by city');
  return (
    <section>
      <h1>Find tickets</h1>
      <p>Choose a city to see what is on, or <Link href="/events">search every event</Link>.</p>
      <Show loaded={cities} what="cities">
        {(list) => (
          <ul class="cards">
            {list.map((city) => (
              <li key={city.id}>
                <Link class="card" href={`/cities/${encodeURIComponent(city.id)}`}>
                  <strong>{city.name}</strong>
                  <span class="muted">{city.country}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Show>
    </section>
  );
}
