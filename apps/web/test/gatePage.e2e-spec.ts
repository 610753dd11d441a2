import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Order } from '@app/contracts';
import type { TestApp } from '../../api/test/testApp';
import { createSeatedShow } from '../../api/test/inventoryFixtures';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 15_000 };

describeInBrowser('the gate page in Chromium (no camera here: the typed code)', () => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ t, base, browser, close } = await openSite());
  }, 120_000);

  afterAll(async () => {
    await context?.close();
    await close?.();
  });

  async function buy(showId: string, seatIds: string[]): Promise<Order> {
    const customer = await t.customer();
    const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', customer.auth).send({ seatIds }).expect(201);
    return (await t.http.post(`/v1/holds/${hold.body.holdId}/purchase`).set('Authorization', customer.auth).send({ payment: { token: 'tok_visa' } }).expect(201)).body as Order;
  }

  async function scan(page: Page, payload: string): Promise<void> {
    await page.fill('input[name="payload"]', payload);
    await page.click('button:has-text("Check in")');
  }

  it('a gate user signs in with its own token, checks tickets in by their typed code, sees each outcome and the live counts', async () => {
    const manager = await t.staff('event_manager', { organisationId: 'arena-ops' });
    const showId = await createSeatedShow(t, {}, 'arena-ops');
    const otherShow = await createSeatedShow(t, {}, 'arena-ops');
    const gate = await t.staff('gate', { organisationId: 'arena-ops', showIds: [showId], name: 'North 1 scanner' });
    const order = await buy(showId, ['A-1-1', 'A-1-2']);
    const refunded = await buy(showId, ['A-2-1']);
    const elsewhere = await buy(otherShow, ['A-1-1']);
    await t.http.post(`/v1/admin/orders/${refunded.orderId}/refund`).set('Authorization', manager.auth).expect(200);

    context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/admin`);
    await page.fill('input[type="password"]', gate.auth.slice('Bearer '.length));
    await page.click('button:has-text("Sign in")');
    // A gate user's menu is its shows' gate pages.
    await page.locator(`a[href="/admin/gate/${showId}"]`).click();
    await page.fill('input[name="gate"]', 'North 1');
    await page.locator('[data-count="not-admitted"]').filter({ hasText: /^2$/ }).waitFor(WAIT);
    await page.locator('text=No camera here').waitFor(WAIT);

    const outcome = page.locator('[data-outcome]');
    await scan(page, order.tickets[0].pass!);
    await page.locator('[data-outcome="admitted"]').waitFor(WAIT);
    expect(await outcome.textContent()).toContain('ADMITTED');
    await page.locator('[data-count="admitted"]').filter({ hasText: /^1$/ }).waitFor(WAIT);
    await page.locator('[data-count="not-admitted"]').filter({ hasText: /^1$/ }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('gate-admitted') });

    await scan(page, order.tickets[0].pass!);
    await page.locator('[data-outcome="already_admitted"]').waitFor(WAIT);
    expect(await outcome.textContent()).toContain('First admitted at North 1');

    await scan(page, refunded.tickets[0].pass!);
    await page.locator('[data-outcome="refunded"]').waitFor(WAIT);

    await scan(page, elsewhere.tickets[0].pass!);
    await page.locator('[data-outcome="wrong_show"]').waitFor(WAIT);

    const pass = order.tickets[1].pass!;
    await scan(page, `${pass.slice(0, -1)}${pass.endsWith('A') ? 'B' : 'A'}`);
    await page.locator('[data-outcome="invalid_signature"]').waitFor(WAIT);

    await scan(page, 'not a ticket');
    await page.locator('[data-outcome="error"]').waitFor(WAIT);
    expect(await outcome.textContent()).toContain('Not a ticket');
    await page.screenshot({ path: screenshotPath('gate-not-a-ticket') });

    // Another gate admits the other ticket: this page's counts follow without a scan of its own.
    await t.http.post(`/v1/shows/${showId}/checkins`).set('Authorization', `Bearer ${t.adminToken}`).send({ payload: pass, gate: 'South 2' }).expect(201);
    await page.locator('[data-count="admitted"]').filter({ hasText: /^2$/ }).waitFor(WAIT);
    await page.locator('[data-count="not-admitted"]').filter({ hasText: /^0$/ }).waitFor(WAIT);
  }, 60_000);
});
