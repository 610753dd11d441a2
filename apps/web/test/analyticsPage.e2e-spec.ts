import type { Browser, BrowserContext, Page } from 'playwright-core';
import { readFileSync, rmSync } from 'node:fs';
import type { TestApp } from '../../api/test/testApp';
import { adminPost, createBasics, generalShow } from '../../api/test/catalogFixtures';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 15_000 };

describeInBrowser('the analytics page in Chromium', () => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];
  const ids = new Set<string>();

  async function buy(tier: string): Promise<void> {
    const { customerId, auth } = await t.customer();
    const hold = await t.http.post('/v1/shows/ana-web/holds').set('Authorization', auth).send({ quantity: 1, tier }).expect(201);
    const order = await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    ids.add(customerId).add(hold.body.holdId as string).add(order.body.orderId as string);
    for (const ticket of order.body.tickets as Array<{ ticketId: string }>) ids.add(ticket.ticketId);
  }

  beforeAll(async () => {
    ({ t, base, browser, close } = await openSite());
    await createBasics(t);
    await adminPost(
      t,
      '/v1/admin/shows',
      generalShow({
        id: 'ana-web',
        tiers: [
          { tier: 'standing', price: 3_000, currency: 'EUR' },
          { tier: 'balcony', price: 5_000, currency: 'EUR' },
          { tier: 'golden', price: 9_000, currency: 'EUR' },
        ],
        generalTiers: [
          { tier: 'standing', capacity: 3_000 },
          { tier: 'balcony', capacity: 1_000 },
          { tier: 'golden', capacity: 1_000 },
        ],
        shardCount: 6,
      }),
    );
    // standing: 12 buyers, balcony: 10, golden: 2 (withheld, and balcony with it).
    for (let i = 0; i < 12; i++) await buy('standing');
    for (let i = 0; i < 10; i++) await buy('balcony');
    for (let i = 0; i < 2; i++) await buy('golden');
    const { auth } = await t.customer();
    await t.http.get('/v1/customers/me/orders').set('Authorization', auth).expect(200); // waits for the projections
  }, 120_000);

  afterAll(async () => {
    await close?.();
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    contexts.push(context);
    return context.newPage();
  }

  it("charts a show's sales by tier with the small tier withheld, downloads the CSV, and shows the event; no id anywhere", async () => {
    const page = await newPage();
    await page.goto(`${base}/admin`);
    await page.getByLabel('Staff token').fill(t.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Sales analytics' }).waitFor(WAIT);

    await page.getByLabel('Show or event').selectOption('show:ana-web');
    await page.waitForURL(`${base}/admin/analytics/ana-web`, WAIT);
    const tiers = page.getByTestId('analytics-tier');
    await tiers.locator('g[data-key="standing"][data-suppressed="false"]').filter({ hasText: '12' }).waitFor(WAIT);
    await tiers.locator('g[data-key="golden"][data-suppressed="true"]').filter({ hasText: 'withheld' }).waitFor(WAIT);
    await tiers.locator('g[data-key="balcony"][data-suppressed="true"]').waitFor(WAIT);
    await page.getByTestId('analytics-total').filter({ hasText: '24 tickets in 24 orders' }).waitFor(WAIT);
    await page.getByTestId('analytics-hour').filter({ hasText: "on the venue's clock (Europe/Amsterdam)" }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('analytics-show'), fullPage: true });

    const [download] = await Promise.all([page.waitForEvent('download', WAIT), page.getByRole('button', { name: 'Download CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('sales-show-ana-web.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.split('\r\n')).toEqual(expect.arrayContaining(['total,total,24,104000,EUR,24,false', 'tier,golden,,,,,true', 'tier,standing,12,36000,EUR,12,false']));

    const shown = await page.content();
    expect([...ids].filter((id) => shown.includes(id) || csv.includes(id))).toEqual([]);

    await page.getByLabel('Show or event').selectOption('event:sonora-tour');
    await page.waitForURL(`${base}/admin/analytics/events/sonora-tour`, WAIT);
    await page.getByTestId('analytics-total').filter({ hasText: '24 tickets' }).waitFor(WAIT);
    await page.getByTestId('analytics-tier').locator('g[data-key="golden"][data-suppressed="true"]').waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('analytics-event'), fullPage: true });
  });
});
