import type { Browser, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/testApp';
import { createSeatedShow } from '../../api/test/inventoryFixtures';
import { ReceiptLinks } from '../../api/src/receipts/receiptLinks';
import { chromiumOrReason, openSite, screenshotPath } from './browser';
import { DESKTOP, PHONE, seriousAxeFindings } from './axe';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 20_000 };

interface Visit {
  name: string;
  path: string;
  /** What the tab must say once the page's data has loaded (before " · Tickets"). */
  title: RegExp;
  /** Signed in as staff (the admin token) instead of as the customer. */
  staff?: boolean;
}

/**
 * Every page of the site, at a phone's size and a desktop's: the tab names the page once its
 * data has loaded, focus is on the page's heading, axe-core (WCAG 2.2 target size on) finds
 * nothing serious or critical, and a screenshot of each lands in test-output/web/ to be looked at.
 */
describeInBrowser('every page at 390×844 and 1280×900', () => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base: string;
  let customer: { customerId: string; token: string };
  const visits: Visit[] = [];

  beforeAll(async () => {
    ({ t, base, browser, close } = await openSite({ seedDemo: true }));

    const made = await t.http.post('/v1/customers').expect(201);
    customer = made.body;
    const auth = `Bearer ${customer.token}`;
    const event = (await t.http.get('/v1/events/movie-the-long-night').expect(200)).body as { shows: Array<{ id: string; venueId: string }> };
    const cinema = event.shows.find((s) => s.venueId === 'cinema-hall-1')!.id;
    const arena = ((await t.http.get('/v1/events/northern-lights-live').expect(200)).body as { shows: Array<{ id: string }> }).shows[0].id;
    const held = await t.http.post(`/v1/shows/${cinema}/holds`).set('Authorization', auth).send({ seatIds: ['HALL-E-5', 'HALL-E-6'] }).expect(201);
    const bought = await t.http.post(`/v1/shows/${cinema}/holds`).set('Authorization', auth).send({ seatIds: ['HALL-F-5', 'HALL-F-6'] }).expect(201);
    const order = await t.http.post(`/v1/holds/${bought.body.holdId as string}/purchase`).set('Authorization', auth).send({ payment: { token: 'tok_visa' } }).expect(201);
    // A small show with every seat held by someone else: its waiting line is open.
    const small = await createSeatedShow(t);
    for (let row = 1; row <= 5; row++) {
      for (const section of ['A', 'B']) {
        const seatIds = Array.from({ length: 10 }, (_, i) => `${section}-${row}-${i + 1}`);
        const holder = await t.customer();
        await t.http.post(`/v1/shows/${small}/holds`).set('Authorization', holder.auth).send({ seatIds }).expect(201);
      }
    }
    const entry = await t.http.post(`/v1/shows/${small}/waitlist`).set('Authorization', auth).send({ quantity: 2 }).expect(201);
    // A receipt's signed link, as the email carries it.
    const receipt = t.app.get(ReceiptLinks).tokenFor({ customerId: customer.customerId, orderId: order.body.orderId as string });
    // A hot on-sale, for its waiting room (marked last: from then on new identities cost a proof-of-work).
    const hot = await createSeatedShow(t);
    await t.http.put(`/v1/admin/shows/${hot}/hot-onsale`).set('Authorization', `Bearer ${t.adminToken}`).send({}).expect(200);

    visits.push(
      { name: 'cities', path: '/', title: /^Find tickets$|cit/i },
      { name: 'events', path: '/events', title: /^All events$/ },
      { name: 'city', path: '/cities/city-amsterdam', title: /^What's on in Amsterdam$/ },
      { name: 'event', path: '/events/movie-the-long-night', title: /Long Night/ },
      { name: 'show-cinema', path: `/shows/${cinema}`, title: /Long Night/ },
      { name: 'show-arena', path: `/shows/${arena}`, title: /Northern Lights/ },
      { name: 'hold', path: `/holds/${held.body.holdId as string}`, title: /Hold|Long Night/ },
      { name: 'order', path: `/orders/${order.body.orderId as string}`, title: /Order|Long Night/ },
      { name: 'orders', path: '/orders', title: /orders/i },
      { name: 'waitlist', path: `/waitlist/${entry.body.entryId as string}`, title: /wait|line/i },
      { name: 'receipt', path: `/receipts/${receipt}`, title: /Receipt/ },
      { name: 'waiting-room', path: `/shows/${hot}/waiting-room`, title: /^Waiting room · Concert /i },
      { name: 'admin-shows', path: '/admin', title: /Shows/, staff: true },
      { name: 'admin-audit', path: '/admin/audit', title: /audit/i, staff: true },
      { name: 'admin-analytics', path: '/admin/analytics', title: /analytics/i, staff: true },
      { name: 'admin-staff', path: '/admin/staff', title: /Staff/, staff: true },
      { name: 'admin-build', path: '/admin/build', title: /./, staff: true },
      { name: 'admin-manage', path: `/admin/shows/${cinema}`, title: /./, staff: true },
      { name: 'admin-messages', path: `/admin/shows/${cinema}/messages`, title: /./, staff: true },
      { name: 'admin-gate', path: `/admin/gate/${cinema}`, title: /./, staff: true },
      { name: 'admin-projections', path: '/admin/projections', title: /Projections/, staff: true },
    );
  }, 180_000);

  afterAll(async () => {
    await close?.();
  });

  async function open(visit: Visit, viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, bypassCSP: true, hasTouch: viewport === PHONE, isMobile: viewport === PHONE, locale: 'en-GB' });
    // The visitor's identity (and, for staff pages, the staff token) as the pages keep them.
    // (Strings, not functions: this file is compiled without the DOM's types.)
    const store = [`localStorage.setItem('tickets.customer', ${JSON.stringify(JSON.stringify(customer))});`];
    if (visit.staff) store.push(`localStorage.setItem('tickets.adminToken', ${JSON.stringify(t.adminToken)});`);
    await context.addInitScript(store.join('\n'));
    const page = await context.newPage();
    await page.goto(`${base}${visit.path}`);
    return page;
  }

  for (const [size, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
    it(`at the ${size} size: every page names itself, puts focus on its heading, and axe finds nothing serious`, async () => {
      const problems: string[] = [];
      for (const visit of visits) {
        const page = await open(visit, viewport);
        try {
          // The tab names the page once its data has loaded, and focus is then on the heading.
          const named = `new RegExp(${JSON.stringify(visit.title.source)}, ${JSON.stringify(visit.title.flags)}).test(document.title.replace(/ · Tickets$/, ''))`;
          await page
            .waitForFunction(`${named} && !/Loading/i.test(document.title) && document.activeElement?.tagName === 'H1'`, undefined, WAIT)
            .catch(async () => problems.push(`${visit.name}: title "${await page.title()}" (wanted ${String(visit.title)}), focus on ${await page.evaluate('document.activeElement?.tagName')}`));
          const findings = await seriousAxeFindings(page);
          for (const f of findings) problems.push(`${visit.name}: ${f.impact} ${f.id} (${f.help}) at ${f.targets.join(', ')}`);
          await page.screenshot({ path: screenshotPath(`all-${visit.name}-${size}`), fullPage: true });
        } catch (error) {
          problems.push(`${visit.name}: ${String(error).split('\n')[0]} (title "${await page.title()}")`);
        } finally {
          await page.context().close();
        }
      }
      expect(problems).toEqual([]);
    }, 300_000);
  }
});

if (skipReason) {
  it.skip(`every page in Chromium: ${skipReason}`, () => undefined);
}
