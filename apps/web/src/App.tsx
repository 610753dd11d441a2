import { useLayoutEffect } from 'preact/hooks';
import { AdminGate } from './admin/AdminGate';
import { AnalyticsPage } from './admin/AnalyticsPage';
import { AuditPage } from './admin/AuditPage';
import { BuildPage } from './admin/BuildPage';
import { ManageShowPage } from './admin/ManageShowPage';
import { GatePage } from './admin/GatePage';
import { MessagesPage } from './admin/MessagesPage';
import { ProjectionsPage } from './admin/ProjectionsPage';
import { ShowsAdminPage } from './admin/ShowsAdminPage';
import { StaffPage } from './admin/StaffPage';
import { CitiesPage } from './pages/CitiesPage';
import { EventPage } from './pages/EventPage';
import { EventsPage } from './pages/EventsPage';
import { HoldPage } from './pages/HoldPage';
import { OrderPage } from './pages/OrderPage';
import { OrdersPage } from './pages/OrdersPage';
import { ReceiptPage } from './pages/ReceiptPage';
import { ShowPage } from './pages/ShowPage';
import { WaitlistPage } from './pages/WaitlistPage';
import { WaitingRoomPage } from './pages/WaitingRoomPage';
import { Link, match, useLocation } from './router';

function route(path: string) {
  let p: Record<string, string> | null;
  if (path === '/' || path === '') return <CitiesPage />;
  if (path === '/events') return <EventsPage />;
  if ((p = match('/cities/:cityId', path))) return <EventsPage cityId={p.cityId} key={p.cityId} />;
  if ((p = match('/events/:eventId', path))) return <EventPage eventId={p.eventId} />;
  if ((p = match('/shows/:showId', path))) return <ShowPage showId={p.showId} key={p.showId} />;
  if ((p = match('/shows/:showId/waiting-room', path))) return <WaitingRoomPage showId={p.showId} key={p.showId} />;
  if ((p = match('/holds/:holdId', path))) return <HoldPage holdId={p.holdId} key={p.holdId} />;
  if ((p = match('/orders/:orderId', path))) return <OrderPage orderId={p.orderId} />;
  if (path === '/orders') return <OrdersPage />;
  if ((p = match('/receipts/:token', path))) return <ReceiptPage token={p.token} key={p.token} />;
  if ((p = match('/waitlist/:entryId', path))) return <WaitlistPage entryId={p.entryId} />;
  if (path === '/admin') return <AdminGate><ShowsAdminPage /></AdminGate>;
  if (path === '/admin/staff') return <AdminGate><StaffPage /></AdminGate>;
  if (path === '/admin/build') return <AdminGate><BuildPage /></AdminGate>;
  if ((p = match('/admin/shows/:showId', path))) return <AdminGate><ManageShowPage showId={p.showId} key={p.showId} /></AdminGate>;
  if (path === '/admin/projections') return <AdminGate><ProjectionsPage /></AdminGate>;
  if (path === '/admin/audit') return <AdminGate><AuditPage /></AdminGate>;
  if ((p = match('/admin/gate/:showId', path))) return <AdminGate><GatePage showId={p.showId} key={p.showId} /></AdminGate>;
  if ((p = match('/admin/audit/:showId', path))) return <AdminGate><AuditPage showId={p.showId} /></AdminGate>;
  if (path === '/admin/analytics') return <AdminGate><AnalyticsPage /></AdminGate>;
  if ((p = match('/admin/analytics/events/:eventId', path))) return <AdminGate><AnalyticsPage scope={{ kind: 'event', id: p.eventId }} /></AdminGate>;
  if ((p = match('/admin/analytics/:showId', path))) return <AdminGate><AnalyticsPage scope={{ kind: 'show', id: p.showId }} /></AdminGate>;
  if ((p = match('/admin/shows/:showId/messages', path))) return <AdminGate><MessagesPage showId={p.showId} /></AdminGate>;
  return (
    <section>
      <h1>Page not found</h1>
      <p>
        There is nothing at {path}. <Link href="/">Find a show</Link>
      </p>
    </section>
  );
}

export function App() {
  const { path } = useLocation();
  // The fallback for a page that does not name itself: run before the pages' own effects (a
  // layout effect runs before any effect), so a page's usePageTitle, once its data has
  // loaded, has the last word on the title and the focus.
  useLayoutEffect(() => {
    const heading = document.querySelector<HTMLElement>('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
    document.title = heading?.textContent ? `${heading.textContent} · Tickets` : 'Tickets';
  }, [path]);
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <Link href="/" class="brand">
          Tickets
        </Link>
        <nav aria-label="Main">
          <Link href="/events">Events</Link>
          <Link href="/orders">My orders</Link>
          <Link href="/admin">Admin</Link>
        </nav>
      </header>
      <main id="main">{route(path)}</main>
    </>
  );
}
