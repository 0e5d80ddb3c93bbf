// The page generator as a pure function of a release's bytes (no browser here: see e2e.test.ts).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { landingPage, PHASES } from '../../pipeline/landing/index.ts';
import { buildMap } from '../../pipeline/landing/map.ts';
import { readReleaseFolder } from '../../pipeline/landing/read-folder.ts';
import { readRelease } from '../../pipeline/landing/release.ts';
import { dateLabel, highlight, searchNormal } from '../../pipeline/landing/statements-table.ts';
import { axisSlots, buildTimeline, statementMonth } from '../../pipeline/landing/timeline.ts';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, 'fixtures', 'release');
const files = readReleaseFolder(FIXTURE);
const enc = new TextEncoder();

const scriptBody = (html: string, id: string): string => {
  const m = new RegExp(`<script[^>]*id="${id}"[^>]*>([\\s\\S]*?)</script>`).exec(html);
  if (!m) throw new Error(`no script #${id}`);
  return m[1] as string;
};

describe('landingPage', () => {
  it('gives the same bytes for the same release, whatever order the files come in', () => {
    const reversed = new Map([...files].reverse());
    expect(landingPage({ files: reversed })).toBe(landingPage({ files }));
  });

  it('reads no clock: the page does not change with the time zone or the date', () => {
    const a = landingPage({ files });
    const tz = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      expect(landingPage({ files })).toBe(a);
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('loads nothing from outside the page: no src, no stylesheet link, no absolute asset URL', () => {
    const html = landingPage({ files });
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+stylesheet/);
    expect(html).not.toMatch(/<img[^>]+src="https?:/);
    expect(html).not.toMatch(/url\((?!#)/); // CSS url() only for in-page SVG patterns
  });

  it('lists every file with its size and sha256, and SHA256SUMS without a hash (it covers this page)', () => {
    const html = landingPage({ files });
    for (const [p, b] of files) {
      const hash = createHash('sha256').update(b).digest('hex');
      expect(html, p).toContain(`<a href="${p}">${p}</a>`);
      expect(html, p).toContain(`<code>${hash}</code>`);
      expect(html, p).toContain(`title="${b.byteLength} bytes"`);
    }
    expect(html).toContain('<a href="SHA256SUMS">');
  });

  it('never lists itself, and a changed file changes its row', () => {
    const withSelf = new Map(files);
    withSelf.set('index.html', enc.encode('<!DOCTYPE html>old page'));
    const html = landingPage({ files: withSelf });
    expect(html).not.toContain('<a href="index.html">');
    const changed = new Map(files);
    changed.set('README.md', enc.encode('# changed\n'));
    expect(landingPage({ files: changed })).toContain(createHash('sha256').update('# changed\n').digest('hex'));
  });

  it('embeds statement text as data, so markup in a sentence cannot run', () => {
    const html = landingPage({ files });
    // the fixture has a sentence quoting <script>alert(1)</script>
    expect(html).not.toContain('<script>alert(1)</script>');
    const data = JSON.parse(scriptBody(html, 'statements-data')) as { rows: Array<{ t: string[] }> };
    expect(data.rows.some((r) => r.t.join('').includes('<script>alert(1)</script>'))).toBe(true);
  });

  it('embeds Dataset JSON-LD with a DataDownload for every file and the release metadata', () => {
    const ld = JSON.parse(scriptBody(landingPage({ files }), 'dataset-jsonld')) as Record<string, unknown>;
    const dp = JSON.parse(new TextDecoder().decode(files.get('datapackage.json'))) as Record<string, unknown>;
    expect(ld['@type']).toBe('Dataset');
    expect(ld.version).toBe(dp.version);
    expect(ld.license).toBe((dp.licenses as Array<{ path: string }>)[0]!.path);
    expect(ld.temporalCoverage).toBe(dp.temporalCoverage);
    const dist = ld.distribution as Array<{ contentUrl: string; sha256: string; contentSize: string }>;
    expect(dist.map((d) => d.contentUrl).sort()).toEqual([...files.keys()].sort());
    for (const d of dist) expect(d.sha256).toBe(createHash('sha256').update(files.get(d.contentUrl)!).digest('hex'));
    const box = ((ld.spatialCoverage as Record<string, unknown>).geo as { box: string }).box.split(' ').map(Number);
    expect(box).toHaveLength(4);
    expect(box[0]!).toBeLessThan(box[2]!);
  });

  it('shows the column dictionary from the Table Schemas, every column of every table', () => {
    const html = landingPage({ files });
    const r = readRelease({ files });
    expect(r.tables.length).toBeGreaterThan(0);
    for (const t of r.tables) for (const f of t.fields) expect(html, `${t.name}.${f.name}`).toContain(`<td><code>${f.name}</code>`);
  });

  it('embeds at most embedLimit statements, evenly spread over the dates, says so, and still charts them all', () => {
    const full = landingPage({ files });
    const capped = landingPage({ files }, { embedLimit: 5 });
    const all = JSON.parse(scriptBody(full, 'statements-data')) as { rows: Array<{ i: string; d: string[] }>; total?: number };
    const data = JSON.parse(scriptBody(capped, 'statements-data')) as { rows: Array<{ i: string; d: string[] }>; total?: number };
    expect(all.total).toBeUndefined(); // under the cap: no sample, no note
    expect(full).not.toContain('id="table-sample"');
    expect(data.rows).toHaveLength(5);
    expect(data.total).toBe(all.rows.length);
    // a sample of the full list, in its date order, reaching from its first date to near its last
    const order = all.rows.map((r) => r.i);
    const at = data.rows.map((r) => order.indexOf(r.i));
    expect(at.every((k, j) => k >= 0 && (j === 0 || k > at[j - 1]!))).toBe(true);
    expect(at[0]).toBe(0);
    expect(order.length).toBeGreaterThan(5);
    expect(at[at.length - 1]!).toBeGreaterThanOrEqual(order.length - Math.ceil(order.length / 5));
    expect(capped).toMatch(new RegExp(`id="table-sample"><strong>This page embeds 5 of the ${all.rows.length} statements</strong>`));
    expect(capped).toContain('<a href="statements.csv">statements.csv</a>');
    // the chart counts every statement whatever the page embeds
    const chartTitle = (h: string) => /<p id="timeline-title">[^<]*<\/p>/.exec(h)?.[0];
    expect(chartTitle(capped)).toBe(chartTitle(full));
    const mapSvg = (h: string) => /<svg class="map"[\s\S]*?<\/svg>/.exec(h)?.[0];
    expect(mapSvg(capped)).toBeDefined();
    expect(mapSvg(capped)).toBe(mapSvg(full));
  });

  it('still renders a page for an empty release', () => {
    const html = landingPage({ files: new Map() });
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('nothing to map');
  });
});

describe('statements table', () => {
  const r = readRelease({ files });

  it('highlights the date expression by code-point offsets, also after an astral character', () => {
    // the fixture sentence starts with an emoji: UTF-16 offsets would be off by one
    const row = r.statements.find((s) => s.text!.startsWith('\u{1F4A5}'))!;
    expect(row).toBeDefined();
    expect(highlight(row)[1]).toBe(row.date_text);
    for (const s of r.statements) {
      const [pre, hit, post] = highlight(s);
      expect(pre + hit + post).toBe(s.text);
      if (hit) expect(hit).toBe(s.date_text);
    }
  });

  it('leaves a date read from outside the sentence (a day heading) unhighlighted', () => {
    const row = r.statements.find((s) => Number(s.date_char_start) < Number(s.char_start))!;
    expect(highlight(row)).toEqual([row.text, '', '']);
  });

  it('labels a date at the precision the text gives', () => {
    const base = { date_qualifier: 'on' };
    expect(dateLabel({ ...base, date_start: '2012-02-04', date_end: '2012-02-04', date_precision: 'day' })).toBe('4 February 2012');
    expect(dateLabel({ ...base, date_start: '2014-05-01', date_end: '2014-05-31', date_precision: 'month' })).toBe('May 2014');
    expect(dateLabel({ ...base, date_start: '2012-01-01', date_end: '2012-12-31', date_precision: 'year' })).toBe('2012');
    expect(dateLabel({ date_qualifier: 'by', date_start: '2014-05-07', date_end: '2014-05-11', date_precision: 'interval' })).toBe('by 7 May 2014 – 11 May 2014');
  });

  it('normalises search text so transliterations with hyphens, apostrophes and accents meet', () => {
    expect(searchNormal('al-Khalidiyah')).toBe('al khalidiyah');
    expect(searchNormal("Wa'er")).toBe(searchNormal('Wa’er'));
    expect(searchNormal('Türkiye')).toBe('turkiye');
  });
});

describe('timeline', () => {
  const r = readRelease({ files });
  const sideOf = new Map(r.actors.filter((a) => a.side).map((a) => [a.actor_id!, a.side!]));

  it('puts a statement on a month only when its whole date is inside that month', () => {
    expect(statementMonth({ date_start: '2012-02-04', date_end: '2012-02-04' })).toBe('2012-02');
    expect(statementMonth({ date_start: '2014-05-01', date_end: '2014-05-31' })).toBe('2014-05');
    expect(statementMonth({ date_start: '2012-01-01', date_end: '2012-12-31' })).toBeNull();
  });

  it('breaks the axis over more than a year of empty months, so an outlier keeps its bar without squeezing the rest', () => {
    const slots = axisSlots(['1995-08', '2011-03', '2011-05', '2012-04', '2013-05', '2014-06', '2016-02']);
    expect(slots[0]).toBe('1995-08');
    expect(slots[1]).toMatch(/^gap:/);
    expect(slots).toContain('2011-04'); // short gaps stay on the axis
    expect(slots.filter((s) => s.startsWith('gap:'))).toHaveLength(4);
    expect(slots.filter((s) => !s.startsWith('gap:'))).toHaveLength(1 + 40 + 1);
  });

  it('counts every statement once: charted by month or reported as spanning months', () => {
    const t = buildTimeline(r.statements, sideOf, PHASES.phases);
    const charted = t.bars.reduce((n, b) => n + b.total, 0);
    expect(charted + t.uncharted).toBe(r.statements.length);
    for (const b of t.bars) expect(Object.values(b.counts).reduce((a, c) => a + c, 0)).toBe(b.total);
    expect((t.svg.match(/<a class="bar"/g) ?? []).length).toBe(t.bars.length);
    expect((t.svg.match(/<g class="phase"/g) ?? []).length).toBe(PHASES.phases.length);
  });

  it('stacks by side: a statement naming actors of two sides is in "several", one with none in "none"', () => {
    const t = buildTimeline(
      [
        { date_start: '2013-01-02', date_end: '2013-01-02', actor_ids: 'syrian-armed-forces;free-syrian-army' },
        { date_start: '2013-01-03', date_end: '2013-01-03', actor_ids: '' },
        { date_start: '2013-01-04', date_end: '2013-01-04', actor_ids: 'free-syrian-army;activists' },
      ],
      sideOf,
      [],
    );
    expect(t.bars).toHaveLength(1);
    expect(t.bars[0]!.counts).toMatchObject({ several: 1, none: 1, 'side:opposition': 1 });
  });
});

describe('map', () => {
  const r = readRelease({ files });

  it('sizes symbols by statement count and draws area places as areas, point places as markers', () => {
    const m = buildMap(r.places, [...r.statements, { ...r.statements[0]!, statement_id: 'sy', place_ids: 'syria' }]);
    const symbol = (id: string) => new RegExp(`data-place="${id}"[^>]*>.*?<circle[^>]*r="([0-9.]+)"[^>]*class="(area|point)"`).exec(m.svg);
    const homs = m.places.find((p) => p.id === 'homs')!;
    const waer = m.places.find((p) => p.id === 'al-waer')!;
    expect(homs.count).toBeGreaterThan(waer.count);
    expect(Number(symbol('homs')![1])).toBeGreaterThan(Number(symbol('al-waer')![1]));
    expect(symbol('khalidiya')![2]).toBe('area');
    // places with no coordinates are listed, not drawn
    expect(m.unplaced.map((p) => p.id)).toContain('syria');
    expect(m.svg).not.toContain('data-place="syria"');
  });

  it('gives the city with the most mapped places inside it its own panel', () => {
    const m = buildMap(r.places, r.statements);
    expect(m.focus?.id).toBe('homs');
    expect(m.svg).toContain('Homs: places inside the city');
  });

  it('marks a point-precision place as a point', () => {
    const statements = [...r.statements, { ...r.statements[0]!, statement_id: 'sx', place_ids: 'khalid-mosque' }];
    const m = buildMap(r.places, statements);
    expect(m.svg).toMatch(/data-place="khalid-mosque"[^>]*>.*?class="point"/);
  });
});

describe('phases.json', () => {
  const raw = readFileSync(join(here, '..', '..', 'raw', 'wikipedia-siege-of-homs.txt'), 'utf8');

  it('has ordered, non-overlapping phases with valid inclusive dates', () => {
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    PHASES.phases.forEach((p, i) => {
      expect(p.start).toMatch(iso);
      expect(p.end).toMatch(iso);
      expect(p.start <= p.end).toBe(true);
      if (i > 0) expect(PHASES.phases[i - 1]!.end < p.start).toBe(true);
    });
  });

  it('quotes evidence that is in the pinned source document, under the cited headings', () => {
    for (const p of PHASES.phases) {
      const fragments = (p.evidence ?? '').split(/\s*(?:\.\.\.|;|\[[^\]]*\])\s*/).map((f) => f.trim()).filter((f) => f.length >= 12);
      expect(fragments.length, p.id).toBeGreaterThan(0);
      for (const f of fragments) expect(raw, `${p.id}: ${f}`).toContain(f);
      for (const h of (p.heading ?? '').split(/\s*(?:\/|\.\.\.)\s*/).filter(Boolean)) expect(raw, `${p.id}: heading ${h}`).toContain(h);
    }
  });
});
