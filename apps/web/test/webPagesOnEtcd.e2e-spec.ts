import type { Browser, BrowserContext, Page } from 'playwright-core';
import { rmSync } from 'node:fs';
import { EtcdEventStore } from '@app/event-store';
import { LocalEtcdCluster, describeWithEtcd } from '@app/event-store/etcd/testing/localEtcdCluster';
import { createTestApp, type TestApp } from '../../api/test/testApp';
import { buildWebPages, chromiumOrReason, launchChromium, screenshotPath } from './browser';

const skipReason = chromiumOrReason();

/** Generous: these wait for a state to appear, they never time how fast it did. */
const WAIT = { timeout: 20_000 };

/**
 * The same pages on a 3-member etcd cluster instead of the embedded store: a buyer picks
 * seats in one browser while another watches them turn, pays, and a festival ticket is
 * bought too. What the pages show comes from projections that follow the cluster's log.
 */
describeWithEtcd('web pages on an etcd cluster, in Chromium', () => {
  if (skipReason) {
    it.skip(`SKIPPED: ${skipReason}`, () => undefined);
    return;
  }
  let cluster: LocalEtcdCluster;
  let t: TestApp;
  let webDir: string;
  let browser: Browser;
  let base: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    cluster = await LocalEtcdCluster.start({ size: 3, name: 'web' });
    webDir = buildWebPages();
    t = await createTestApp({ seedDemo: true, webDir, store: await EtcdEventStore.connect({ endpoints: cluster.endpoints }) });
    await t.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await t?.close();
    await cluster?.stop();
    if (webDir) rmSync(webDir, { recursive: true, force: true });
  });

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    contexts.push(context);
    return context.newPage();
  }

  it('holds two cinema seats while a second browser sees them taken, pays, and buys festival tickets', async () => {
    const event = (await t.http.get('/v1/events/movie-the-long-night').expect(200)).body as { shows: Array<{ id: string; venueId: string }> };
    const showId = event.shows.find((s) => s.venueId === 'cinema-hall-1')!.id;
    const buyer = await newPage();
    const watcher = await newPage();
    await buyer.goto(`${base}/shows/${showId}`);
    await watcher.goto(`${base}/shows/${showId}`);
    await buyer.locator('[data-seat-id="HALL-F-5"]').click();
    await buyer.locator('[data-seat-id="HALL-F-6"]').click();
    await buyer.getByRole('button', { name: 'Hold 2 seats' }).click();
    await buyer.getByTestId('countdown').waitFor(WAIT);
    await watcher.waitForSelector('[data-seat-id="HALL-F-6"][data-status="held"]', WAIT);
    await buyer.getByRole('button', { name: /^Pay/ }).click();
    await buyer.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
    expect(await buyer.getByTestId('ticket-id').count()).toBe(2);
    await watcher.waitForSelector('[data-seat-id="HALL-F-6"][data-status="sold"]', WAIT);
    await watcher.getByText(/2 sold/).waitFor(WAIT);
    await watcher.screenshot({ path: screenshotPath('20-etcd-seats-sold-elsewhere'), fullPage: true });

    await buyer.goto(`${base}/events/global-festival-2027`);
    await buyer.locator('.show-list a').first().click();
    await buyer.getByTestId('remaining').filter({ hasText: 'regular tickets left' }).waitFor(WAIT);
    await buyer.getByLabel('Quantity').selectOption('3');
    await buyer.getByRole('button', { name: 'Hold 3 tickets' }).click();
    await buyer.getByRole('button', { name: /^Pay/ }).click();
    await buyer.getByRole('heading', { name: 'Your tickets' }).waitFor(WAIT);
    expect(await buyer.getByTestId('ticket-id').count()).toBe(3);
    const health = (await t.http.get('/health').expect(200)).body as { store: string; members: unknown[]; leader: string };
    expect(health).toMatchObject({ store: 'etcd', leader: expect.any(String) });
    expect(health.members).toHaveLength(3);
  });
});
