import type { Browser, BrowserContext, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { createTestApp, type TestApp } from '../../api/test/testApp';
import { SmtpSink } from '../../api/test/support/smtpSink';
import { buildWebPages, chromiumOrReason, launchChromium, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 15_000 };

describeInBrowser('messages to ticket holders in Chromium', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let webDir: string;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    webDir = buildWebPages();
    smtp = await SmtpSink.start();
    t = await createTestApp({ seedDemo: true, webDir, smtpUrl: smtp.url });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts.splice(0)) await context.close();
    await browser?.close();
    await t?.close();
    await smtp?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  it('a buyer gives an email at checkout; an event manager writes to the holders; the message appears on the open order page, on My orders and in the inbox, and not for a non-holder', async () => {
    // An event manager's own event and show, on a platform venue of the demo catalog.
    const staff = await t.staff('event_manager', { organisationId: 'acme', name: 'Mia' });
    const performerId = (await t.http.get('/v1/events/movie-the-long-night').expect(200)).body.performer.id as string;
    const as = (path: string, body: object) => t.http.post(path).set('Authorization', staff.auth).send(body);
    await as('/v1/admin/events', { id: 'acme-open-air', name: 'Acme Open Air', description: 'x', category: 'concert', performerId }).expect(201);
    const showId = 'acme-open-air-1';
    await as('/v1/admin/shows', {
      id: showId, eventId: 'acme-open-air', startsAt: '2027-03-01T19:00:00Z', venueId: 'festival-grounds', kind: 'general', capacity: 10,
      tiers: [{ tier: 'standard', price: 5000, currency: 'EUR' }],
    }).expect(201);

    // The buyer, in the browser, with an address.
    const buyer = await newPage();
    await buyer.goto(`${base}/shows/${showId}`);
    await buyer.getByRole('button', { name: /^Hold \d+ tickets?$/ }).click();
    await buyer.getByRole('heading', { name: 'Your hold' }).waitFor(WAIT);
    await buyer.getByLabel(/^Email for your receipt/).fill('not-an-address');
    await buyer.getByRole('button', { name: /^Pay/ }).click();
    // The browser's own check stops it before the API is asked.
    expect(await buyer.getByLabel(/^Email for your receipt/).evaluate((input) => (input as unknown as { validity: { valid: boolean } }).validity.valid)).toBe(false);
    await buyer.getByLabel(/^Email for your receipt/).fill('buyer@example.com');
    await buyer.getByRole('button', { name: /^Pay/ }).click();
    await buyer.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);

    // Someone who bought nothing of this show.
    const outsider = await newPage();
    await outsider.goto(`${base}/orders`);
    await outsider.getByRole('heading', { name: 'My orders' }).waitFor(WAIT);

    // The event manager's form.
    const manager = await newPage();
    await manager.goto(`${base}/admin`);
    await manager.getByLabel('Staff token').fill(staff.auth.replace('Bearer ', ''));
    await manager.getByRole('button', { name: 'Sign in' }).click();
    const row = manager.locator(`tr[data-show-id="${showId}"]`);
    await row.waitFor(WAIT);
    await row.getByRole('link', { name: 'Messages' }).click();
    await manager.getByRole('heading', { name: 'Messages to ticket holders' }).waitFor(WAIT);
    await manager.getByLabel('Subject').fill('Doors open at 18:30');
    await manager.getByLabel('Message').fill('The gates open half an hour early.\nSee you there!');
    await manager.getByRole('button', { name: 'Send to holders' }).click();
    await manager.getByRole('status').filter({ hasText: 'Sent to all holders: Doors open at 18:30' }).waitFor(WAIT);
    await manager.getByTestId('show-messages').filter({ hasText: /1 sent/ }).waitFor(WAIT);
    await manager.screenshot({ path: screenshotPath('messages-1-event-manager-form'), fullPage: true });

    // Pushed to the order page that stayed open: no reload.
    await buyer.getByTestId('holder-messages').filter({ hasText: 'Doors open at 18:30' }).waitFor(WAIT);
    await buyer.getByTestId('holder-messages').filter({ hasText: 'The gates open half an hour early.' }).waitFor(WAIT);
    await buyer.screenshot({ path: screenshotPath('messages-2-order-page'), fullPage: true });
    await buyer.locator('.crumbs').getByRole('link', { name: 'My orders' }).click();
    await buyer.getByTestId('holder-messages').filter({ hasText: 'Doors open at 18:30' }).waitFor(WAIT);

    // The non-holder's page, reloaded after the message: nothing.
    await outsider.reload();
    await outsider.getByRole('heading', { name: 'My orders' }).waitFor(WAIT);
    await outsider.getByText(/No orders from this browser yet/).waitFor(WAIT);
    expect(await outsider.getByTestId('holder-messages').count()).toBe(0);

    // The purchase's receipt, then the message: one each.
    const toBuyer = smtp.accepted.filter((m) => m.to.includes('buyer@example.com'));
    expect(toBuyer.filter((m) => m.subject === 'Doors open at 18:30')).toHaveLength(1);
    expect(toBuyer.filter((m) => m.subject?.startsWith('Your tickets: '))).toHaveLength(1);
  }, 120_000);
});
