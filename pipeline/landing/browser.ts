// Headless Chromium for the page's end-to-end test and screenshots: Debian's /usr/bin/chromium
// driven by playwright-core (no browser download), with nothing that reaches the network.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface LaunchedBrowser {
  browser: BrowserContext;
  close: () => Promise<void>;
}

/** A fresh persistent profile each time, so no state leaks between runs. */
export async function launchChromium(view: { width: number; height: number; scale?: number; mobile?: boolean } = { width: 1280, height: 900 }): Promise<LaunchedBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'landing-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: view.width, height: view.height },
    deviceScaleFactor: view.scale ?? 1,
    isMobile: view.mobile ?? false,
    hasTouch: view.mobile ?? false,
    offline: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
