// The dataset card (README.md of a release), generated from the table declarations, the documents
// and the figures of the release, so it never drifts from the data.
import type { Row, TableSpec } from './model.ts';
import { DATASET_LICENCE } from './datapackage.ts';

export interface CardInput {
  version: string;
  date: string;
  tables: readonly TableSpec[];
  /** Rows per table. */
  counts: Record<string, number>;
  documents: readonly Row[];
  formulaCells: number;
  quality: unknown;
  temporalCoverage?: string;
}

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function qualityLines(q: unknown): string[] {
  if (!q || typeof q !== 'object' || (q as { measured?: boolean }).measured === false) return ['Not measured for this release (see `quality.json`).'];
  const lines = ['Measured on the project\'s gold annotations (see `quality.json` for every figure and how it was measured):', ''];
  for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
    if (typeof v === 'number') lines.push(`- ${k}: ${Number.isInteger(v) ? v : `${(v * 100).toFixed(1)}%`}`);
  }
  return lines;
}

export function renderCard(c: CardInput): string {
  const docs = c.documents;
  const n = (t: string) => c.counts[t] ?? 0;
  const L: string[] = [];
  L.push(`# Siege of Homs (2011-2014): dated statements, v${c.version}`, '');
  L.push(
    `Released ${c.date}. ${n('statements')} dated statements from ${n('documents')} pinned public documents, ${n('places')} places and ${n('actors')} actors.`,
    '',
    'Each row of `statements.csv` is one sentence of a source document that says something happened at a time: the time normalised to inclusive start and end dates (with its EDTF form, precision, qualifier and the rule that resolved it), the places and actors it names linked to a gazetteer (with coordinates, Wikidata and GeoNames identifiers where a cited public source gives them), who the claim is attributed to, the casualties it reports, and the exact characters of the raw document it came from. Conflicting claims are kept as separate attributed statements, never merged.',
    '',
  );
  L.push('## Files', '');
  L.push('| file | what |', '| --- | --- |');
  for (const t of c.tables) L.push(`| \`${t.name}.csv\` | ${esc(t.description)} (${n(t.name)} rows) |`);
  L.push(
    '| `excel/*.csv` | The same tables for spreadsheets: UTF-8 with a BOM, and text cells that would start a formula (`= + - @`, tab, CR) prefixed with `\'`. Use the canonical files for analysis. |',
    '| `datapackage.json` | Frictionless Data Package v2: a Table Schema per table (types, descriptions, keys, categories), bytes and sha256 per file, licences, sources. |',
    '| `context.jsonld`, `graph.jsonld` | The JSON-LD 1.1 context and graph: statements as schema.org Events with PROV-O provenance and W3C Web Annotation text selectors. |',
    '| `graph.nq` | The same graph as canonical N-Quads (sorted; no blank nodes). |',
    '| `CHANGELOG.md`, `diff.json` | Changes against the previous release, keyed by id. |',
    '| `quality.json` | Accuracy measured on the gold annotations. |',
    '| `SHA256SUMS` | sha256 of every other file (`sha256sum -c SHA256SUMS`). |',
    '',
  );
  L.push('## Reading the tables', '');
  L.push(
    'The CSVs are RFC 4180 (comma, double quotes, CRLF records), UTF-8 without BOM, Unicode NFC, with a header row and a fixed column order. An empty cell means null and nothing else. List columns (`place_ids`, `actor_ids`, `source_ids`, `claim_kinds`, `alt_names`) hold `;`-separated items; the link tables `statement_places.csv`, `statement_actors.csv` and `statement_sources.csv` hold the same links one per row for joins.',
    '',
    '```python',
    'import pandas as pd',
    "s = pd.read_csv('statements.csv', parse_dates=['date_start', 'date_end'])",
    "places = s['place_ids'].str.split(';')",
    '```',
    '',
    '```sql',
    "SELECT * FROM read_csv_auto('statements.csv');  -- DuckDB",
    '```',
    '',
    'Integer columns with nulls (`killed_low`, `date_char_start`...) are read by pandas as floats; use `dtype={"killed_low": "Int64"}` to keep integers. Character offsets are Unicode code points from 0 into the raw file, end exclusive: in Python, `raw[char_start:char_end] == text`.',
    '',
  );
  if (c.formulaCells > 0) L.push(`Note: ${c.formulaCells} text cell(s) of the canonical tables begin with a character a spreadsheet treats as a formula; open the \`excel/\` copies in a spreadsheet, not the canonical files.`, '');
  L.push('## Dates', '');
  L.push(
    '- `date_start` and `date_end` are inclusive ISO dates: a day has start = end; a month runs from its first to its last day; a year from 1 January to 31 December.',
    '- Parts of a month: early = days 1-10, mid = 11-20, late = 21 to the end of the month.',
    '- Seasons are meteorological: spring = March-May, summer = June-August, autumn = September-November, winter = December-February (the winter of 2013 = 1 December 2013 to 28 February 2014). A season the text gives no year for is the one the narrative has reached: after an autumn, the coming winter and the spring after it.',
    '- `date_precision` is the granularity written (day, month, year, part-of-month, season, interval, time); `date_qualifier` how the event relates to it (`By 10 May` = by: it happened on or before that day, and start/end cover the date named).',
    '- `year_basis` tells where the year came from: written, inherited from the narrative, from a section heading, or from the document\'s own date. `date_resolved_from` gives the reference used for relative dates ("the next day", "on Wednesday").',
    '- `date_edtf` is the ISO 8601-2 (EDTF 2019) form: `2013-10~` approximate, `2012-02-04/2012-03-01` an interval. Approximate dates do not widen `date_start`/`date_end`.',
    '- `acled_time_precision` and `ucdp_date_prec` map the precision to the ACLED and UCDP GED codes for joining with those datasets.',
    '',
  );
  L.push('## Columns', '');
  for (const t of c.tables) {
    L.push(`### ${t.name}.csv`, '', esc(t.description), '', `Primary key: ${t.primaryKey.map((k) => `\`${k}\``).join(' + ')}.`, '');
    L.push('| column | type | meaning | example |', '| --- | --- | --- | --- |');
    for (const f of t.fields) {
      const type = f.type === 'list' ? `list (\`${f.delimiter}\`)` : f.type;
      const cats = f.categories ? ` One of: ${f.categories.join(', ')}.` : '';
      L.push(`| \`${f.name}\` | ${type}${f.required ? ', required' : ''} | ${esc(f.description)}${cats} | \`${esc(f.example)}\` |`);
    }
    L.push('');
  }
  L.push('## Quality', '', ...qualityLines(c.quality), '');
  L.push(
    '## Known limitations',
    '',
    '- Statements are extracted by rules, not checked by hand: dates, places, actors and casualty figures can be wrong; `quality.json` gives the measured accuracy.',
    '- One date per sentence: a sentence with several events is dated by its main one.',
    '- Only the documents listed below are covered; the dataset is not a complete record of the siege, and counts of statements are not counts of events (the same event can be told by several sentences and documents).',
    '- Casualty figures are the claims of the sources, as written.',
    '- Statement ids change when the sentence text changes; withdrawn ids are listed in `withdrawn_ids.csv` with their successor where there is one.',
    '- Coordinates and external identifiers are given only where a cited public source states them (`coordinates_source`, `wikidata_source`); many places have none yet, and an area never gets a point it does not have.',
    '- A place the gazetteer does not hold is kept where the words around it say a place is meant (`the village of ...`, `... District`, `in ..., <country>`): its id starts `unlisted-`, its row in `places.csv` has the name as first written, type `locality`, geo_precision `unknown` and no coordinates or identifiers. Such places are not checked; filter them out with `place_id.startswith(\'unlisted-\')` where only gazetteer places will do.',
    '- For HTML documents, `text` is the visible text of the sentence, while `char_start`/`char_end` span the raw HTML it came from (markup included).',
    '',
  );
  L.push('## Licence and attribution', '');
  L.push(
    `The dataset is licensed under ${DATASET_LICENCE.title} (${DATASET_LICENCE.name}, ${DATASET_LICENCE.path}). It contains sentences quoted from the sources below, which keep their own licences; reuse must credit them:`,
    '',
  );
  for (const d of docs) {
    const licence = d.licence ? `${d.licence}${d.licence_url ? ` (${d.licence_url})` : ''}` : 'licence not recorded';
    L.push(`- **${esc(String(d.title ?? d.document_id))}**${d.publisher ? `, ${esc(String(d.publisher))}` : ''}${d.url ? `, <${d.url}>` : ''}. Licence: ${licence}. Attribution: ${esc(String(d.attribution ?? d.publisher ?? d.document_id))}. Retrieved ${d.retrieved ?? 'unknown'}.`);
  }
  const restricted = docs.filter((d) => d.licence && !/^CC-BY(-SA)?-[34]\.0$/u.test(String(d.licence)));
  if (restricted.length) L.push('', `Sentences from ${restricted.map((d) => `\`${d.document_id}\``).join(', ')} are quoted for research under fair dealing and are not covered by the dataset's CC BY-SA licence.`);
  L.push('');
  L.push('## How to cite', '');
  L.push(`homs-timeline contributors (${c.date.slice(0, 4)}). *Siege of Homs (2011-2014): dated statements from pinned public text*, version ${c.version} [data set]. https://w3id.org/homs-timeline/dataset/${c.version}`, '');
  if (c.temporalCoverage) L.push(`Temporal coverage of the statements: ${c.temporalCoverage}.`, '');
  return L.join('\n');
}
