import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync, rmSync } from 'node:fs';
import type { TestApp } from '../../api/test/testApp';
import { adminPost, smallSeatMap } from '../../api/test/catalogFixtures';
import { DESKTOP, PHONE, seriousAxeFindings } from './axe';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 15_000 };

/**
 * A visitor in New York, once on a phone reading German and once at a desk reading US
 * English: the Amsterdam show at 17:00 UTC reads 18:00 Amsterdam time (CET: "MEZ" in
 * German, "GMT+1" in US English) everywhere, never New York's 12:00.
 */
const VISITORS = [
  { size: 'phone', viewport: PHONE, locale: 'de-DE', at: /18:00 MEZ/, notAt: /12:00/ },
  { size: 'desktop', viewport: DESKTOP, locale: 'en-US', at: /06:00 PM GMT\+1/, notAt: /12:00 PM/ },
] as const;

describeInBrowser("the venue's time zone and the staff pages in Chromium", () => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  async function buy(showId: string, quantity: number): Promise<void> {
    const { auth } = await t.customer();
    const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', auth).send({ quantity }).expect(201);
    await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', auth).send({ payment: { token: 'tok_visa' } }).expect(201);
  }

  beforeAll(async () => {
    ({ t, base, browser, close } = await openSite());
    await adminPost(t, '/v1/admin/cities', { id: 'amsterdam', name: 'Amsterdam', country: 'NL', timeZone: 'Europe/Amsterdam' });
    await adminPost(t, '/v1/admin/venues', { id: 'ams-hall', cityId: 'amsterdam', name: 'Canal Hall', kind: 'theatre', seatMap: smallSeatMap });
    await adminPost(t, '/v1/admin/venues', { id: 'ams-park', cityId: 'amsterdam', name: 'Vondel Grounds', kind: 'festival' });
    await adminPost(t, '/v1/admin/performers', { id: 'tz-band', name: 'The Meridians' });
    await adminPost(t, '/v1/admin/events', { id: 'tz-night', name: 'Meridian Night', description: 'Songs about time', category: 'concert', performerId: 'tz-band' });
    const tiers = [{ tier: 'regular', price: 2_500, currency: 'EUR' }];
    await adminPost(t, '/v1/admin/shows', { id: 'tz-seated', eventId: 'tz-night', venueId: 'ams-hall', startsAt: '2027-01-15T17:00:00Z', kind: 'seated', tiers: [...tiers, { tier: 'vip', price: 4_000, currency: 'EUR' }] });
    await adminPost(t, '/v1/admin/shows', { id: 'tz-one', eventId: 'tz-night', venueId: 'ams-park', startsAt: '2027-01-16T17:00:00Z', kind: 'general', tiers, capacity: 1_000 });
    await adminPost(t, '/v1/admin/shows', { id: 'tz-many', eventId: 'tz-night', venueId: 'ams-park', startsAt: '2027-01-17T17:00:00Z', kind: 'general', tiers, capacity: 1_000 });
    await buy('tz-one', 2);
    for (let i = 0; i < 30; i++) await buy('tz-many', 1 + (i % 3));
    const { auth } = await t.customer();
    await t.http.get('/v1/customers/me/orders').set('Authorization', auth).expect(200); // waits for the projections
  }, 180_000);

  afterAll(async () => {
    await close?.();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  async function newPage(visitor: (typeof VISITORS)[number]): Promise<Page> {
    const context = await browser.newContext({ viewport: visitor.viewport, locale: visitor.locale, timezoneId: 'America/New_York', bypassCSP: true, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  }

  /** The page has named itself and put the focus on its heading; nothing serious for axe; a screenshot. */
  async function checkPage(page: Page, name: string, title: string, size: string): Promise<void> {
    // Strings, not functions: this file is compiled without the DOM's types.
    await page.waitForFunction(`document.title === ${JSON.stringify(`${title} · Tickets`)}`, undefined, WAIT);
    await page.waitForFunction(`document.activeElement?.tagName === 'H1'`, undefined, WAIT);
    expect(await seriousAxeFindings(page)).toEqual([]);
    await expectNoPageWideOverflow(page);
    await page.screenshot({ path: screenshotPath(`${name}-${size}`), fullPage: true });
  }

  /** Nothing wider than the screen: a phone scrolls tables inside their own box, never the page. */
  async function expectNoPageWideOverflow(page: Page): Promise<void> {
    expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBe(0);
  }

  async function signIn(page: Page): Promise<void> {
    await page.goto(`${base}/admin`);
    await page.getByLabel(/Staff token/).fill(t.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('signed-in-as').waitFor(WAIT);
  }

  for (const visitor of VISITORS) {
    it(`${visitor.size}, ${visitor.locale} in New York: the customer pages show the Amsterdam time with its zone, and name themselves`, async () => {
      const page = await newPage(visitor);
      await page.goto(`${base}/`);
      await page.getByRole('link', { name: /Amsterdam/ }).waitFor(WAIT);
      await checkPage(page, 'cities', 'Find tickets by city', visitor.size);

      await page.getByRole('link', { name: /Amsterdam/ }).click();
      const card = page.getByRole('link', { name: /Meridian Night/ });
      await card.filter({ hasText: visitor.at }).waitFor(WAIT);
      expect(await card.textContent()).not.toMatch(visitor.notAt);
      await checkPage(page, 'city', "What's on in Amsterdam", visitor.size);

      await page.goto(`${base}/events`);
      await page.getByRole('link', { name: /Meridian Night/ }).filter({ hasText: visitor.at }).waitFor(WAIT);
      await checkPage(page, 'events', 'All events', visitor.size);

      await page.getByRole('link', { name: /Meridian Night/ }).click();
      await page.locator('.show-list a').filter({ hasText: 'Canal Hall' }).filter({ hasText: visitor.at }).waitFor(WAIT);
      await checkPage(page, 'event', 'Meridian Night', visitor.size);
    });

    it(`${visitor.size}, ${visitor.locale}: a wrong staff token is rejected; the shows table has the venue's time and revenue; audit, CSV and chart`, async () => {
      const page = await newPage(visitor);
      await page.goto(`${base}/admin`);
      await page.getByLabel(/Staff token/).fill('not-a-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').filter({ hasText: /Token rejected/ }).waitFor(WAIT);
      await signIn(page);

      const seated = page.locator('tr[data-show-id="tz-seated"]');
      await seated.getByTestId('starts').filter({ hasText: visitor.at }).waitFor(WAIT);
      // 2 tickets at €25.00 on the one, 60 at €25.00 on the many (1, 2 or 3 per order, thirty orders).
      await page.locator('tr[data-show-id="tz-one"]').getByTestId('revenue').filter({ hasText: visitor.locale === 'de-DE' ? '50,00 €' : '€50.00' }).waitFor(WAIT);
      await page.locator('tr[data-show-id="tz-many"]').getByTestId('revenue').filter({ hasText: visitor.locale === 'de-DE' ? '1.500,00 €' : '€1,500.00' }).waitFor(WAIT);
      await checkPage(page, 'admin-shows', 'Shows (3)', visitor.size);

      // The chart: one sale is one slim bar, and many are many, each labelled in Amsterdam time.
      await page.locator('tr[data-show-id="tz-one"]').getByRole('button', { name: 'Chart' }).click();
      const chart = page.getByTestId('sales-chart');
      await chart.getByTestId('chart-summary').filter({ hasText: /2 tickets sold between/ }).waitFor(WAIT);
      expect(await chart.textContent()).toMatch(visitor.locale === 'de-DE' ? /MEZ/ : /GMT\+1/);
      const oneBar = await chart.locator('rect[data-sold]').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
      const chartWidth = await chart.locator('svg').evaluate((svg) => svg.getBoundingClientRect().width);
      expect(oneBar).toHaveLength(1);
      expect(oneBar[0]).toBeLessThan(chartWidth / 10);
      await page.screenshot({ path: screenshotPath(`admin-chart-one-${visitor.size}`), fullPage: true });

      await page.locator('tr[data-show-id="tz-many"]').getByRole('button', { name: 'Chart' }).click();
      await chart.getByTestId('chart-summary').filter({ hasText: /60 tickets sold between/ }).waitFor(WAIT);
      const over = (await t.http.get('/v1/audit/shows/tz-many/sales-over-time').set('Authorization', `Bearer ${t.adminToken}`).expect(200)).body as { buckets: unknown[] };
      const widths = await chart.locator('rect[data-sold]').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
      expect(widths).toHaveLength(over.buckets.length);
      for (const width of widths) expect(width).toBeLessThan(chartWidth / 10);
      await page.screenshot({ path: screenshotPath(`admin-chart-many-${visitor.size}`), fullPage: true });
      expect(await seriousAxeFindings(page)).toEqual([]);
      await expectNoPageWideOverflow(page);

      // The audit: price and currency on each sale; the CSV in UTC with the zone, major units and the currency.
      await page.goto(`${base}/admin/audit/tz-one`);
      const sales = page.getByTestId('sales');
      await sales.getByTestId('sale-price').first().filter({ hasText: visitor.locale === 'de-DE' ? '25,00 €' : '€25.00' }).waitFor(WAIT);
      await sales.getByTestId('sale-currency').first().filter({ hasText: 'EUR' }).waitFor(WAIT);
      expect(await sales.textContent()).toMatch(visitor.locale === 'de-DE' ? /MEZ/ : /GMT\+1/);
      await checkPage(page, 'admin-audit', 'Sales audit · Meridian Night', visitor.size);
      const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByRole('button', { name: 'Download CSV' }).click()]);
      const lines = readFileSync((await download.path())!, 'utf8').trim().split('\n');
      expect(lines[0]).toBe('soldAtUtc,timeZone,ticketId,seatId,ticketNumber,tier,price,currency,customerId,orderId');
      expect(lines).toHaveLength(3);
      for (const line of lines.slice(1)) expect(line).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z,Europe\/Amsterdam,[^,]+,,\d+,regular,25\.00,EUR,[^,]+,[^,]+$/);

      await page.goto(`${base}/admin/analytics/tz-many`);
      await page.getByTestId('analytics-total').waitFor(WAIT);
      await checkPage(page, 'admin-analytics', 'Sales analytics · Meridian Night', visitor.size);

      await page.goto(`${base}/admin/staff`);
      await page.getByRole('heading', { name: 'Staff' }).waitFor(WAIT);
      await checkPage(page, 'admin-staff', 'Staff', visitor.size);

      await page.goto(`${base}/admin/build`);
      await checkPage(page, 'admin-build', 'New venue, event and show', visitor.size);

      await page.goto(`${base}/admin/gate/tz-one`);
      await page.getByTestId('gate-counts').filter({ hasText: /Admitted/ }).waitFor(WAIT);
      await checkPage(page, 'admin-gate', 'Gate check-in · Meridian Night', visitor.size);
    });
  }
});
