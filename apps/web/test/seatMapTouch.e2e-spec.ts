import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/testApp';
import { adminPost } from '../../api/test/catalogFixtures';
import { DESKTOP, PHONE, seriousAxeFindings } from './axe';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 15_000 };
/** WCAG 2.2 success criterion 2.5.8, target size (minimum). */
const MIN_TARGET = 24;

const TIERS = [
  { tier: 'economy', price: 900, currency: 'EUR' },
  { tier: 'regular', price: 1250, currency: 'EUR' },
  { tier: 'vip', price: 1500, currency: 'EUR' },
];

describeInBrowser('the seat map under a thumb, in Chromium with touch', () => {
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

  async function touchPage(viewport: { width: number; height: number }): Promise<Page> {
    const context = await browser.newContext({ viewport, hasTouch: true, isMobile: viewport.width < 800, bypassCSP: true, locale: 'en-GB' });
    contexts.push(context);
    return context.newPage();
  }

  let showCount = 0;
  /** A show of our own, so tests never share seats. */
  async function scheduleShow(venueId: string, extra: Record<string, unknown> = {}): Promise<string> {
    const id = `touch-test-${++showCount}`;
    await adminPost(t, '/v1/admin/shows', { id, eventId: 'movie-the-long-night', venueId, startsAt: '2027-03-01T19:00:00Z', kind: 'seated', tiers: TIERS, ...extra });
    return id;
  }

  const seat = (page: Page, seatId: string) => page.locator(`[data-seat-id="${seatId}"]`);

  /** Every seat's tap target as laid out, smallest first: what a thumb gets. */
  async function smallestSeatTargets(page: Page): Promise<Array<{ id: string; width: number; height: number }>> {
    const sizes = await page.locator('[data-seat-id]').evaluateAll((elements) =>
      elements.map((e) => {
        const box = (e as unknown as { getBoundingClientRect(): { width: number; height: number } }).getBoundingClientRect();
        return { id: (e as unknown as { getAttribute(n: string): string }).getAttribute('data-seat-id'), width: box.width, height: box.height };
      }),
    );
    return sizes.sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height));
  }

  async function expectSeatsTappable(page: Page, count: number): Promise<void> {
    const sizes = await smallestSeatTargets(page);
    expect(sizes).toHaveLength(count);
    const smallest = sizes[0];
    expect(smallest.width).toBeGreaterThanOrEqual(MIN_TARGET);
    expect(smallest.height).toBeGreaterThanOrEqual(MIN_TARGET);
  }

  /** Inside the viewport as the page stands: the buyer sees it without scrolling. */
  async function expectInViewport(page: Page, target: Locator): Promise<void> {
    const box = await target.boundingBox();
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
  }

  async function expectNamedAndFocused(page: Page): Promise<void> {
    await page.locator('main h1:focus').waitFor(WAIT);
    expect(await page.locator('main h1:focus').textContent()).toBe('The Long Night');
    expect(await page.title()).toMatch(/^The Long Night, Mon,? 1 Mar 2027, 20:00 CET · Tickets$/);
  }

  async function pay(page: Page, tickets: number): Promise<void> {
    await page.getByTestId('countdown').waitFor(WAIT);
    await page.getByRole('button', { name: /^Pay/ }).tap();
    await page.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
    expect(await page.getByTestId('ticket-id').count()).toBe(tickets);
  }

  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    describe(`at ${viewport.width}×${viewport.height}`, () => {
      it('buys two cinema seats by tapping only: every seat a thumb-sized target, wheelchair spaces drawn, the hold bar in view', async () => {
        const showId = await scheduleShow('cinema-hall-2');
        const page = await touchPage(viewport);
        await page.goto(`${base}/shows/${showId}`);
        await seat(page, 'HALL-A-1').waitFor(WAIT);
        await expectNamedAndFocused(page);
        await expectSeatsTappable(page, 120);
        // Row J: two wheelchair spaces where seats 5 and 6 would be, companion seats beside them.
        expect(await page.getByRole('img', { name: /^Row J, wheelchair space [56]$/ }).count()).toBe(2);
        expect(await page.getByRole('button', { name: /^Row J, seat (4|7), companion seat/ }).count()).toBe(2);
        await page.getByTestId('stage-mark').filter({ hasText: 'Screen' }).waitFor(WAIT);
        await page.getByText('● Live').waitFor(WAIT);
        expect(await seriousAxeFindings(page)).toEqual([]);

        // Seat numbers on demand.
        expect(await page.locator('.seat-number').count()).toBe(0);
        await page.getByLabel('Seat numbers').tap();
        expect(await page.locator('[data-seat-id="HALL-E-7"] .seat-number').textContent()).toBe('7');

        await seat(page, 'HALL-E-7').tap();
        await seat(page, 'HALL-E-8').tap();
        await page.waitForSelector('[data-seat-id="HALL-E-8"][data-status="selected"]', WAIT);
        const hold = page.getByRole('button', { name: 'Hold 2 seats · €25.00' });
        await page.screenshot({ path: screenshotPath(`show-cinema-${size}`) });
        await expectInViewport(page, hold);
        await hold.tap();
        await pay(page, 2);
      });

      it('buys two arena seats by tapping only: sections listed legibly, a section opened and closed with the focus following, the hold bar in view', async () => {
        const showId = await scheduleShow('arena');
        const page = await touchPage(viewport);
        await page.goto(`${base}/shows/${showId}`);
        await page.locator('canvas.overview-canvas').waitFor(WAIT);
        await expectNamedAndFocused(page);
        await page.getByText('● Live').waitFor(WAIT);
        // Every section is in the list, named as the map names it.
        expect(await page.getByRole('navigation', { name: 'Sections' }).getByRole('button').count()).toBe(20);
        const floor2 = page.locator('[data-section="F2"]');
        expect(await floor2.textContent()).toContain('Floor 2');
        expect(await seriousAxeFindings(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`show-arena-overview-${size}`) });

        // The widest section (a back one, 66 seats in its last row) is still thumb-sized, scrolling inside its box.
        await page.locator('[data-section="M"]').tap();
        await seat(page, 'M-20-66').waitFor(WAIT);
        await expectSeatsTappable(page, 1_130);
        await page.getByRole('button', { name: '← Whole venue' }).tap();
        await page.locator('[data-section="M"]:focus').waitFor(WAIT);

        await floor2.tap();
        await seat(page, 'F2-1-1').waitFor(WAIT);
        // Opening a section moves the focus into it.
        await page.locator('[data-seat-id="F2-1-1"]:focus').waitFor(WAIT);
        await expectSeatsTappable(page, 450);
        await page.getByTestId('stage-mark').filter({ hasText: 'towards the stage' }).waitFor(WAIT);
        await seat(page, 'F2-1-4').tap();
        await seat(page, 'F2-1-5').tap();
        await page.waitForSelector('[data-seat-id="F2-1-5"][data-status="selected"]', WAIT);
        // The basket names the section as the map does.
        await page.getByTestId('selection').filter({ hasText: 'Floor 2, row 1, seat 4' }).waitFor(WAIT);
        expect(await seriousAxeFindings(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`show-arena-section-${size}`) });

        // Closing the section gives the focus back to its entry in the overview.
        await page.getByRole('button', { name: '← Whole venue' }).tap();
        await page.locator('[data-section="F2"]:focus').waitFor(WAIT);

        const hold = page.getByRole('button', { name: 'Hold 2 seats · €30.00' });
        await expectInViewport(page, hold);
        await hold.tap();
        await pay(page, 2);
      });

      it('leads with the waiting line when nothing is free: no dead seat picker, no hold button', async () => {
        const venueId = `tiny-hall-${size}`;
        const cities = (await t.http.get('/v1/cities').expect(200)).body as Array<{ id: string; name: string }>;
        await adminPost(t, '/v1/admin/venues', {
          id: venueId,
          cityId: cities.find((c) => c.name === 'Amsterdam')!.id,
          name: 'Tiny Hall',
          kind: 'cinema',
          seatMap: { sections: [{ id: 'HALL', name: 'Tiny Hall', x: 0, y: 0, width: 40, height: 10, rows: [{ row: 'A', seats: 4, tier: 'regular' }] }] },
        });
        const showId = await scheduleShow(venueId);
        const holder = await t.customer();
        await t.http.post(`/v1/shows/${showId}/holds`).set('Authorization', holder.auth).send({ seatIds: ['HALL-A-1', 'HALL-A-2', 'HALL-A-3', 'HALL-A-4'] }).expect(201);

        const page = await touchPage(viewport);
        await page.goto(`${base}/shows/${showId}`);
        const join = page.getByRole('button', { name: 'Join the waiting line' });
        await join.waitFor(WAIT);
        await expectNamedAndFocused(page);
        expect(await page.locator('[data-seat-id]').count()).toBe(0);
        expect(await page.getByRole('button', { name: /^Hold|Pick seats/ }).count()).toBe(0);
        expect(await seriousAxeFindings(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`show-soldout-${size}`) });
        await expectInViewport(page, join);
        await join.tap();
        await page.getByTestId('position').waitFor(WAIT);
      });
    });
  }
});

if (skipReason) {
  it.skip(`the seat map under a thumb: ${skipReason}`, () => undefined);
}
