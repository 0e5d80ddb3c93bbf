// publish: records -> the files of one immutable release. Pure: no I/O, no clock; the same input
// gives the same bytes on any machine, time zone and locale.
import { createHash } from 'node:crypto';
import { message } from '../diagnostics.ts';
import type { ActorRecord, Document, Message, PlaceRecord, SourceEntry, Statement } from '../types.ts';
import { landingPage } from '../landing/index.ts';
import type { CsvRow } from '../landing/release.ts';
import { renderCard } from './card.ts';
import { renderChangelog } from './changelog.ts';
import { countFormulaCells, csvCells, formatCell, toCsvBytes } from './csv.ts';
import { buildDatapackage, tableSchema, type FileFacts } from './datapackage.ts';
import { compareVersions, diffRelease, nextVersion, readPrevious, type Bump } from './diff.ts';
import { buildContext, buildGraph, serializeGraph, toNQuads } from './jsonld.ts';
import { TABLES, type Row, type TableSpec } from './model.ts';
import { buildRows, CodePointIndex, prepareStatements, type ReleaseDocument } from './rows.ts';
import { checkTables } from './tablecheck.ts';
import { withdrawnRows } from './withdrawn.ts';

export interface ReleaseInput {
  /** semver without 'v' (`1.0.0`), or 'auto' for the bump the diff against `previous` requires. */
  version: string;
  statements: Statement[];
  documents: Array<{ entry: SourceEntry; kind: Document['kind']; title?: string; published?: string; text: string }>;
  places: PlaceRecord[];
  actors: ActorRecord[];
  quality?: unknown;
  previous?: { version: string; files: Map<string, Uint8Array> };
  report?: unknown;
}

export interface ReleaseOutput {
  files: Map<string, Uint8Array>;
  messages: Message[];
  version: string;
  /** Release date (ISO), taken from the inputs: the latest `retrieved` date of the documents. */
  date: string;
  bump: Bump;
}

const STAGE = 'publish';
const SEMVER = /^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$/;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

const NON_ASCII = /[^\u0000-\u007F]/;

/** Every string cell and list item in NFC; reports statements whose text NFC changed. */
function normaliseRows(rows: Record<string, Row[]>, messages: Message[]): void {
  for (const [table, list] of Object.entries(rows)) {
    for (const r of list) {
      for (const [k, v] of Object.entries(r)) {
        if (typeof v === 'string') {
          if (!NON_ASCII.test(v)) continue; // ASCII is always NFC: skip the ICU call for most cells
          const n = v.normalize('NFC');
          if (n !== v) {
            r[k] = n;
            if (table === 'statements' && k === 'text')
              messages.push(message({ reason: `Unexpected non-NFC text in statement ${String(r.statement_id)}, expected NFC; published in NFC, offsets still index the raw file`, ruleId: 'publish-nfc', stage: STAGE, file: String(r.document_id), severity: 'warning' }));
          }
        } else if (Array.isArray(v)) r[k] = v.map((x) => x.normalize('NFC'));
      }
    }
  }
}

/** The release date: never the clock; the latest retrieval (or publication) date of the inputs. */
export function releaseDate(documents: ReleaseInput['documents']): string {
  const dates = documents.flatMap((d) => [d.entry.retrieved, (d.published ?? d.entry.published)?.slice(0, 10)]).filter((x): x is string => !!x && /^\d{4}-\d{2}-\d{2}$/.test(x));
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : '1970-01-01';
}

export function buildRelease(input: ReleaseInput): ReleaseOutput {
  const messages: Message[] = [];
  const docs = new Map<string, ReleaseDocument>(input.documents.map((d) => [d.entry.id, d]));
  const indexes = new Map([...docs].map(([id, d]) => [id, new CodePointIndex(d.text)]));
  const prepared = prepareStatements(input.statements, docs, indexes);
  const built = buildRows(prepared, input.documents, input.places, input.actors, indexes);
  messages.push(...built.messages);
  const rows: Record<string, Row[]> = { ...built.rows, withdrawn_ids: [] };
  normaliseRows(rows, messages);

  // version: from the diff against the previous release
  const previous = input.previous ? readPrevious(input.previous.version, input.previous.files) : undefined;
  const mainTables = TABLES.filter((t) => t.name !== 'withdrawn_ids');
  const probe = diffRelease(mainTables, rows, previous, input.version, TABLES);
  const required = previous ? nextVersion(previous.version, probe.bump) : '1.0.0';
  let version = input.version === 'auto' ? required : input.version;
  if (previous && input.previous && version === previous.version) {
    // nothing in the data or schemas changed: the release is the previous one, byte for byte.
    // (A change of descriptive metadata alone needs an explicit patch version.)
    if (probe.bump === 'none')
      return { files: input.previous.files, messages: [...messages, message({ reason: `No data or schema change since ${previous.version}: nothing new to release`, ruleId: 'publish-unchanged', stage: STAGE, file: 'datapackage.json', severity: 'info' })], version, date: releaseDate(input.documents), bump: 'none' };
    messages.push(message({ reason: `Unexpected version ${version}, expected a version after the previous release ${previous.version}`, ruleId: 'publish-version', stage: STAGE, file: 'datapackage.json' }));
  }
  if (!SEMVER.test(version)) {
    messages.push(message({ reason: `Unexpected version \`${version}\`, expected MAJOR.MINOR.PATCH`, ruleId: 'publish-version', stage: STAGE, file: 'datapackage.json' }));
    version = required;
  } else if (previous && compareVersions(version, required) < 0) {
    messages.push(
      message({ reason: `Unexpected version ${version}, expected at least ${required}: the changes since ${previous.version} are ${probe.bump} (${probe.reasons.slice(0, 3).join('; ')})`, ruleId: 'publish-version', stage: STAGE, file: 'datapackage.json', actual: version, expected: required }),
    );
  }
  rows.withdrawn_ids = withdrawnRows(version, probe.tables, previous, rows);
  const diff = diffRelease(TABLES, rows, previous, version);
  diff.bump = probe.bump; // withdrawn_ids only mirrors the other tables' removals
  diff.reasons = probe.reasons;

  const date = releaseDate(input.documents);
  const created = `${date}T00:00:00Z`;
  const starts = rows.statements!.map((r) => r.date_start as string).filter(Boolean).sort();
  const ends = rows.statements!.map((r) => r.date_end as string).filter(Boolean).sort();
  const temporalCoverage = starts.length ? `${starts[0]}/${ends[ends.length - 1]}` : undefined;

  // Every file goes to bytes as soon as it is made (a big one in chunks, never as one string),
  // and is hashed once: datapackage.json, the landing page and SHA256SUMS share the hashes.
  const files = new Map<string, Uint8Array>();
  const facts = new Map<string, FileFacts>();
  const putBytes = (path: string, b: Uint8Array) => {
    files.set(path, b);
    facts.set(path, { bytes: b.byteLength, sha256: sha256(b) });
  };
  const put = (path: string, s: string) => putBytes(path, Buffer.from(s, 'utf8'));
  for (const t of TABLES) {
    putBytes(`${t.name}.csv`, toCsvBytes(t, rows[t.name] ?? []));
    putBytes(`excel/${t.name}.csv`, toCsvBytes(t, rows[t.name] ?? [], { excel: true }));
  }

  // The data checked as a user reads it back: the canonical cells (what csv-parse returns for
  // these files, as test/publish/csv.test.ts round-trips) against the published Table Schema.
  const violations = checkTables(TABLES.map((t) => ({ name: t.name, schema: tableSchemaOf(t), cells: csvCells(t, rows[t.name] ?? []) })));
  for (const v of violations.slice(0, 200))
    messages.push(message({ reason: `Unexpected ${v.rule} violation in ${v.resource}.csv${v.row ? ` row ${v.row}` : ''}${v.field ? ` column ${v.field}` : ''}: ${v.detail}`, ruleId: 'publish-table-schema', stage: STAGE, file: `${v.resource}.csv` }));
  if (violations.length > 200) messages.push(message({ reason: `${violations.length - 200} more Table Schema violations`, ruleId: 'publish-table-schema', stage: STAGE, file: 'datapackage.json' }));

  const utf16Spans = new Map(prepared.map((p) => [p.id, p.statement.span]));
  const graph = buildGraph({
    version,
    ...(previous ? { previousVersion: previous.version } : {}),
    created,
    rows: { statements: rows.statements!, documents: rows.documents!, places: rows.places!, actors: rows.actors!, statement_actors: rows.statement_actors!, statement_sources: rows.statement_sources! },
    documents: docs,
    utf16Spans,
  });
  put('context.jsonld', json(buildContext()));
  putBytes('graph.jsonld', serializeGraph(graph));
  putBytes('graph.nq', toNQuads(graph));

  const withdrawnNow = rows.withdrawn_ids.filter((w) => w.withdrawn_in === version);
  const diffOut = { ...diff, tables: Object.fromEntries(Object.entries(diff.tables).map(([k, d]) => [k, { added: d.added.map(splitKey), removed: d.removed.map(splitKey), changed: d.changed.map((c) => ({ id: splitKey(c.id), fields: c.fields })) }])) };
  put('diff.json', json(diffOut));
  put('CHANGELOG.md', renderChangelog(diff, date, withdrawnNow, previous?.changelog));
  const quality = input.quality ?? { measured: false, note: 'no accuracy figures were supplied to this build' };
  put('quality.json', json(quality));
  if (input.report !== undefined) put('build-report.json', json(input.report));
  const formulaCells = TABLES.reduce((n, t) => n + countFormulaCells(t, rows[t.name] ?? []), 0);
  put('README.md', renderCard({ version, date, tables: TABLES, rows, formulaCells, quality, ...(temporalCoverage ? { temporalCoverage } : {}) }));

  const dp = buildDatapackage({
    version,
    created,
    tables: TABLES,
    files: new Map(facts),
    documents: input.documents,
    ...(temporalCoverage ? { temporalCoverage } : {}),
    extraResources: [
      { name: 'graph', path: 'graph.jsonld', format: 'jsonld', mediatype: 'application/ld+json', description: 'The JSON-LD graph (context: context.jsonld).' },
      { name: 'graph-nquads', path: 'graph.nq', format: 'nq', mediatype: 'application/n-quads', description: 'The graph as canonical N-Quads.' },
    ],
  });
  put('datapackage.json', json(dp));
  // The landing page is drawn from the release's own files, and is itself covered by SHA256SUMS.
  // The tables it shows are handed over as the cells a reader parses from those files (the same
  // strings), and the hashes as computed above: parsing and hashing 100 MB again is the cost
  // that does not scale.
  const csvRows = (t: TableSpec): CsvRow[] => (rows[t.name] ?? []).map((r) => {
    const o: CsvRow = {};
    for (const f of t.fields) o[f.name] = formatCell(f, r[f.name] ?? null);
    return o;
  });
  const table = (name: string) => TABLES.find((t) => t.name === name) as TableSpec;
  put('index.html', landingPage({ files, facts, tables: { statements: csvRows(table('statements')), places: csvRows(table('places')), actors: csvRows(table('actors')), documents: csvRows(table('documents')) } }));
  const sums = [...files.keys()].sort().map((p) => `${facts.get(p)!.sha256}  ${p}\n`).join('');
  put('SHA256SUMS', sums);
  const ordered = new Map([...files.keys()].sort().map((k) => [k, files.get(k)!]));
  return { files: ordered, messages, version, date, bump: probe.bump };
}

const splitKey = (k: string) => (k.includes('\u0000') ? k.split('\u0000') : k);

const tableSchemaOf = (t: TableSpec) => JSON.parse(JSON.stringify(tableSchema(t)));

export { deriveStatementId, normaliseSentence } from './rows.ts';
export { TABLES } from './model.ts';
