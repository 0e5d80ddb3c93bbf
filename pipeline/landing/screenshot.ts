// `tsx pipeline/landing/screenshot.ts <release dir> <out dir>`: desktop and phone-width PNG
// screenshots of a release's landing page (its index.html, or one generated from its files).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './browser.ts';
import { landingPage } from './index.ts';
import { readReleaseFolder } from './read-folder.ts';

const [dir, outDir] = process.argv.slice(2);
if (!dir || !outDir) {
  process.stderr.write('usage: tsx pipeline/landing/screenshot.ts <release dir> <out dir>\n');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
let page = join(resolve(dir), 'index.html');
if (!existsSync(page)) {
  page = join(resolve(outDir), 'landing-preview.html');
  writeFileSync(page, landingPage({ files: readReleaseFolder(dir) }));
}
const VIEWS = [
  { name: 'landing-desktop.png', width: 1280, height: 900, scale: 1, mobile: false, depth: 2600 },
  { name: 'landing-phone.png', width: 390, height: 844, scale: 2, mobile: true, depth: 2400 },
];
for (const v of VIEWS) {
  // one browser per view: device scale and touch are fixed per browser context
  const { browser, close } = await launchChromium(v);
  try {
    const tab = await browser.newPage();
    await tab.goto(pathToFileURL(page).href);
    await tab.waitForSelector('#statements-table tbody tr', { timeout: 10000 }).catch(() => undefined);
    const file = join(outDir, v.name);
    // The top of the page (overview, chart, map, first rows): a whole page of statements is tens of MB.
    const height = await tab.evaluate(() => document.documentElement.scrollHeight);
    await tab.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: v.width, height: Math.min(v.depth, height) } });
    process.stdout.write(`${file}\n`);
  } finally {
    await close();
  }
}
