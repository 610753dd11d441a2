import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/testApp';
import { adminPost } from '../../api/test/catalogFixtures';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 30_000 };

describeInBrowser('event-manager pages in Chromium', () => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    ({ t, base, browser, close } = await openSite());
    await adminPost(t, '/v1/admin/cities', { id: 'city-utrecht', name: 'Utrecht', country: 'NL', timeZone: 'Europe/Amsterdam' });
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  async function signedIn(path: string, token = t.adminToken): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${base}${path}`);
    await page.getByLabel('Staff token').fill(token);
    await page.getByRole('button', { name: 'Sign in' }).click();
    return page;
  }

  const alertIn = (page: Page, form: string) => page.getByTestId(form).getByRole('alert');

  it('an event manager builds a cinema venue from its template, an event and a show, refusing bad input on the way; changes a price and follows the sales live', async () => {
    const manager = await t.staff('event_manager', { organisationId: 'filmhuis', name: 'Femke' });
    const page = await signedIn('/admin/build', manager.auth.slice('Bearer '.length));

    // A venue without a name: the API's refusal, naming the field, is shown and nothing is created.
    await page.getByRole('radio', { name: /Cinema hall/ }).check();
    await page.getByRole('button', { name: 'Create venue' }).click();
    await alertIn(page, 'venue-form').filter({ hasText: 'name' }).waitFor(WAIT);
    await page.getByTestId('venue-form').getByLabel('Name').fill('Filmhuis Zaal 1');
    await page.getByRole('button', { name: 'Create venue' }).click();
    await page.getByTestId('venue-form').getByRole('status').filter({ hasText: 'created with 150 seats' }).waitFor(WAIT);

    const eventForm = page.getByTestId('event-form');
    await eventForm.getByLabel('Name').fill('Nachtvoorstelling');
    await eventForm.getByLabel('Performer').fill('Filmhuis Pictures');
    await eventForm.getByLabel('Category').fill('movie');
    await eventForm.getByRole('button', { name: 'Create event' }).click();
    await eventForm.getByRole('status').filter({ hasText: 'created' }).waitFor(WAIT);

    const showForm = page.getByTestId('show-form');
    await showForm.getByLabel('Starts').fill('2027-05-01T19:30');
    await showForm.getByLabel('Price of economy').fill('8');
    await showForm.getByLabel('Price of regular').fill('11.50');
    // A negative price: refused by the API, which names the tier's price field.
    await showForm.getByLabel('Price of vip').fill('-5');
    await showForm.getByLabel('Hold time (minutes)').fill('5');
    await showForm.getByLabel('Tickets per customer').fill('4');
    await showForm.getByRole('button', { name: 'Schedule show' }).click();
    await alertIn(page, 'show-form').filter({ hasText: /tiers.*price/ }).waitFor(WAIT);
    await showForm.getByLabel('Price of vip').fill('15');
    await page.screenshot({ path: screenshotPath('em-1-build'), fullPage: true });
    await showForm.getByRole('button', { name: 'Schedule show' }).click();

    await page.getByRole('heading', { name: /^Manage show / }).waitFor(WAIT);
    const showId = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const show = (await t.http.get(`/v1/shows/${showId}`).expect(200)).body;
    expect(show).toMatchObject({ capacity: 150, holdSeconds: 300, maxTicketsPerCustomer: 4 });
    expect(show.tiers).toEqual([
      { tier: 'economy', price: 800, currency: 'EUR' },
      { tier: 'regular', price: 1_150, currency: 'EUR' },
      { tier: 'vip', price: 1_500, currency: 'EUR' },
    ]);

    // Changing a price: bad input first, then a real change, which the table and the history show.
    const vip = page.locator('tr[data-tier="vip"]');
    await vip.getByTestId('price').filter({ hasText: '15' }).waitFor(WAIT);
    await vip.getByLabel(/New price of vip/).fill('abc');
    await vip.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('alert').filter({ hasText: 'price' }).waitFor(WAIT);
    await vip.getByLabel(/New price of vip/).fill('15');
    await vip.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('alert').filter({ hasText: 'already costs' }).waitFor(WAIT);
    await vip.getByLabel(/New price of vip/).fill('18.50');
    await vip.getByRole('button', { name: 'Change' }).click();
    await page.getByRole('status').filter({ hasText: 'vip now costs' }).waitFor(WAIT);
    await vip.getByTestId('price').filter({ hasText: '18.50' }).waitFor(WAIT);
    await page.getByTestId('price-history').filter({ hasText: /vip .*15.* → .*18\.50.* by / }).waitFor(WAIT);
    const prices = (await t.http.get(`/v1/admin/shows/${showId}/prices`).set('Authorization', manager.auth).expect(200)).body;
    expect(prices.changes).toEqual([expect.objectContaining({ tier: 'vip', previousPrice: 1_500, price: 1_850, by: manager.userId })]);
    // Everything it built is its organisation's.
    expect((await t.http.get('/v1/admin/shows').set('Authorization', manager.auth).expect(200)).body.items).toEqual([expect.objectContaining({ showId, organisationId: 'filmhuis' })]);

    // A sale made now shows up on the page while it is open.
    await page.getByTestId('live-counts').filter({ hasText: /^0 sold/ }).waitFor(WAIT);
    const buyer = await t.customer();
    const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', buyer.auth).send({ quantity: 2, tier: 'vip' }).expect(201);
    const order = await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', buyer.auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    expect(order.body.total).toBe(2 * 1_850);
    await page.getByTestId('live-counts').filter({ hasText: /^2 sold/ }).waitFor(WAIT);
    await page.locator('figure.chart svg rect').first().waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('em-2-manage'), fullPage: true });
  });

  it('creates a 200,000-seat stadium from its template, whose show overview renders for customers', async () => {
    const page = await signedIn('/admin/build');
    await page.getByTestId('venue-form').getByLabel('Name').fill('Wembley North');
    await page.getByRole('radio', { name: /Stadium/ }).check();
    await page.getByRole('button', { name: 'Create venue' }).click();
    const created = page.getByTestId('venue-form').getByRole('status').filter({ hasText: 'created with 200,000 seats' });
    await created.waitFor(WAIT);
    const venue = { id: /\(([^)]+)\) created/.exec((await created.textContent()) ?? '')![1] };
    await adminPost(t, '/v1/admin/performers', { id: 'stadium-band', name: 'Stadium Band' });
    await adminPost(t, '/v1/admin/events', { id: 'stadium-night', name: 'Stadium Night', description: '', category: 'concert', performerId: 'stadium-band' });
    const show = await adminPost(t, '/v1/admin/shows', {
      eventId: 'stadium-night',
      venueId: venue.id,
      startsAt: '2027-08-01T19:00:00Z',
      kind: 'seated',
      tiers: ['vip', 'regular', 'economy'].map((tier, i) => ({ tier, price: 10_000 - i * 3_000, currency: 'EUR' })),
    });
    expect(show.body.capacity).toBe(200_000);
    const customerPage = await contexts[contexts.length - 1].newPage();
    await customerPage.goto(`${base}/shows/${show.body.id as string}`);
    await customerPage.locator('canvas.overview-canvas').waitFor(WAIT);
    await customerPage.locator('[data-section="N"]').waitFor(WAIT);
    await customerPage.screenshot({ path: screenshotPath('em-3-stadium-overview'), fullPage: true });
  });
});
