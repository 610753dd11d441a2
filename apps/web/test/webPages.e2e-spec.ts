import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/testApp';
import { adminPost } from '../../api/test/catalogFixtures';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 15_000 };

describeInBrowser('web pages in Chromium', () => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ t, base, browser, close } = await openSite({ seedDemo: true }));
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  const seat = (page: Page, seatId: string) => page.locator(`[data-seat-id="${seatId}"]`);

  async function cinemaShow(): Promise<string> {
    const event = (await t.http.get('/v1/events/movie-the-long-night').expect(200)).body as { shows: Array<{ id: string; venueId: string }> };
    return event.shows.find((s) => s.venueId === 'cinema-hall-1')!.id;
  }

  let showCount = 0;
  /** A show of our own on a demo venue, so tests never share seats. */
  async function scheduleShow(body: Record<string, unknown>): Promise<string> {
    const id = `web-test-${++showCount}`;
    await adminPost(t, '/v1/admin/shows', { id, eventId: 'movie-the-long-night', startsAt: '2027-03-01T19:00:00Z', ...body });
    return id;
  }

  it('finds a cinema show from the city page with a misspelt search, then holds two seats, is declined, pays and gets tickets', async () => {
    const page = await newPage();
    await page.goto(`${base}/`);
    await page.getByRole('link', { name: /Amsterdam/ }).click();
    await page.getByLabel('Search').fill('lnog nigth');
    await page.getByRole('link', { name: /The Long Night/ }).click();
    await page.getByRole('heading', { name: 'The Long Night' }).waitFor(WAIT);
    await page.locator('.show-list a').filter({ hasText: 'Hall 1' }).first().click();

    await seat(page, 'HALL-E-7').waitFor(WAIT);
    await seat(page, 'HALL-E-7').click();
    // The keyboard picks the next one: focus is on E-7, the right arrow moves to E-8, Space selects it.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Space');
    await page.waitForSelector('[data-seat-id="HALL-E-8"][data-status="selected"]', WAIT);
    await page.getByTestId('total').filter({ hasText: '€25.00' }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('1-cinema-seats-selected'), fullPage: true });

    await page.getByRole('button', { name: 'Hold 2 seats' }).click();
    await page.getByRole('heading', { name: 'Your hold' }).waitFor(WAIT);
    await page.getByTestId('countdown').waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('2-hold-countdown'), fullPage: true });

    await page.getByLabel(/tok_declined/).check();
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Payment declined' }).waitFor(WAIT);

    await page.getByLabel(/tok_visa/).check();
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
    const ids = await page.getByTestId('ticket-id').allTextContents();
    expect(ids).toHaveLength(2);
    expect(await page.locator('svg.qr').count()).toBe(2);
    await page.screenshot({ path: screenshotPath('3-tickets'), fullPage: true });

    // The sale is real: the seats are sold, and "my orders" lists the order.
    const seats = (await t.http.get(`/v1/shows/${await cinemaShow()}/seats`).expect(200)).body as Array<{ seatId: string; status: string }>;
    expect(seats.filter((s) => s.seatId.startsWith('HALL-E-')).filter((s) => s.status !== 'available').map((s) => `${s.seatId} ${s.status}`).sort()).toEqual(['HALL-E-7 sold', 'HALL-E-8 sold']);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My orders' }).click();
    await page.locator('main').getByRole('link', { name: 'Show tickets for The Long Night' }).waitFor(WAIT);
    expect(await page.getByTestId('order').count()).toBe(1);
  });

  it('buys general-admission festival tickets: a ticket type and a quantity, with the tickets left shown live', async () => {
    const page = await newPage();
    await page.goto(`${base}/events/global-festival-2027`);
    await page.locator('.show-list a').first().click();
    await page.getByTestId('remaining').filter({ hasText: 'regular tickets left' }).waitFor(WAIT);
    await page.getByRole('radio', { name: /vip/ }).check();
    await page.getByLabel('Quantity').selectOption('2');
    await page.getByTestId('total').filter({ hasText: '€900.00' }).waitFor(WAIT);
    const before = Number((await page.getByTestId('remaining').textContent())!.replace(/[^0-9]/g, ''));
    // Someone else buys meanwhile: the count on this page goes down without a reload.
    const other = await t.customer();
    await t.http.post('/v1/shows/festival-2027/holds').set('Authorization', other.auth).send({ quantity: 3, tier: 'vip' }).expect(201);
    await page.getByTestId('remaining').filter({ hasText: `${(before - 3).toLocaleString('en-GB')} vip tickets left` }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('12-festival'), fullPage: true });

    await page.getByRole('button', { name: 'Hold 2 tickets' }).click();
    await page.getByTestId('countdown').waitFor(WAIT);
    await page.getByRole('button', { name: 'Pay €900.00' }).click();
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
    expect(await page.getByTestId('ticket-id').count()).toBe(2);
  });

  it('greys a seat in a second browser when the first one holds it, and flags it there if it was selected', async () => {
    const showId = await scheduleShow({ venueId: 'cinema-hall-2', kind: 'seated', tiers: [{ tier: 'economy', price: 900, currency: 'EUR' }, { tier: 'regular', price: 1200, currency: 'EUR' }, { tier: 'vip', price: 1500, currency: 'EUR' }] });
    const first = await newPage();
    const second = await newPage();
    await first.goto(`${base}/shows/${showId}`);
    await second.goto(`${base}/shows/${showId}`);
    await seat(second, 'HALL-D-4').click();
    await second.waitForSelector('[data-seat-id="HALL-D-4"][data-status="selected"]', WAIT);
    await second.getByText('● Live').waitFor(WAIT);

    await seat(first, 'HALL-D-4').click();
    await seat(first, 'HALL-D-5').click();
    await first.getByRole('button', { name: 'Hold 2 seats' }).click();
    await first.getByTestId('countdown').waitFor(WAIT);

    // The second browser never reloads: only the live feed can tell it.
    await second.waitForSelector('[data-seat-id="HALL-D-5"][data-status="held"]', WAIT);
    await second.waitForSelector('[data-seat-id="HALL-D-4"].seat-flagged', WAIT);
    await second.getByRole('alert').filter({ hasText: 'just taken by someone else' }).waitFor(WAIT);
    expect(await second.getByRole('button', { name: /^Hold/ }).isDisabled()).toBe(true);
    await second.screenshot({ path: screenshotPath('4-seat-taken-elsewhere'), fullPage: true });
  });

  it('lets the countdown run out, says so, and the seats come free again', async () => {
    const showId = await scheduleShow({ venueId: 'cinema-hall-2', kind: 'seated', holdSeconds: 3, tiers: [{ tier: 'economy', price: 900, currency: 'EUR' }, { tier: 'regular', price: 1200, currency: 'EUR' }, { tier: 'vip', price: 1500, currency: 'EUR' }] });
    const page = await newPage();
    const watcher = await newPage();
    await watcher.goto(`${base}/shows/${showId}`);
    await page.goto(`${base}/shows/${showId}`);
    await seat(page, 'HALL-A-1').click();
    await page.getByRole('button', { name: 'Hold 1 seat' }).click();
    await page.getByTestId('countdown').waitFor(WAIT);
    await watcher.waitForSelector('[data-seat-id="HALL-A-1"][data-status="held"]', WAIT);

    await page.getByTestId('expired').waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('5-hold-expired'), fullPage: true });
    await watcher.waitForSelector('[data-seat-id="HALL-A-1"][data-status="available"]', WAIT);
    const hold = await t.http.get(`/v1/shows/${showId}/availability`).expect(200);
    expect(hold.body).toMatchObject({ held: 0, sold: 0 });
  });

  it('puts a customer in the waiting line when everything is held, shows the position, and brings the offer to payment', async () => {
    const showId = await scheduleShow({ venueId: 'festival-grounds', kind: 'general', capacity: 2, tiers: [{ tier: 'standard', price: 5000, currency: 'EUR' }] });
    const holder = await t.customer();
    const held = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', holder.auth).send({ quantity: 2 }).expect(201);

    const ahead = await t.customer();
    const aheadEntry = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', ahead.auth).send({ quantity: 1 }).expect(201);

    const page = await newPage();
    await page.goto(`${base}/shows/${showId}`);
    await page.getByRole('button', { name: 'Join the waiting line' }).click();
    await page.getByTestId('position').filter({ hasText: 'number 2' }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('6-waiting-line'), fullPage: true });
    // The one ahead leaves: the page moves up without a reload.
    await t.http.delete(`/v1/waitlist/${aheadEntry.body.entryId as string}`).set('Authorization', ahead.auth).expect(204);
    await page.getByTestId('position').filter({ hasText: 'number 1' }).waitFor(WAIT);

    await t.http.delete(`/v1/holds/${held.body.holdId as string}`).set('Authorization', holder.auth).expect(204);
    await page.getByRole('heading', { name: 'Your hold' }).waitFor(WAIT);
    await page.getByTestId('countdown').waitFor(WAIT);
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
    expect(await page.getByTestId('ticket-id').count()).toBe(1);
  });

  it('zooms from the arena overview into a section and picks a seat there, keyboard only', async () => {
    const arena = (await t.http.get('/v1/events/northern-lights-live').expect(200)).body.shows[0].id as string;
    const page = await newPage();
    await page.goto(`${base}/shows/${arena}`);
    await page.locator('canvas.overview-canvas').waitFor(WAIT);
    await page.getByText('● Live').waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('7-arena-overview'), fullPage: true });
    // Keyboard only: the section buttons stand in for the canvas.
    await page.locator('[data-section="F2"]').focus();
    await page.keyboard.press('Enter');
    await seat(page, 'F2-1-1').waitFor(WAIT);
    expect(await page.locator('[data-seat-id^="F2-"]').count()).toBe(450);
    // Zooming in put the focus on the section's first seat.
    await page.waitForSelector('[data-seat-id="F2-1-1"]:focus', WAIT);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-seat-id="F2-2-2"][data-status="selected"]', WAIT);
    await page.getByTestId('total').filter({ hasText: '€145.00' }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('8-arena-section'), fullPage: true });
  });

  it('signs an admin in once, shows live counts with a sales chart, rebuilds a projection from the page and pages the audit', async () => {
    const cinema = await cinemaShow();
    const buyer = await t.customer();
    const hold = await t.http.post(`/v1/shows/${cinema}/holds`).set('Authorization', buyer.auth).send({ seatIds: ['HALL-J-1', 'HALL-J-2', 'HALL-J-3'] }).expect(201);
    await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', buyer.auth).send({ payment: { token: 'tok_visa' } }).expect(201);

    const page = await newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel('Staff token').fill('not-the-token-000000');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Token rejected' }).waitFor(WAIT);
    await page.getByLabel('Staff token').fill(t.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();

    const row = page.locator(`tr[data-show-id="${cinema}"]`);
    await row.waitFor(WAIT);
    await row.getByTestId('sold').filter({ hasText: /^[1-9]/ }).waitFor(WAIT);
    await row.getByRole('button', { name: 'Chart' }).click();
    await page.locator('figure.chart svg rect').first().waitFor(WAIT);
    // The global count beside the chart: one store, so one group.
    await page.getByTestId('remaining').filter({ hasText: /Left everywhere of \S+: [\d,]+.*, (exact|bounded)/ }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('9-admin-shows'), fullPage: true });

    await page.getByRole('link', { name: 'Projections' }).click();
    const audit = page.locator('tr[data-projection="sales_audit"]');
    await audit.waitFor(WAIT);
    const before = await audit.getByTestId('rebuilt-at').textContent();
    await page.getByRole('button', { name: 'Rebuild sales_audit' }).click();
    await page.getByRole('status').filter({ hasText: 'Rebuild started' }).waitFor(WAIT);
    // The cell shows a new rebuild time once the rebuilt tables are swapped in. Locators, not a
    // string evaluated in the page: the API's Content-Security-Policy forbids eval.
    await audit
      .filter({ has: page.getByTestId('status').filter({ hasText: /^live/ }) })
      .filter({ has: page.getByTestId('rebuilt-at').filter({ hasNotText: before || '—' }).filter({ hasNotText: '—' }) })
      .waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('10-admin-projections'), fullPage: true });

    await page.getByRole('link', { name: 'Sales audit' }).click();
    await page.getByLabel('Show').selectOption(cinema);
    await page.locator('[data-testid="sales"] tbody tr').first().waitFor(WAIT);
    expect(await page.locator('[data-testid="sales"] tbody tr').count()).toBeGreaterThanOrEqual(3);
    const download = page.waitForEvent('download', WAIT);
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe(`sales-${cinema}.csv`);
    await page.screenshot({ path: screenshotPath('11-admin-audit'), fullPage: true });
  });

  it('an admin equips an organisation; its event manager signs in with their own token, sees only its shows, adds gate staff and revokes a token', async () => {
    const page = await newPage();
    await page.goto(`${base}/admin/staff`);
    await page.getByLabel('Staff token').fill(t.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Organisation id').fill('web-org');
    await page.getByLabel('Name (to create it)').fill('Web Org Live');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.getByRole('heading', { name: /Web Org Live/ }).waitFor(WAIT);
    await page.getByLabel('Name', { exact: true }).fill('Mia Manager');
    await page.getByLabel('Role').selectOption('event_manager');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('button', { name: 'New token for Mia Manager' }).click();
    const token = (await page.getByTestId('issued-token').textContent())!;
    expect(token).toMatch(/^stf\.web-org\./);
    await page.screenshot({ path: screenshotPath('12-admin-staff'), fullPage: true });

    // The organisation's own event and show, made by its manager through the API.
    const manager = `Bearer ${token}`;
    await t.http.post('/v1/admin/events').set('Authorization', manager).send({ id: 'web-org-night', name: 'Web Org Night', description: '', category: 'concert', performerId: 'studio-noord' }).expect(201);
    await t.http.post('/v1/admin/shows').set('Authorization', manager).send({ id: 'web-org-night-1', eventId: 'web-org-night', venueId: 'cinema-hall-1', startsAt: '2027-04-01T19:00:00Z', kind: 'seated', tiers: [{ tier: 'economy', price: 900, currency: 'EUR' }, { tier: 'regular', price: 1200, currency: 'EUR' }, { tier: 'vip', price: 1600, currency: 'EUR' }] }).expect(201);

    const own = await newPage();
    await own.goto(`${base}/admin`);
    await own.getByLabel('Staff token').fill(token);
    await own.getByRole('button', { name: 'Sign in' }).click();
    await own.getByTestId('signed-in-as').filter({ hasText: 'Mia Manager · event manager · web-org' }).waitFor(WAIT);
    await own.locator('tr[data-show-id="web-org-night-1"]').waitFor(WAIT);
    expect(await own.locator('[data-testid="admin-shows"] tbody tr').count()).toBe(1);
    expect(await own.getByRole('link', { name: 'Projections' }).count()).toBe(0);

    await own.getByRole('link', { name: 'Staff' }).click();
    await own.getByLabel('Name', { exact: true }).fill('North gate');
    await own.getByLabel(/Web Org Night/).check();
    await own.getByRole('button', { name: 'Create', exact: true }).click();
    await own.locator('tr[data-user="North gate"]').filter({ hasText: 'web-org-night-1' }).waitFor(WAIT);
    await own.getByRole('button', { name: 'New token for North gate' }).click();
    await own.getByTestId('issued-token').waitFor(WAIT);
    await own.getByRole('button', { name: /^Revoke .* of North gate$/ }).click();
    await own.locator('tr[data-user="North gate"]').filter({ hasText: 'revoked' }).waitFor(WAIT);
    await own.screenshot({ path: screenshotPath('13-manager-staff'), fullPage: true });

    // An event manager may not make an auditor: the API says so and the page shows it.
    await t.http.post('/v1/admin/organisations/web-org/users').set('Authorization', manager).send({ name: 'Aud', role: 'auditor' }).expect(403);
  });
});

if (skipReason) {
  it.skip(`web pages in Chromium: ${skipReason}`, () => undefined);
}
