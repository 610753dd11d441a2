import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from '../../api/test/testApp';
import { createGeneralShow } from '../../api/test/inventoryFixtures';
import { chromiumOrReason, openSite, screenshotPath } from './browser';

const skipReason = chromiumOrReason();
const describeInBrowser = skipReason ? describe.skip : describe;

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 30_000 };

describeInBrowser('the waiting room of a hot on-sale, in Chromium', () => {
  let t: TestApp;
  let close: (() => Promise<void>) | undefined;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    // A small proof-of-work, so the browser really solves one, quickly.
    ({ t, base, browser, close } = await openSite({ config: { powDifficulty: 12 } }));
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

  it('sends a customer from the show to its waiting room, solves the proof-of-work, shows the place and the wait, then the seats with the pass', async () => {
    // Two customers made before the show is hot queue first; the browser's customer is third.
    const [first, second] = [await t.customer(), await t.customer()];
    const showId = await createGeneralShow(t, 50, 2);
    const opensAt = new Date(Date.now() + 4_000).toISOString();
    await t.http.put(`/v1/admin/shows/${showId}/hot-onsale`).set('Authorization', `Bearer ${t.adminToken}`).send({ opensAt, admissionsPerMinute: 60 }).expect(200);
    for (const c of [first, second]) await t.http.post(`/v1/shows/${showId}/waiting-room`).set('Authorization', c.auth).expect(201);

    const page = await newPage();
    const created: number[] = [];
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    page.on('response', (response) => {
      if (response.url().endsWith('/v1/customers') && response.request().method() === 'POST') created.push(response.status());
    });
    await page.goto(`${base}/shows/${showId}`);
    await page.getByRole('heading', { name: 'Waiting room' }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe(`/shows/${showId}/waiting-room`);
    await page.getByTestId('position').filter({ hasText: '3' }).waitFor(WAIT);
    await page.getByTestId('estimate').waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('20-waiting-room'), fullPage: true });
    // The identity cost a proof-of-work: refused once without it, made with it.
    expect(created).toEqual([403, 201]);
    // Solved off the page's thread.
    expect(workers.some((url) => /powWorker/.test(url))).toBe(true);

    await page.getByTestId('admitted').waitFor(WAIT);
    await page.screenshot({ path: screenshotPath('21-waiting-room-admitted'), fullPage: true });
    await page.getByRole('link', { name: 'Choose your tickets' }).click();
    await page.getByRole('heading', { name: 'General admission' }).waitFor(WAIT);
    await page.getByLabel('Quantity').selectOption('2');
    await page.getByRole('button', { name: 'Hold 2 tickets' }).click();
    await page.getByTestId('countdown').waitFor(WAIT);

    // The hold was the page's customer's, made with its pass: the queue has three, the show two tickets held.
    const room = (await t.store.readAll()).filter((e) => e.streamId === `waiting-room-${showId}`);
    expect(room).toHaveLength(3);
    const availability = (await t.http.get(`/v1/shows/${showId}/availability`).expect(200)).body as { held: number; sold: number };
    expect(availability.held + availability.sold).toBe(2);
  });

  it('sends a visitor of a show that is not hot straight to its seats', async () => {
    const showId = await createGeneralShow(t, 10, 1);
    const page = await newPage();
    await page.goto(`${base}/shows/${showId}/waiting-room`);
    await page.getByRole('heading', { name: 'General admission' }).waitFor(WAIT);
    expect(new URL(page.url()).pathname).toBe(`/shows/${showId}`);
  });
});
