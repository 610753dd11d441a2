import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createTestApp, type TestApp, type TestAppOptions } from '../../api/test/testApp';

export const CHROMIUM = '/usr/bin/chromium';
export const SCREENSHOTS = resolve(__dirname, '../../../test-output/web');

/** Whether the browser tests can run here; when not, the reason is printed loudly, once. */
export function chromiumOrReason(): string | undefined {
  if (existsSync(CHROMIUM)) return undefined;
  const reason = `${CHROMIUM} is missing: install it with "apt-get install -y chromium" (.ci/run does). The browser tests are SKIPPED.`;
  console.warn(`\n${'!'.repeat(100)}\n!!! ${reason}\n${'!'.repeat(100)}\n`);
  return reason;
}

/** Builds the web pages into a fresh directory, so a build someone is serving from dist/web is left alone. */
export function buildWebPages(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'ticketing-web-'));
  const root = resolve(__dirname, '../../..');
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'apps/web/vite.config.mts', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
  });
  return outDir;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

export interface SiteUnderTest {
  /** The API, on the embedded store unless the options say otherwise. */
  t: TestApp;
  /** `http://127.0.0.1:<port>`: the API and the pages it serves. */
  base: string;
  browser: Browser;
  /** Closes the browser and the API and removes the built pages. */
  close(): Promise<void>;
}

/** The real API serving freshly built pages on a free port of 127.0.0.1, and Chromium to visit them. */
export async function openSite(options: Omit<TestAppOptions, 'webDir'> = {}): Promise<SiteUnderTest> {
  const webDir = buildWebPages();
  const t = await createTestApp({ ...options, webDir });
  await t.app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(t.app.getHttpServer().address() as { port: number }).port}`;
  const browser = await launchChromium();
  return {
    t,
    base,
    browser,
    async close() {
      await browser.close();
      await t.close();
      rmSync(webDir, { recursive: true, force: true });
    },
  };
}
