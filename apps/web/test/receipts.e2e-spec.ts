import type { Browser, BrowserContext, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { createTestApp, type TestApp } from '../../api/test/testApp';
import { adminPost } from '../../api/test/catalogFixtures';
import { eventually } from '../../api/test/inventoryFixtures';
import { SmtpSink } from '../../api/test/support/smtpSink';
import { mailingOf, textOf } from '../../api/test/support/receivedMail';
import { DESKTOP, PHONE, seriousAxeFindings } from './axe';
import { buildWebPages, chromiumOrReason, launchChromium, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 15_000 };
const SHOW = 'receipts-web-night';
/** 19:30 UTC on a winter Friday: 20:30 in Amsterdam. */
const STARTS = /Fri,? 15 Jan 2027,? 20:30 CET/;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

type Customer = { customerId: string; auth: string };

describeInBrowser('receipts, My orders, the order and the waiting line in Chromium, on a phone and a desktop', () => {
  let t: TestApp;
  let smtp: SmtpSink;
  let webDir: string;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    webDir = buildWebPages();
    smtp = await SmtpSink.start();
    // The receipt's links must point at this server: its port is chosen before it starts.
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ seedDemo: true, webDir, smtpUrl: smtp.url, config: { publicBaseUrl: base } });
    await t.app.listen(port, '127.0.0.1');
    await adminPost(t, '/v1/admin/shows', {
      id: SHOW, eventId: 'movie-the-long-night', venueId: 'cinema-hall-1', startsAt: '2027-01-15T19:30:00.000Z', kind: 'seated', holdSeconds: 300, maxTicketsPerCustomer: 10,
      tiers: [{ tier: 'economy', price: 950, currency: 'EUR' }, { tier: 'regular', price: 1250, currency: 'EUR' }, { tier: 'vip', price: 1650, currency: 'EUR' }],
    });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await t?.close();
    await smtp?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });

  /** A browser of its own; with `customer`, the identity this browser bought with (as the pages keep it). */
  async function newPage(viewport: { width: number; height: number }, customer?: Customer): Promise<Page> {
    const context = await browser.newContext({ viewport, locale: 'en-GB', bypassCSP: true });
    contexts.push(context);
    if (customer) {
      const stored = JSON.stringify({ customerId: customer.customerId, token: customer.auth.replace('Bearer ', '') });
      await context.addInitScript(`localStorage.setItem('tickets.customer', ${JSON.stringify(stored)})`);
    }
    return context.newPage();
  }

  async function buy(customer: Customer, showId: string, body: object, email?: string): Promise<{ orderId: string; tickets: Array<{ ticketId: string }> }> {
    const hold = await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', customer.auth).send(body).expect(201);
    const order = await t.http.post(`/v1/holds/${hold.body.holdId as string}/purchase`).set('Authorization', customer.auth).send({ payment: { token: 'tok_visa' }, ...(email ? { email } : {}) }).expect(201);
    return order.body as { orderId: string; tickets: Array<{ ticketId: string }> };
  }

  /** Title set and focus on the page's heading: what a page does once its data has loaded. */
  async function namedAndFocused(page: Page, title: string | RegExp): Promise<void> {
    const source = typeof title === 'string' ? `^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : title.source;
    await page.waitForFunction(`new RegExp(${JSON.stringify(source)}).test(document.title)`, undefined, WAIT).catch(async () => {
      throw new Error(`title ${JSON.stringify(await page.title())} is not ${String(title)}`);
    });
    expect(await page.evaluate(`document.activeElement && document.activeElement.tagName`)).toBe('H1');
  }

  const sizes = [
    ['phone', PHONE, 'C'],
    ['desktop', DESKTOP, 'D'],
  ] as const;

  describe.each(sizes)('at %s size', (size, viewport, row) => {
    it("My orders and the order name the show; the receipt's emailed link opens the tickets in a browser that never bought them", async () => {
      const buyer = await t.customer();
      const address = `buyer-${size}@example.com`;
      const first = await buy(buyer, SHOW, { seatIds: [`HALL-${row}-7`, `HALL-${row}-8`] }, address);
      await buy(buyer, SHOW, { seatIds: [`HALL-${row}-12`] });

      // My orders: event, venue, date and time in the venue's zone, seats; never the raw show id.
      const page = await newPage(viewport, buyer);
      await page.goto(`${base}/orders`);
      await page.getByTestId('order').nth(1).waitFor(WAIT);
      await namedAndFocused(page, 'My orders (2) · Tickets');
      const cards = await page.getByTestId('order').allInnerTexts();
      expect(cards).toHaveLength(2);
      for (const card of cards) {
        expect(card).toContain('The Long Night');
        expect(card).toContain('Cinema Centraal, Hall 1, Amsterdam');
        expect(card).toMatch(STARTS);
      }
      expect(cards[1]).toContain(`2 tickets: Row ${row}, seat 7; Row ${row}, seat 8`);
      expect(cards[1]).toContain('€25.00');
      expect(cards[0]).toContain(`1 ticket: Row ${row}, seat 12`);
      expect(await page.locator('main').innerText()).not.toContain(SHOW);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`orders-${size}`), fullPage: true });

      // The order: the same names, each ticket with its QR code.
      await page.getByRole('link', { name: 'Show tickets for The Long Night' }).nth(1).click();
      await page.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
      await page.locator('svg.qr').nth(1).waitFor(WAIT);
      await namedAndFocused(page, /^Your tickets: The Long Night, Fri,? 15 Jan 2027,? 20:30 CET · Tickets$/);
      const main = await page.locator('main').innerText();
      expect(main).toContain('Cinema Centraal, Hall 1, Amsterdam');
      expect(main).toMatch(STARTS);
      expect(main).toContain(`Row ${row}, seat 7`);
      expect(await page.locator('svg.qr').count()).toBe(2);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`order-${size}`), fullPage: true });

      // The receipt, as the SMTP server received it, once.
      await eventually(async () => smtp.accepted.some((m) => mailingOf(m) === `receipt/${first.orderId}`));
      const mails = smtp.accepted.filter((m) => mailingOf(m) === `receipt/${first.orderId}`);
      expect(mails.map((m) => m.to)).toEqual([[address]]);
      const link = new RegExp(`^(${base.replace(/[.]/g, '\\.')}/receipts/\\S+)$`, 'm').exec(textOf(mails[0]))?.[1];
      expect(link).toBeDefined();

      // Opened in a fresh browser: no customer identity, the link alone opens the tickets.
      const elsewhere = await newPage(viewport);
      await elsewhere.goto(link!);
      await elsewhere.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
      await elsewhere.locator('svg.qr').nth(1).waitFor(WAIT);
      await namedAndFocused(elsewhere, /^Receipt: The Long Night, Fri,? 15 Jan 2027,? 20:30 CET · Tickets$/);
      expect((await elsewhere.getByTestId('ticket-id').allTextContents()).sort()).toEqual(first.tickets.map((x) => x.ticketId).sort());
      const receiptText = await elsewhere.locator('main').innerText();
      expect(receiptText).toContain('Cinema Centraal, Hall 1, Amsterdam');
      expect(receiptText).toContain(`Row ${row}, seat 8`);
      expect(receiptText).toContain('Paid €25.00');
      expect(await elsewhere.evaluate(`localStorage.getItem('tickets.customer')`)).toBeNull();
      expect(await seriousAxeFindings(elsewhere)).toEqual([]);
      await elsewhere.screenshot({ path: screenshotPath(`receipt-${size}`), fullPage: true });

      // The link with one character of its signature changed: a page that says it does not work, and no tickets.
      const forged = link!.slice(0, -1) + (link!.endsWith('A') ? 'B' : 'A');
      const stranger = await newPage(viewport);
      await stranger.goto(forged);
      await stranger.getByRole('heading', { name: 'This receipt link does not work' }).waitFor(WAIT);
      await namedAndFocused(stranger, 'Receipt link not valid · Tickets');
      expect(await stranger.getByTestId('receipt-error').innerText()).toMatch(/changed or cut short/);
      expect(await stranger.locator('svg.qr').count()).toBe(0);
      expect(await seriousAxeFindings(stranger)).toEqual([]);
      await stranger.screenshot({ path: screenshotPath(`receipt-invalid-${size}`), fullPage: true });
    }, 120_000);

    it('the waiting page names the show and gives the place in line with an estimate', async () => {
      const showId = `receipts-wait-${size}`;
      await adminPost(t, '/v1/admin/shows', {
        id: showId, eventId: 'movie-the-long-night', venueId: 'festival-grounds', startsAt: '2027-01-15T19:30:00.000Z', kind: 'general', capacity: 3, holdSeconds: 600,
        tiers: [{ tier: 'standard', price: 5000, currency: 'EUR' }],
      });
      const holder = await t.customer();
      await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', holder.auth).send({ quantity: 3 }).expect(201);
      const ahead = await t.customer();
      await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', ahead.auth).send({ quantity: 1 }).expect(201);
      const waiter = await t.customer();
      const entry = await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', waiter.auth).send({ quantity: 2 }).expect(201);

      const page = await newPage(viewport, waiter);
      await page.goto(`${base}/waitlist/${entry.body.entryId as string}`);
      await page.getByTestId('position').filter({ hasText: 'number 2' }).waitFor(WAIT);
      await page.getByTestId('waitlist-estimate').filter({ hasText: '3 tickets are on hold' }).waitFor(WAIT);
      await namedAndFocused(page, /^Waiting line: The Long Night, Fri,? 15 Jan 2027,? 20:30 CET · Tickets$/);
      const show = await page.getByTestId('waitlist-show').innerText();
      expect(show).toContain('The Long Night');
      expect(show).toMatch(/Festival/);
      expect(show).toMatch(STARTS);
      const estimate = await page.getByTestId('waitlist-estimate').innerText();
      expect(estimate).toContain('1 person is ahead of you');
      expect(estimate).toContain('within about 10 minutes');
      // Nothing wider than the phone: no sideways scrolling.
      expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
      expect(await seriousAxeFindings(page)).toEqual([]);
      await page.screenshot({ path: screenshotPath(`waitlist-${size}`), fullPage: true });
    }, 120_000);
  });
});
