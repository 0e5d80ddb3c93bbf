// The dataset landing page: index.html of a release, generated from the release's own files.
// A pure function of those bytes: no clock, no I/O, no network; the page itself loads nothing
// (styles, script, chart and map are inline).
import { PAGE_CSS } from './assets/style.ts';
import { CLIENT_JS } from './assets/client.ts';
import { datasetJsonLd, temporalCoverage } from './dataset-jsonld.ts';
import { buildMap, type MapPlace, type PlacesMap } from './map.ts';
import { esc, humanSize, scriptJson } from './markup.ts';
import phaseData from './phases.json' with { type: 'json' };
import { readRelease, type CsvRow, type Release, type ReleaseFiles, type TableField } from './release.ts';
import { buildTableData, EMBED_LIMIT, type TableData } from './statements-table.ts';
import { buildTimeline, monthLabel, patternDefs, type Phase, type Timeline } from './timeline.ts';

export type { ReleaseFiles } from './release.ts';

export interface PhaseFile {
  description: string;
  source: { document_id: string; url: string; attribution: string };
  phases: Phase[];
}

export const PHASES = phaseData as PhaseFile;

export interface LandingOptions {
  /** Phases drawn on the timeline; defaults to pipeline/landing/phases.json. */
  phases?: PhaseFile;
  /** Most statements embedded in the page (default EMBED_LIMIT); the chart and map count all. */
  embedLimit?: number;
  /** The whole rows of the statements picked for the table, when `tables.statements` holds only the columns the counts need. */
  expandStatements?: (picked: CsvRow[]) => CsvRow[];
  /** The page's parts drawn from the tables, made already (landingData, with these options and the release's tables). */
  data?: LandingData;
}

/** What the page draws from the four tables alone: its timeline, its map and its statements table (the parts whose cost grows with the statements). */
export interface LandingData {
  timeline: Timeline;
  map: PlacesMap;
  table: TableData;
}

/**
 * The parts of the page that depend on the tables only, not on the other files. A publisher
 * that knows the tables before every file is written (their sizes and checksums are on the
 * page) makes them first and hands them to landingPage as `options.data`.
 */
export function landingData(tables: NonNullable<ReleaseFiles['tables']>, options: LandingOptions = {}): LandingData {
  const phases = options.phases ?? PHASES;
  const sideOf = new Map(tables.actors.filter((a) => a.actor_id && a.side).map((a) => [a.actor_id as string, a.side as string]));
  return {
    timeline: buildTimeline(tables.statements, sideOf, phases.phases),
    map: buildMap(tables.places, tables.statements),
    table: buildTableData(tables.statements, tables.places, tables.actors, tables.documents, options.embedLimit ?? EMBED_LIMIT, options.expandStatements),
  };
}

/** index.html for a release: `files` maps release-relative paths to bytes (index.html and SHA256SUMS, if present, are not described). */
export function landingPage(release: ReleaseFiles, options: LandingOptions = {}): string {
  const r = readRelease(release);
  const phases = options.phases ?? PHASES;
  const { timeline, map, table } = options.data ?? landingData(r, options);
  const jsonld = datasetJsonLd(r, map.places, map.focus, r.documents);
  const dp = r.datapackage;
  const title = dp.title ?? dp.name ?? 'Dataset';
  const version = dp.version ?? '';

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}${version ? ` — v${esc(version)}` : ''}</title>`,
    `<meta name="description" content="${esc(dp.description ?? '')}">`,
    // the page may not fetch anything: not even by accident
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    `<style>${PAGE_CSS}</style>`,
    `<script type="application/ld+json" id="dataset-jsonld">${scriptJson(jsonld, 1)}</script>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#main">Skip to content</a>',
    header(r, title, version),
    '<main id="main">',
    overview(r, title, version),
    timelineSection(timeline, phases),
    mapSection(map),
    statementsSection(timeline, table.rows.length, table.total ?? table.rows.length),
    downloadsSection(r),
    dictionarySection(r),
    sourcesSection(r, phases),
    '</main>',
    `<footer><p>Generated from the files of release ${esc(version)} by the project's landing-page stage; it reads only those files. Map outlines: Natural Earth (public domain), via world-atlas. Chart and map drawn with d3 (ISC licence) when the release was built.</p></footer>`,
    `<script type="application/json" id="statements-data">${scriptJson(table)}</script>`,
    `<script>${CLIENT_JS}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(r: Release, title: string, version: string): string {
  return [
    '<header class="site">',
    `<p class="note">Dataset${version ? ` · version ${esc(version)}` : ''}${r.datapackage.created ? ` · released ${esc(r.datapackage.created.slice(0, 10))}` : ''}</p>`,
    `<h1>${esc(title)}</h1>`,
    '<nav class="toc" aria-label="Sections"><ul>',
    ...[
      ['overview', 'Overview'],
      ['timeline', 'Timeline'],
      ['map', 'Map'],
      ['statements', 'Statements'],
      ['downloads', 'Downloads'],
      ['dictionary', 'Columns'],
      ['sources', 'Sources and licence'],
    ].map(([id, label]) => `<li><a href="#${id}">${label}</a></li>`),
    '</ul></nav>',
    '</header>',
  ].join('\n');
}

function citation(r: Release, title: string, version: string): { text: string; bibtex: string } {
  const dp = r.datapackage;
  const year = dp.created?.slice(0, 4) ?? '';
  const who = dp.contributors?.find((c) => !c.roles || c.roles.includes('creator'))?.title ?? 'homs-timeline contributors';
  const where = dp.id ?? '';
  const text = `${who} (${year}). ${title} (Version ${version}) [Data set]. ${where}`.trim();
  const key = `${(dp.name ?? 'dataset').replace(/[^A-Za-z0-9]+/g, '_')}_${version.replace(/\./g, '_')}`;
  const bibtex = [
    `@misc{${key},`,
    `  author  = {{${who}}},`,
    `  title   = {${title}},`,
    `  year    = {${year}},`,
    `  version = {${version}},`,
    ...(where ? [`  url     = {${where}},`] : []),
    `  note    = {Licence: ${dp.licenses?.[0]?.name ?? 'see datapackage.json'}}`,
    '}',
  ].join('\n');
  return { text, bibtex };
}

function overview(r: Release, title: string, version: string): string {
  const dp = r.datapackage;
  const licence = dp.licenses?.[0];
  const cite = citation(r, title, version);
  const coverage = temporalCoverage(r);
  const fact = (k: string, v: string) => `<div><dt>${k}</dt><dd>${v}</dd></div>`;
  return [
    '<section aria-labelledby="overview">',
    '<h2 id="overview">Overview</h2>',
    `<p class="lede">${esc(dp.description ?? '')}</p>`,
    '<dl class="facts">',
    fact('Version', esc(version || 'unversioned')),
    fact('Released', esc(dp.created?.slice(0, 10) ?? 'not stated')),
    fact('Licence', licence ? (licence.path ? `<a href="${esc(licence.path)}" rel="license">${esc(licence.name ?? licence.path)}</a>` : esc(licence.name ?? '')) : 'see datapackage.json'),
    fact('Statements', String(r.statements.length)),
    fact('Documents', String(r.documents.length)),
    fact('Places · actors', `${r.places.length} · ${r.actors.length}`),
    fact('Dates covered', coverage ? esc(coverage.replace('/', ' to ')) : 'none'),
    '</dl>',
    '<h3 id="cite">How to cite</h3>',
    `<p>${esc(cite.text)}</p>`,
    `<details><summary>BibTeX</summary><pre>${esc(cite.bibtex)}</pre></details>`,
    '<p>Quote the version: releases are immutable, and statement, place and actor ids are stable across them. Each statement points back to the characters it came from (<code>document_id</code>, <code>char_start</code>, <code>char_end</code>, in code points).</p>',
    '</section>',
  ].join('\n');
}

function legendSwatch(i: number): string {
  return `<svg viewBox="0 0 24 14" aria-hidden="true" focusable="false"><rect width="24" height="14" fill="url(#lg-${i})"/></svg>`;
}

function timelineSection(t: Timeline, phases: PhaseFile): string {
  const charted = t.bars.reduce((n, b) => n + b.total, 0);
  const legend =
    `<svg class="defs-only" aria-hidden="true" focusable="false"><defs>${patternDefs(t.categories, 'lg')}</defs></svg>` +
    '<ul class="legend" aria-label="Legend">' +
    t.categories.map((c, i) => `<li>${legendSwatch(i)}<span>${esc(c.label)}</span></li>`).join('') +
    '</ul>';
  const dataTable = [
    '<details><summary>The chart as a table</summary><div class="table-scroll"><table class="chart-data">',
    `<caption class="note">Statements per month by the side of the actors they name</caption>`,
    `<thead><tr><th scope="col">Month</th><th scope="col">All</th>${t.categories.map((c) => `<th scope="col">${esc(c.label)}</th>`).join('')}</tr></thead><tbody>`,
    ...t.bars.map((b) => `<tr><th scope="row">${esc(monthLabel(b.month))}</th><td>${b.total}</td>${t.categories.map((c) => `<td>${b.counts[c.key] ?? 0}</td>`).join('')}</tr>`),
    '</tbody></table></div></details>',
  ].join('');
  return [
    '<section aria-labelledby="timeline">',
    '<h2 id="timeline">Timeline</h2>',
    `<p id="timeline-title">Statements per month (${charted} statements in ${t.bars.length} months), stacked by the side of the actors each statement names. Shaded bands are the phases of the siege, numbered as in the list below. Select a bar to list that month's statements.</p>`,
    legend,
    `<div class="figure-scroll">${t.bars.length || phases.phases.length ? t.svg : '<p>No dated statements.</p>'}</div>`,
    t.uncharted ? `<p class="note">${t.uncharted} statement${t.uncharted === 1 ? ' has' : 's have'} a date spanning more than one month (a year, a season, a long interval) and ${t.uncharted === 1 ? 'is' : 'are'} not drawn on a month; ${t.uncharted === 1 ? 'it is' : 'they are'} in the table.</p>` : '',
    dataTable,
    '<h3 id="phases">Phases of the siege</h3>',
    '<ol class="phases">',
    ...phases.phases.map((p) => `<li><strong>${esc(p.label)}</strong>, ${esc(p.start)} to ${esc(p.end)}${p.heading ? `. <span class="note">Source: section “${esc(p.heading)}”${p.evidence ? `: “${esc(p.evidence)}”` : ''}</span>` : ''}</li>`),
    '</ol>',
    `<p class="note">${esc(phases.description)} Source: <a href="${esc(phases.source.url)}">${esc(phases.source.attribution)}</a>.</p>`,
    '</section>',
  ].join('\n');
}

function mapSection(m: PlacesMap): string {
  const located = m.places.filter((p) => p.lat !== null);
  const row = (p: MapPlace) =>
    `<tr><th scope="row"><a class="place-link" href="#statements" data-name="${esc(p.name)}">${esc(p.name)}</a></th><td>${p.count}</td><td>${esc(p.type)}</td><td>${esc(p.precision)}${p.area ? ' (area)' : ''}</td><td>${p.lat ?? ''}</td><td>${p.lon ?? ''}</td></tr>`;
  const all = [...m.places].sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return [
    '<section aria-labelledby="map">',
    '<h2 id="map">Map</h2>',
    `<p id="map-title">The ${located.length} places with coordinates that the statements name. Symbol area is proportional to the number of statements naming the place (direct mentions only). Select a place to list its statements.</p>`,
    '<ul class="legend" aria-label="Map legend">',
    '<li><svg class="round" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="8" fill="rgba(0,114,178,.28)" stroke="#0072B2" stroke-width="1.4" stroke-dasharray="4 2"/></svg><span>dashed translucent area: a neighbourhood, city or region (centre approximate)</span></li>',
    '<li><svg class="round" viewBox="0 0 20 20" aria-hidden="true" focusable="false"><circle cx="10" cy="10" r="8" fill="#D55E00" fill-opacity=".85" stroke="#fff"/><circle cx="10" cy="10" r="1.8" fill="#fff" stroke="#000" stroke-width=".8"/></svg><span>solid marker with a centre dot: a point location (a building, a site)</span></li>',
    '</ul>',
    m.svg ? `<div class="figure-scroll">${m.svg}</div>` : '<p>No statement in this release names a place that has coordinates: nothing to map.</p>',
    m.unplaced.length ? `<p class="note">Not on the map (no coordinates): ${m.unplaced.map((p) => `${esc(p.name)} (${p.count})`).join(', ')}.</p>` : '',
    `<details><summary>All ${all.length} places named, as a table</summary><div class="table-scroll"><table><thead><tr><th scope="col">Place</th><th scope="col">Statements</th><th scope="col">Type</th><th scope="col">Precision</th><th scope="col">Latitude</th><th scope="col">Longitude</th></tr></thead><tbody>${all.map(row).join('')}</tbody></table></div></details>`,
    '</section>',
  ].join('\n');
}

function statementsSection(t: Timeline, embedded: number, total: number): string {
  const sampled = embedded < total;
  const col = (key: string, label: string) => `<th scope="col" data-sort="${key}" aria-sort="${key === 'date' ? 'ascending' : 'none'}"><button type="button">${label}</button></th>`;
  return [
    '<section aria-labelledby="statements">',
    '<h2 id="statements" tabindex="-1">Statements</h2>',
    `<p>${sampled ? `A sample of the dated statements (see the note below)` : 'Every dated statement'}. The highlighted words are the date expression the date was read from; the date is shown at the precision the text gives, with its EDTF value. Search matches the sentence, spelling variants of place and actor names (Khaldieh finds Khalidiya), the document and the ids.</p>`,
    sampled ? `<p class="note" id="table-sample"><strong>This page embeds ${embedded} of the ${total} statements</strong>, evenly spaced in date order, so that it stays small enough to open anywhere; search, sort and the month filter work on those ${embedded}. The chart, the map and the counts above include all ${total}. Every statement is in <a href="statements.csv">statements.csv</a> (and in the JSON-LD graph).</p>` : '',
    '<form class="controls" role="search" aria-label="Filter statements">',
    '<label for="q">Search statements<input id="q" type="search" autocomplete="off" spellcheck="false" placeholder="e.g. Baba Amr, SOHR, 2012-02"></label>',
    `<label for="month">Month<select id="month"><option value="">All months</option>${t.bars.map((b) => `<option value="${b.month}">${esc(monthLabel(b.month))} (${b.total})</option>`).join('')}</select></label>`,
    '<label for="sort">Sort by<select id="sort"><option value="date:1">date, earliest first</option><option value="date:-1">date, latest first</option><option value="killed:-1">killed, most first</option><option value="document:1">document</option><option value="places:1">places</option><option value="text:1">statement text</option></select></label>',
    '<button type="button" id="reset" hidden>Clear filters</button>',
    '</form>',
    `<p id="table-status" role="status" aria-live="polite">${sampled ? `${embedded} of ${total}` : total} statements. The table needs JavaScript; without it, download statements.csv below.</p>`,
    '<div class="table-scroll"><table class="statements" id="statements-table">',
    '<caption class="note">Statements; select a column heading to sort by it, again to reverse.</caption>',
    `<thead><tr>${col('date', 'Date')}${col('text', 'Statement')}${col('places', 'Places')}${col('actors', 'Actors')}${col('sources', 'Claimed by')}${col('document', 'Document')}${col('killed', 'Killed')}</tr></thead>`,
    '<tbody></tbody></table></div>',
    '<button type="button" class="more" id="more" hidden>Show more</button>',
    '</section>',
  ].join('\n');
}

function downloadsSection(r: Release): string {
  const described = new Map<string, string>();
  for (const res of r.datapackage.resources ?? []) if (typeof res.path === 'string') described.set(res.path, String(res.title ?? res.description ?? ''));
  const row = (f: { path: string; bytes: number; sha256: string }) =>
    `<tr><th scope="row"><a href="${esc(f.path)}">${esc(f.path)}</a>${described.get(f.path) ? `<small>${esc(described.get(f.path) as string)}</small>` : ''}</th><td><span title="${f.bytes} bytes">${humanSize(f.bytes)}</span></td><td><code>${f.sha256}</code></td></tr>`;
  return [
    '<section aria-labelledby="downloads">',
    '<h2 id="downloads">Downloads and checksums</h2>',
    '<p>CSV files are RFC 4180, UTF-8, with a header row; an empty cell means null. The <code>excel/</code> copies carry a byte-order mark and have formula-like cells escaped for spreadsheets; use the canonical files for analysis. Verify a download with <code>sha256sum -c SHA256SUMS</code>.</p>',
    '<div class="table-scroll"><table class="files">',
    '<thead><tr><th scope="col">File</th><th scope="col">Size</th><th scope="col">SHA-256</th></tr></thead><tbody>',
    ...r.downloads.map(row),
    '<tr><th scope="row"><a href="SHA256SUMS">SHA256SUMS</a><small>Checksums of every file of the release, this page included</small></th><td></td><td></td></tr>',
    '</tbody></table></div>',
    '</section>',
  ].join('\n');
}

function typeOf(f: TableField): string {
  if (f.type === 'list') return `list of ${f.itemType ?? 'string'} (“${f.delimiter ?? ';'}”-separated)`;
  return f.type;
}

function dictionarySection(r: Release): string {
  const table = (t: Release['tables'][number], open: boolean) => {
    const rows = t.fields.map((f) => {
      const req = f.constraints?.required === true ? '<span class="req">required</span>' : '';
      const key = t.primaryKey.includes(f.name) ? '<span class="req">key</span>' : '';
      const cats = Array.isArray(f.categories) ? f.categories.map((c) => `<code>${esc(typeof c === 'object' && c !== null && 'value' in c ? String((c as { value: unknown }).value) : String(c))}</code>`).join(' ') : '';
      return `<tr><td><code>${esc(f.name)}</code>${key}${req}</td><td>${esc(typeOf(f))}</td><td>${esc(f.description ?? '')}${cats ? `<small>Values: ${cats}</small>` : ''}</td><td>${f.example !== undefined ? `<code>${esc(String(f.example))}</code>` : ''}</td></tr>`;
    });
    return `<details${open ? ' open' : ''}><summary><code>${esc(t.path)}</code>: ${esc(t.title ?? t.name)} (${t.fields.length} columns)</summary>${t.description ? `<p>${esc(t.description)}</p>` : ''}<div class="table-scroll"><table class="dict"><thead><tr><th scope="col">Column</th><th scope="col">Type</th><th scope="col">Meaning</th><th scope="col">Example</th></tr></thead><tbody>${rows.join('')}</tbody></table></div></details>`;
  };
  return [
    '<section aria-labelledby="dictionary">',
    '<h2 id="dictionary">Column dictionary</h2>',
    '<p>From the Table Schemas in <a href="datapackage.json">datapackage.json</a> (Frictionless Data Package), in column order.</p>',
    ...r.tables.map((t) => table(t, t.name === 'statements')),
    '</section>',
  ].join('\n');
}

function sourcesSection(r: Release, phases: PhaseFile): string {
  const dp = r.datapackage;
  const licence = dp.licenses?.[0];
  const docs = [...r.documents].sort((a, b) => ((a.document_id ?? '') < (b.document_id ?? '') ? -1 : 1));
  const attribution = new Map((dp.sources ?? []).map((s) => [s.path ?? s.title ?? '', s.attribution ?? '']));
  return [
    '<section aria-labelledby="sources">',
    '<h2 id="sources">Sources and licence</h2>',
    licence ? `<p>The dataset is licensed under <a href="${esc(licence.path ?? '')}" rel="license">${esc(licence.title ?? licence.name ?? '')}</a>. Statements quote the source documents verbatim; each document keeps its own licence and attribution:</p>` : '',
    '<ul>',
    ...docs.map((d) => {
      const name = d.title || d.document_id || '';
      const link = d.url ? `<a href="${esc(d.url)}">${esc(name)}</a>` : esc(name);
      const att = attribution.get(d.url ?? '') || d.attribution || '';
      return `<li>${link}${d.publisher ? `, ${esc(d.publisher)}` : ''}${d.published ? `, ${esc(d.published)}` : ''}${d.licence ? ` — licence <code>${esc(d.licence)}</code>` : ''}${att ? `. ${esc(att)}` : ''} <span class="note">(<code>${esc(d.document_id ?? '')}</code>)</span></li>`;
    }),
    '</ul>',
    `<p class="note">Siege phases: ${esc(phases.source.attribution)}.</p>`,
    '</section>',
  ].join('\n');
}
