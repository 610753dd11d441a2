import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/testApp';
import { adminPost } from '../../api/test/catalogFixtures';
import { DESKTOP, PHONE, seriousAxeFindings } from './axe';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 20_000 };

type Size = { width: number; height: number };
interface Customer {
  token: Record<string, unknown>;
  auth: string;
}

/** The hold page: its lines, fee, VAT and total from the API, at a phone's and a desktop's size. */
describeInBrowser('checkout in Chromium', () => {
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

  /** A customer made through the API, as the web app keeps it in localStorage (`customer()` in api/client.ts). */
  async function newCustomer(): Promise<Customer> {
    const body = (await t.http.post('/v1/customers').expect(201)).body as Record<string, unknown>;
    return { token: body, auth: `Bearer ${body.token as string}` };
  }

  /**
   * A fresh browser context (nothing shared with any other) whose app is `who`: a British
   * visitor in New York, so a time in the venue's zone (20:00 CET) cannot be the browser's.
   */
  async function pageAs(who: Customer, size: Size): Promise<Page> {
    const context = await browser.newContext({ viewport: size, locale: 'en-GB', timezoneId: 'America/New_York', bypassCSP: true });
    contexts.push(context);
    // Strings, not functions: this file is compiled without the DOM's types.
    await context.addInitScript(`localStorage.setItem('tickets.customer', ${JSON.stringify(JSON.stringify(who.token))})`);
    return context.newPage();
  }

  let showCount = 0;
  /** A show of our own in the demo's Cinema Hall 2 (rows A-C economy €9, D-H regular €12, I-J vip €15), in Amsterdam. */
  async function cinemaShow(body: Record<string, unknown> = {}): Promise<string> {
    const id = `checkout-test-${++showCount}`;
    await adminPost(t, '/v1/admin/shows', {
      id,
      eventId: 'movie-the-long-night',
      venueId: 'cinema-hall-2',
      kind: 'seated',
      startsAt: '2027-03-01T19:00:00Z',
      tiers: [
        { tier: 'economy', price: 900, currency: 'EUR' },
        { tier: 'regular', price: 1200, currency: 'EUR' },
        { tier: 'vip', price: 1500, currency: 'EUR' },
      ],
      ...body,
    });
    return id;
  }

  async function hold(who: Customer, showId: string, body: object): Promise<string> {
    return (await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', who.auth).send(body).expect(201)).body.holdId as string;
  }

  /** `title`: a pattern leaves the date's punctuation to format.ts and the locale. */
  async function expectNamedAndFocused(page: Page, start: string, title: RegExp): Promise<void> {
    await page.waitForFunction(`document.title.startsWith(${JSON.stringify(start)})`, undefined, WAIT);
    expect(await page.title()).toMatch(title);
    expect(await page.evaluate('document.activeElement?.tagName')).toBe('H1');
  }

  async function expectNoSeriousAxeFindings(page: Page): Promise<void> {
    expect(await seriousAxeFindings(page)).toEqual([]);
  }

  describe.each([
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ])('at %s size', (sizeName, size) => {
    it('shows the same itemised total in a new browser context, names the amount on Pay, says the seats are apart, and the order carries it', async () => {
      const showId = await cinemaShow({ serviceFeePerTicket: 150, vatBasisPoints: 900 });
      const buyer = await newCustomer();
      // Two economy seats side by side and a regular one further back: not together.
      const holdId = await hold(buyer, showId, { seatIds: ['HALL-A-3', 'HALL-A-4', 'HALL-D-8'] });

      const first = await pageAs(buyer, size);
      await first.goto(`${base}/holds/${holdId}`);
      await first.getByRole('heading', { name: 'Your hold' }).waitFor(WAIT);
      // In Amsterdam's zone, named: 19:00 UTC is 20:00 CET.
      await expectNamedAndFocused(first, 'Hold ·', /^Hold · The Long Night, Mon,? 1 Mar 2027,? 20:00 CET · Tickets$/);
      // 9 + 9 + 12 = €30 of tickets, 3 × €1.50 fee: €34.50, of which 9/109 is VAT: €2.848… → €2.85.
      await first.getByTestId('total').filter({ hasText: '€34.50' }).waitFor(WAIT);
      expect(await first.getByTestId('tickets-total').textContent()).toBe('€30.00');
      expect(await first.getByTestId('service-fees').textContent()).toBe('€4.50');
      expect(await first.getByTestId('vat').textContent()).toBe('Includes €2.85 VAT (9 %)');
      expect(await first.getByTestId('not-together').textContent()).toBe('These 3 seats are not together: row A, seats 3–4 and row D, seat 8.');
      await first.getByRole('button', { name: 'Pay €34.50' }).waitFor(WAIT);
      const lines = await first.getByTestId('hold-lines').innerText();
      expect(lines).toContain('Hall 2 · row A · seat 3');
      await first.screenshot({ path: screenshotPath(`hold-${sizeName}`), fullPage: true });
      await expectNoSeriousAxeFindings(first);

      // Another device: nothing in common with the first context but the customer.
      const second = await pageAs(buyer, size);
      await second.goto(`${base}/holds/${holdId}`);
      await second.getByTestId('total').filter({ hasText: '€34.50' }).waitFor(WAIT);
      expect(await second.getByTestId('hold-lines').innerText()).toBe(lines);
      await second.getByRole('button', { name: 'Pay €34.50' }).waitFor(WAIT);

      await second.getByRole('button', { name: 'Pay €34.50' }).click();
      await second.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
      await second.getByText('Paid €34.50').waitFor(WAIT);
      expect(await second.getByTestId('order-charges').textContent()).toBe('Tickets €30.00 · service fee €4.50 · includes €2.85 VAT (9 %)');
      await second.screenshot({ path: screenshotPath(`order-confirmation-${sizeName}`), fullPage: true });
      await expectNoSeriousAxeFindings(second);
      const orderId = decodeURIComponent(new URL(second.url()).pathname.split('/').pop()!);
      const order = (await t.http.get(`/v1/orders/${orderId}`).set('Authorization', buyer.auth).expect(200)).body;
      expect(order).toMatchObject({ ticketsTotal: 3_000, serviceFees: 450, total: 3_450, vat: 285, currency: 'EUR' });
    });
  });

  it('warns once at 1 minute left, in colour and politely aloud (phone)', async () => {
    const showId = await cinemaShow({ holdSeconds: 65 });
    const buyer = await newCustomer();
    const holdId = await hold(buyer, showId, { seatIds: ['HALL-B-5', 'HALL-B-6'] });
    const page = await pageAs(buyer, PHONE);
    await page.goto(`${base}/holds/${holdId}`);
    await page.getByTestId('countdown').waitFor(WAIT);
    // Together, and no fee: no notice, no fee line; Pay still names the amount.
    await page.getByRole('button', { name: 'Pay €18.00' }).waitFor(WAIT);
    expect(await page.getByTestId('not-together').count()).toBe(0);
    expect(await page.getByTestId('service-fees').count()).toBe(0);
    expect(await page.getByTestId('announcement').textContent()).toBe('');

    await page.getByTestId('countdown-warning').waitFor(WAIT);
    expect(await page.getByTestId('announcement').textContent()).toBe('Less than 1 minute left to pay. After that the seats are released.');
    expect(await page.getByTestId('announcement').getAttribute('aria-live')).toBe('polite');
    // The colour changes with it (not only the words).
    const colour = await page.evaluate(`getComputedStyle(document.querySelector('[data-testid="countdown-warning"]')).color`);
    expect(colour).toBe('rgb(154, 52, 18)');
    await page.screenshot({ path: screenshotPath('hold-warning-phone'), fullPage: true });
    await expectNoSeriousAxeFindings(page);
  });

  it('an expired hold holds the same seats again in one tap (phone)', async () => {
    const showId = await cinemaShow({ holdSeconds: 3 });
    const buyer = await newCustomer();
    const holdId = await hold(buyer, showId, { seatIds: ['HALL-C-1', 'HALL-C-2'] });
    const page = await pageAs(buyer, PHONE);
    await page.goto(`${base}/holds/${holdId}`);
    await page.getByTestId('expired').waitFor(WAIT);
    await page.getByRole('button', { name: 'Hold these seats again' }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('hold-expired-phone'), fullPage: true });
    await expectNoSeriousAxeFindings(page);

    await page.getByRole('button', { name: 'Hold these seats again' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/holds/') && !url.pathname.endsWith(holdId), WAIT);
    const again = decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
    const details = (await t.http.get(`/v1/holds/${again}`).set('Authorization', buyer.auth).expect(200)).body;
    expect(details.seatIds).toEqual(['HALL-C-1', 'HALL-C-2']);
    await page.getByRole('heading', { name: 'Your hold' }).waitFor(WAIT);
  });

  it("an expired hold whose seats someone else took says so and leaves picking others (phone)", async () => {
    const showId = await cinemaShow({ holdSeconds: 3 });
    const buyer = await newCustomer();
    const holdId = await hold(buyer, showId, { seatIds: ['HALL-C-5'] });
    const page = await pageAs(buyer, PHONE);
    await page.goto(`${base}/holds/${holdId}`);
    await page.getByTestId('expired').waitFor(WAIT);
    await hold(await newCustomer(), showId, { seatIds: ['HALL-C-5'] });
    await page.getByRole('button', { name: 'Hold this seat again' }).click();
    await page.getByRole('alert').filter({ hasText: 'just taken' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Pick other seats' }).waitFor(WAIT);
  });

  it("the waiting line's offer says the tickets came free for you (phone)", async () => {
    const showId = `checkout-test-${++showCount}`;
    await adminPost(t, '/v1/admin/shows', { id: showId, eventId: 'movie-the-long-night', venueId: 'festival-grounds', kind: 'general', capacity: 2, startsAt: '2027-03-01T19:00:00Z', tiers: [{ tier: 'standard', price: 5000, currency: 'EUR' }] });
    const holder = await newCustomer();
    const held = await hold(holder, showId, { quantity: 2 });
    const waiter = await newCustomer();
    const entry = (await t.http.post(`/v1/shows/${showId}/waitlist`).set('Authorization', waiter.auth).send({ quantity: 2 }).expect(201)).body.entryId as string;
    await t.http.delete(`/v1/holds/${held}`).set('Authorization', holder.auth).expect(204);

    const page = await pageAs(waiter, PHONE);
    await page.goto(`${base}/waitlist/${entry}`);
    await page.getByRole('heading', { name: 'Your hold' }).waitFor(WAIT);
    await page.getByTestId('waitlist-offer').filter({ hasText: '2 tickets came free for you from the waiting line' }).waitFor(WAIT);
    await page.getByRole('button', { name: 'Pay €100.00' }).waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('hold-waitlist-offer-phone'), fullPage: true });
    await expectNoSeriousAxeFindings(page);
  });
});
