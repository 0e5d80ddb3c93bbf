// End to end: the landing page of a release opened in headless Chromium (Debian's package,
// driven by playwright-core). Runs on the fixture release, and on the newest dist-data/v*/ when
// there is one. Expected values come from the release's CSVs, read here independently.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, launchChromium, type LaunchedBrowser } from '../../pipeline/landing/browser.ts';
import { landingPage } from '../../pipeline/landing/index.ts';
import { readReleaseFolder } from '../../pipeline/landing/read-folder.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, 'fixtures', 'release');
const DIST = join(here, '..', '..', 'dist-data');

function newestRelease(): string | null {
  if (!existsSync(DIST)) return null;
  const versions = readdirSync(DIST)
    .filter((d) => /^v\d+\.\d+\.\d+$/.test(d) && existsSync(join(DIST, d, 'statements.csv')))
    .sort((a, b) => {
      const pa = a.slice(1).split('.').map(Number);
      const pb = b.slice(1).split('.').map(Number);
      return (pa[0]! - pb[0]!) || (pa[1]! - pb[1]!) || (pa[2]! - pb[2]!);
    });
  return versions.length ? join(DIST, versions[versions.length - 1]!) : null;
}

const releases: Array<[string, string]> = [['fixture release', FIXTURE]];
const real = newestRelease();
if (real) releases.push([`published release ${real.split('/').pop()}`, real]);
// LANDING_RELEASE=<dir>: also run against a release folder built elsewhere
if (process.env.LANDING_RELEASE) releases.push([`release at ${process.env.LANDING_RELEASE}`, process.env.LANDING_RELEASE]);

const haveChromium = existsSync(CHROMIUM);
if (!haveChromium) console.warn(`landing e2e: SKIPPED, ${CHROMIUM} is absent (install Debian's chromium package; CI's .ci/run does)`);

type Row = Record<string, string>;
const csv = (files: Map<string, Uint8Array>, name: string): Row[] =>
  files.has(name) ? (parse(new TextDecoder().decode(files.get(name)), { columns: true, bom: true }) as Row[]) : [];
const list = (v: string | undefined) => (v ? v.split(';').filter(Boolean) : []);
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe.each(releases)('landing page of the %s in Chromium', (_label, dir) => {
  const files = readReleaseFolder(dir);
  const statements = csv(files, 'statements.csv');
  const places = csv(files, 'places.csv');
  let work = '';
  let pageUrl = '';
  let chrome: LaunchedBrowser | undefined;

  beforeAll(async () => {
    if (!haveChromium) return;
    // the page beside a copy of the release, so its relative download links resolve
    work = mkdtempSync(join(tmpdir(), 'landing-e2e-'));
    for (const [p, b] of files) {
      if (p === 'index.html') continue;
      mkdirSync(dirname(join(work, p)), { recursive: true });
      writeFileSync(join(work, p), b);
    }
    writeFileSync(join(work, 'index.html'), landingPage({ files }));
    pageUrl = pathToFileURL(join(work, 'index.html')).href;
    chrome = await launchChromium({ width: 1280, height: 900 });
  }, 60_000);

  afterAll(async () => {
    await chrome?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function open() {
    const tab = await chrome!.browser.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    tab.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    tab.on('pageerror', (e) => errors.push(e.message));
    tab.on('request', (r) => requests.push(r.url()));
    await tab.goto(pageUrl);
    await tab.waitForSelector('#statements-table tbody tr');
    return { tab, errors, requests };
  }

  const shownIds = (tab: Awaited<ReturnType<typeof open>>['tab']) =>
    tab.$$eval('#statements-table tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-id') ?? ''));

  it.skipIf(!haveChromium)('loads with no console errors and requests nothing but the page itself', async () => {
    const { tab, errors, requests } = await open();
    expect(errors).toEqual([]);
    expect(requests.filter((u) => u !== pageUrl)).toEqual([]);
    await tab.close();
  });

  it.skipIf(!haveChromium)('draws one bar per month with statements, each as tall as its count', async () => {
    const months = new Map<string, number>();
    for (const s of statements) {
      const a = (s.date_start ?? '').slice(0, 7);
      if (a && a === (s.date_end ?? '').slice(0, 7)) months.set(a, (months.get(a) ?? 0) + 1);
    }
    const { tab } = await open();
    const bars = await tab.$$eval('svg.timeline a.bar', (as) =>
      as.map((a) => ({ month: a.getAttribute('data-month') ?? '', count: Number(a.getAttribute('data-count')), height: (a.querySelector('rect.focus-ring') as SVGGraphicsElement).getBBox().height - 3 })),
    );
    expect(bars.map((b) => b.month)).toEqual([...months.keys()].sort());
    expect(Object.fromEntries(bars.map((b) => [b.month, b.count]))).toEqual(Object.fromEntries(months));
    // bar height proportional to its count: one pixel-per-statement ratio for every bar
    const ratios = bars.map((b) => b.height / b.count);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0]!, 1);
    // every phase of the siege is drawn
    expect(await tab.$$eval('svg.timeline g.phase', (g) => g.length)).toBeGreaterThan(0);
    await tab.close();
  });

  it.skipIf(!haveChromium)('searching for a neighbourhood lists exactly the statements about it, whatever the spelling', async () => {
    // the neighbourhood spelling with most statements: linked to the place, or naming it in the text
    const words = (s: string) => fold(s).replace(/[-\u2010\u2011\u2013\u2014'\u2019\u02bf\u02be`_]/gu, ' ').split(/\s+/u).filter(Boolean);
    const phrase = (s: string) => words(s).join(' ');
    const linked = (s: Row, id: string) => list(s.place_ids).includes(id);
    const about = (id: string, name: string) => statements.filter((s) => linked(s, id) || phrase(s.text ?? '').includes(phrase(name)));
    const candidates = places
      .filter((p) => p.type === 'neighbourhood')
      .flatMap((p) => [p.name!, ...list(p.alt_names)].map((name, k) => ({ place: p, name, variant: k > 0, hits: about(p.place_id!, name) })))
      .filter((c) => c.hits.length > 0 && words(c.name).length > 0)
      .sort((a, b) => b.hits.length - a.hits.length || Number(b.variant) - Number(a.variant) || (a.name < b.name ? -1 : 1));
    const pick = candidates[0];
    expect(pick, 'a neighbourhood that the statements name').toBeDefined();
    const { place, name } = pick!;
    const { tab } = await open();
    await tab.fill('#q', name);
    await tab.waitForFunction((v) => (document.getElementById('table-status')?.textContent ?? '').includes(v), name);
    await tab.evaluate(() => {
      const more = document.getElementById('more') as HTMLButtonElement;
      while (!more.hidden) more.click();
    });
    const shown = new Set(await shownIds(tab));
    const byId = new Map(statements.map((s) => [s.statement_id!, s]));
    // every statement linked to the place or naming it is listed ...
    for (const s of pick!.hits) expect(shown.has(s.statement_id!), `${s.statement_id}: ${s.text}`).toBe(true);
    // ... and every listed one is about it: linked to it, or carrying every word searched for in its text
    const names = [place.name!, ...list(place.alt_names)];
    for (const id of shown) {
      const s = byId.get(id)!;
      const text = phrase(s.text ?? '');
      const ok = linked(s, place.place_id!) || names.some((n) => text.includes(phrase(n))) || words(name).every((w) => text.includes(w));
      expect(ok, `${id}: ${s.text}`).toBe(true);
    }
    expect(shown.size).toBeLessThan(statements.length);
    // the date expression is highlighted inside the sentence
    const marks = await tab.$$eval('#statements-table tbody tr mark', (m) => m.map((x) => x.textContent ?? ''));
    for (const m of marks) expect(statements.some((s) => s.date_text === m)).toBe(true);
    await tab.close();
  });

  it.skipIf(!haveChromium)('a bar reached with the keyboard filters the table to its month', async () => {
    const { tab } = await open();
    const first = tab.locator('svg.timeline a.bar').first();
    const month = (await first.getAttribute('data-month'))!;
    const expected = Number(await first.getAttribute('data-count'));
    await first.focus();
    await tab.keyboard.press('Enter');
    await tab.waitForFunction(() => (document.getElementById('month') as HTMLSelectElement).value !== '');
    expect(await tab.inputValue('#month')).toBe(month);
    await tab.evaluate(() => {
      const more = document.getElementById('more') as HTMLButtonElement;
      while (!more.hidden) more.click();
    });
    expect((await shownIds(tab)).length).toBe(expected);
    await tab.close();
  });

  it.skipIf(!haveChromium)('sorts by a column heading and reverses on a second press', async () => {
    const { tab } = await open();
    const byId = new Map(statements.map((s) => [s.statement_id!, s]));
    const starts = async () => (await shownIds(tab)).map((id) => byId.get(id)!.date_start!);
    const ascending = await starts();
    expect(ascending).toEqual([...ascending].sort());
    await tab.click('th[data-sort=date] button');
    expect(await tab.getAttribute('th[data-sort=date]', 'aria-sort')).toBe('descending');
    const descending = await starts();
    expect(descending).toEqual([...descending].sort().reverse());
    expect(descending[0]).not.toBe(ascending[0]);
    // the same from the sort menu (the one a phone shows, where column headings are hidden)
    await tab.selectOption('#sort', 'date:1');
    expect(await starts()).toEqual(ascending);
    await tab.close();
  });

  it.skipIf(!haveChromium)('embeds schema.org Dataset JSON-LD that parses and names every CSV', async () => {
    const { tab } = await open();
    const raw = await tab.$eval('script[type="application/ld+json"]', (s) => s.textContent ?? '');
    const ld = JSON.parse(raw) as Record<string, unknown>;
    expect(ld['@type']).toBe('Dataset');
    for (const k of ['name', 'description', 'version', 'license', 'creator', 'temporalCoverage', 'spatialCoverage', 'distribution']) expect(ld[k], k).toBeDefined();
    const dist = ld.distribution as Array<Record<string, unknown>>;
    const named = new Set(dist.filter((d) => d['@type'] === 'DataDownload').map((d) => d.contentUrl));
    for (const p of files.keys()) if (p.endsWith('.csv')) expect(named.has(p), p).toBe(true);
    // every download link on the page points at a file of the release
    const hrefs = await tab.$$eval('table.files a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    for (const h of hrefs) if (h !== 'SHA256SUMS') expect(files.has(h), h).toBe(true);
    await tab.close();
  });

  it.skipIf(!haveChromium)('fits a phone-width screen without sideways scrolling of the page', async () => {
    const phone = await launchChromium({ width: 390, height: 844, scale: 2, mobile: true });
    try {
      const tab = await phone.browser.newPage();
      await tab.goto(pageUrl);
      await tab.waitForSelector('#statements-table tbody tr');
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
    } finally {
      await phone.close();
    }
  }, 60_000);
});
