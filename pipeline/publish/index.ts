// publish: records -> the files of one immutable release. Pure: no I/O, no clock; the same input
// gives the same bytes on any machine, time zone and locale.
import { createHash } from 'node:crypto';
import { message } from '../diagnostics.ts';
import type { ActorRecord, Document, Message, PlaceRecord, SourceEntry, Statement } from '../types.ts';
import { landingPage } from '../landing/index.ts';
import type { CsvRow } from '../landing/release.ts';
import { renderCard } from './card.ts';
import { renderChangelog } from './changelog.ts';
import { countFormulaCells, CsvStream, formatCell } from './csv.ts';
import { buildDatapackage, tableSchema, type FileFacts } from './datapackage.ts';
import { compareVersions, diffRelease, nextVersion, readPrevious, RowDiffer, type Bump, type TableDiff } from './diff.ts';
import { buildContext, CONTEXT_URL, graphHead, STATEMENT_SUBJECT_SUFFIXES, statementGraphNodes, statementQuadGroups, statementRoles, writeNQuads } from './jsonld.ts';
import { STATEMENTS, TABLES, type FieldSpec, type Row, type TableSpec } from './model.ts';
import { CodePointIndex, entityRows, prepareStatements, statementRows, type PreparedStatement, type ReleaseDocument, type ReleaseDocumentMeta, type StatementRows } from './rows.ts';
import { folderSink, memorySink, type FileWriter, type ReleaseSink } from './sink.ts';
import { rmSync } from 'node:fs';
import { TableChecker } from './tablecheck.ts';
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
const STATEMENT_FIELDS = new Map(STATEMENTS.fields.map((f) => [f.name, f]));

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
export function releaseDate(documents: readonly ReleaseDocumentMeta[]): string {
  const dates = documents.flatMap((d) => [d.entry.retrieved, (d.published ?? d.entry.published)?.slice(0, 10)]).filter((x): x is string => !!x && /^\d{4}-\d{2}-\d{2}$/.test(x));
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : '1970-01-01';
}

/**
 * Where publish reads a release's documents from, one at a time, in `ids` order: the documents'
 * ids and any id a statement names without a document, sorted. Each is loaded once in the main
 * pass (and again only for the few statements the landing page embeds), so a build over 100,000s
 * of statements holds one document's records at a time.
 */
export interface ReleaseSource {
  documents: readonly ReleaseDocumentMeta[];
  ids: readonly string[];
  /** The document's decoded raw text (the string the statements' UTF-16 spans index) and its statements. */
  load(id: string): { text?: string; statements: Statement[] };
}

export type StreamingInput = Omit<ReleaseInput, 'statements' | 'documents' | 'quality'> & { source: ReleaseSource };

const cmpStr = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** A source over records in memory. */
export function memorySource(statements: readonly Statement[], documents: ReleaseInput['documents']): ReleaseSource {
  const byDoc = new Map<string, Statement[]>();
  for (const s of statements) {
    let list = byDoc.get(s.documentId);
    if (!list) byDoc.set(s.documentId, (list = []));
    list.push(s);
  }
  const texts = new Map(documents.map((d) => [d.entry.id, d.text]));
  const metas = documents.map(({ text: _text, ...meta }) => meta);
  const ids = [...new Set([...documents.map((d) => d.entry.id), ...byDoc.keys()])].sort(cmpStr);
  return { documents: metas, ids, load: (id) => ({ ...(texts.has(id) ? { text: texts.get(id) as string } : {}), statements: byDoc.get(id) ?? [] }) };
}

/** The tables written as the documents stream by; the rest are small and written after. */
const STREAMED = ['statements', 'statement_places', 'statement_actors', 'statement_sources'] as const;
type Streamed = (typeof STREAMED)[number];
const tableOf = (name: string) => TABLES.find((t) => t.name === name) as TableSpec;
/** The columns of a statement that the landing page's counts and order read (see buildTableData). */
const LIGHT_COLUMNS = ['statement_id', 'document_id', 'char_start', 'char_end', 'date_start', 'date_end', 'place_ids', 'actor_ids'];

interface PerDocument {
  doc: ReleaseDocument | undefined;
  index: CodePointIndex | undefined;
  prepared: PreparedStatement[];
  rows: StatementRows;
}

/** One document's rows, as every pass makes them (NFC included). */
function documentRows(source: ReleaseSource, id: string, meta: ReleaseDocumentMeta | undefined, placeIds: Set<string>, actorIds: Set<string>, rowMessages: Message[], nfcMessages: Message[]): PerDocument {
  const { text, statements } = source.load(id);
  const doc: ReleaseDocument | undefined = meta && text !== undefined ? { ...meta, text } : undefined;
  const index = doc ? new CodePointIndex(doc.text) : undefined;
  const docs = new Map<string, ReleaseDocument>(doc ? [[id, doc]] : []);
  const indexes = new Map<string, CodePointIndex>(doc && index ? [[id, index]] : []);
  const prepared = prepareStatements(statements, docs, indexes);
  const rows = statementRows(prepared, docs, placeIds, actorIds, indexes, rowMessages);
  normaliseRows(rows as unknown as Record<string, Row[]>, nfcMessages);
  return { doc, index, prepared, rows };
}

const cellsOf = (t: TableSpec, r: Row) => t.fields.map((f) => formatCell(f, r[f.name] ?? null));

/** What the main pass leaves for the files that depend on the measured quality (written last). */
export interface ReleaseBody {
  kind: 'body';
  version: string;
  date: string;
  created: string;
  bump: Bump;
  messages: Message[];
  facts: Map<string, FileFacts>;
  counts: Record<string, number>;
  formulaCells: number;
  temporalCoverage?: string;
  documents: readonly ReleaseDocumentMeta[];
  entity: { documents: Row[]; places: Row[]; actors: Row[] };
  light: CsvRow[];
  expand: (picked: CsvRow[]) => CsvRow[];
  report?: unknown;
}

export interface Unchanged {
  kind: 'unchanged';
  output: ReleaseOutput;
}

/**
 * Every file of the release but the last few (quality.json, build-report.json, README.md,
 * datapackage.json, index.html, SHA256SUMS: see finishRelease), in one pass over the documents.
 */
export function writeReleaseBody(input: StreamingInput, sink: ReleaseSink): ReleaseBody | Unchanged {
  const rowMessages: Message[] = [];
  const nfcMessages: Message[] = [];
  const source = input.source;
  const placeIds = new Set(input.places.map((p) => p.place_id));
  const actorIds = new Set(input.actors.map((a) => a.actor_id));
  const metaById = new Map(source.documents.map((d) => [d.entry.id, d]));
  const previous = input.previous ? readPrevious(input.previous.version, input.previous.files) : undefined;
  const facts = new Map<string, FileFacts>();

  const csv = new Map<string, { canonical: FileWriter; excel: FileWriter; c: CsvStream; x: CsvStream }>();
  const openCsv = (t: TableSpec) => {
    const canonical = sink.open(`${t.name}.csv`);
    const excel = sink.open(`excel/${t.name}.csv`);
    const w = { canonical, excel, c: new CsvStream(t, (s) => void canonical.write(s)), x: new CsvStream(t, (s) => void excel.write(s), { excel: true }) };
    csv.set(t.name, w);
    return w;
  };
  const closeCsv = (t: TableSpec) => {
    const w = csv.get(t.name)!;
    w.c.flush();
    w.x.flush();
    facts.set(`${t.name}.csv`, w.canonical.end());
    facts.set(`excel/${t.name}.csv`, w.excel.end());
  };
  // The data checked as a user reads it back: the canonical cells (what csv-parse returns for
  // these files, as test/publish/csv.test.ts round-trips) against the published Table Schema.
  const checker = new TableChecker(TABLES.map((t) => ({ name: t.name, schema: tableSchemaOf(t) })));
  for (const t of TABLES) checker.header(t.name, t.fields.map((f) => f.name));
  const differs = new Map(TABLES.filter((t) => t.name !== 'withdrawn_ids').map((t) => [t.name, new RowDiffer(t, previous?.tables.get(t.name))]));
  const counts: Record<string, number> = Object.fromEntries(TABLES.map((t) => [t.name, 0]));
  let formulaCells = 0;
  const emitRows = (t: TableSpec, rows: readonly Row[]) => {
    const w = csv.get(t.name) ?? openCsv(t);
    for (const r of rows) {
      w.c.add(r);
      w.x.add(r);
      checker.row(t.name, cellsOf(t, r));
      differs.get(t.name)?.add(r);
    }
    counts[t.name] = (counts[t.name] ?? 0) + rows.length;
    formulaCells += countFormulaCells(t, rows);
  };
  for (const name of STREAMED) openCsv(tableOf(name));

  // the main pass: one document at a time
  const light: CsvRow[] = [];
  const statementIds: string[] = [];
  const graphPart = sink.scratch();
  const nq = sink.scratch();
  const nqStart: number[] = [];
  const nqLength: number[] = [];
  let nqPos = 0;
  const docCounts = new Map<string, number>();
  const characters = new Map<string, number>();
  let minStart: string | undefined;
  let maxEnd: string | undefined;
  for (const id of source.ids) {
    const { doc, index, prepared, rows } = documentRows(source, id, metaById.get(id), placeIds, actorIds, rowMessages, nfcMessages);
    if (doc && index) characters.set(id, index.length);
    if (prepared.length) docCounts.set(id, (docCounts.get(id) ?? 0) + prepared.length);
    for (const name of STREAMED) emitRows(tableOf(name), rows[name as Streamed]);
    const roles = statementRoles(rows.statement_actors, rows.statement_sources);
    rows.statements.forEach((r, j) => {
      const sid = r.statement_id as string;
      const o: CsvRow = {};
      for (const k of LIGHT_COLUMNS) o[k] = formatCell(STATEMENT_FIELDS.get(k) as FieldSpec, r[k] ?? null);
      light.push(o);
      statementIds.push(sid);
      const ds = r.date_start as string | null;
      const de = r.date_end as string | null;
      if (ds && (minStart === undefined || ds < minStart)) minStart = ds;
      if (de && (maxEnd === undefined || de > maxEnd)) maxEnd = de;
      const nodes = statementGraphNodes(r, roles, doc?.text, (prepared[j] as PreparedStatement).statement.span);
      graphPart.write(`,\n${JSON.stringify(nodes[0])},\n${JSON.stringify(nodes[1])}`);
      nqStart.push(nqPos);
      for (const g of statementQuadGroups(sid, nodes)) {
        const n = nq.write(g);
        nqLength.push(n);
        nqPos += n;
      }
    });
  }
  for (const name of STREAMED) closeCsv(tableOf(name));
  graphPart.seal();
  nq.seal();

  const entity = entityRows(source.documents, input.places, input.actors, docCounts, characters);
  normaliseRows(entity as unknown as Record<string, Row[]>, nfcMessages);
  const messages: Message[] = [...rowMessages, ...nfcMessages];
  const known: Record<string, TableDiff> = {};
  for (const name of STREAMED) known[name] = differs.get(name)!.finish();
  const smallRows: Record<string, Row[]> = { documents: entity.documents, places: entity.places, actors: entity.actors, withdrawn_ids: [] };

  // version: from the diff against the previous release
  const mainTables = TABLES.filter((t) => t.name !== 'withdrawn_ids');
  const probe = diffRelease(mainTables, smallRows, previous, input.version, TABLES, known);
  const required = previous ? nextVersion(previous.version, probe.bump) : '1.0.0';
  let version = input.version === 'auto' ? required : input.version;
  const date = releaseDate(source.documents);
  if (previous && input.previous && version === previous.version) {
    // nothing in the data or schemas changed: the release is the previous one, byte for byte.
    // (A change of descriptive metadata alone needs an explicit patch version.)
    if (probe.bump === 'none') {
      graphPart.dispose();
      nq.dispose();
      return { kind: 'unchanged', output: { files: input.previous.files, messages: [...messages, message({ reason: `No data or schema change since ${previous.version}: nothing new to release`, ruleId: 'publish-unchanged', stage: STAGE, file: 'datapackage.json', severity: 'info' })], version, date, bump: 'none' } };
    }
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
  smallRows.withdrawn_ids = withdrawnRows(version, probe.tables, previous, { statements: light as unknown as Row[], ...entity });
  const diff = diffRelease(TABLES, smallRows, previous, version, TABLES, known);
  diff.bump = probe.bump; // withdrawn_ids only mirrors the other tables' removals
  diff.reasons = probe.reasons;

  for (const name of ['documents', 'places', 'actors', 'withdrawn_ids']) {
    const t = tableOf(name);
    emitRows(t, smallRows[name] as Row[]);
    closeCsv(t);
  }
  const violations = checker.finish();
  for (const v of violations.slice(0, 200))
    messages.push(message({ reason: `Unexpected ${v.rule} violation in ${v.resource}.csv${v.row ? ` row ${v.row}` : ''}${v.field ? ` column ${v.field}` : ''}: ${v.detail}`, ruleId: 'publish-table-schema', stage: STAGE, file: `${v.resource}.csv` }));
  if (violations.length > 200) messages.push(message({ reason: `${violations.length - 200} more Table Schema violations`, ruleId: 'publish-table-schema', stage: STAGE, file: 'datapackage.json' }));

  const created = `${date}T00:00:00Z`;
  const put = (path: string, s: string) => {
    const w = sink.open(path);
    w.write(s);
    facts.set(path, w.end());
  };
  put('context.jsonld', json(buildContext()));
  const head = graphHead({ version, ...(previous ? { previousVersion: previous.version } : {}), created, documents: metaById.values(), rows: entity });
  const graph = sink.open('graph.jsonld');
  graph.write(`{"@context":${JSON.stringify(CONTEXT_URL)},"@graph":[\n`);
  head.forEach((n, i) => graph.write(i === 0 ? JSON.stringify(n) : `,\n${JSON.stringify(n)}`));
  graphPart.copyTo(graph);
  graph.write('\n]}\n');
  facts.set('graph.jsonld', graph.end());
  graphPart.dispose();
  const quads = sink.open('graph.nq');
  let memo: { i: number; bytes: Uint8Array } | undefined;
  writeNQuads(head, statementIds, (i, k) => {
    if (memo?.i !== i) {
      const from = nqStart[i] as number;
      let len = 0;
      for (let q = 0; q < STATEMENT_SUBJECT_SUFFIXES.length; q++) len += nqLength[i * STATEMENT_SUBJECT_SUFFIXES.length + q] as number;
      memo = { i, bytes: nq.read(from, len) };
    }
    let off = 0;
    for (let q = 0; q < k; q++) off += nqLength[i * STATEMENT_SUBJECT_SUFFIXES.length + q] as number;
    return memo.bytes.subarray(off, off + (nqLength[i * STATEMENT_SUBJECT_SUFFIXES.length + k] as number));
  }, (s) => (typeof s === 'string' ? void quads.write(s) : quads.writeBytes(s)));
  facts.set('graph.nq', quads.end());
  nq.dispose();

  const withdrawnNow = smallRows.withdrawn_ids.filter((w) => w.withdrawn_in === version);
  const diffOut = { ...diff, tables: Object.fromEntries(Object.entries(diff.tables).map(([k, d]) => [k, { added: d.added.map(splitKey), removed: d.removed.map(splitKey), changed: d.changed.map((c) => ({ id: splitKey(c.id), fields: c.fields })) }])) };
  put('diff.json', json(diffOut));
  put('CHANGELOG.md', renderChangelog(diff, date, withdrawnNow, previous?.changelog));

  // the landing page embeds a sample of the statements whole: read back from their documents
  const expand = (picked: CsvRow[]): CsvRow[] => {
    const wanted = new Map<string, Set<string>>();
    for (const p of picked) {
      const d = p.document_id ?? '';
      let set = wanted.get(d);
      if (!set) wanted.set(d, (set = new Set()));
      set.add(p.statement_id ?? '');
    }
    const full = new Map<string, CsvRow>();
    const statementsTable = tableOf('statements');
    for (const [id, set] of wanted) {
      const { rows } = documentRows(source, id, metaById.get(id), placeIds, actorIds, [], []);
      for (const r of rows.statements) {
        if (!set.has(r.statement_id as string)) continue;
        const o: CsvRow = {};
        for (const f of statementsTable.fields) o[f.name] = formatCell(f, r[f.name] ?? null);
        full.set(r.statement_id as string, o);
      }
    }
    return picked.map((p) => full.get(p.statement_id ?? '') ?? p);
  };
  return {
    kind: 'body',
    version,
    date,
    created,
    bump: probe.bump,
    messages,
    facts,
    counts,
    formulaCells,
    ...(minStart !== undefined && maxEnd !== undefined ? { temporalCoverage: `${minStart}/${maxEnd}` } : {}),
    documents: source.documents,
    entity,
    light,
    expand,
    ...(input.report !== undefined ? { report: input.report } : {}),
  };
}

/** The order files were described in before publish streamed (datapackage.json lists resources by name, so only the landing page's list could see it). */
function orderedFacts(facts: Map<string, FileFacts>): Map<string, FileFacts> {
  const first = TABLES.flatMap((t) => [`${t.name}.csv`, `excel/${t.name}.csv`]);
  const names = [...first, 'context.jsonld', 'graph.jsonld', 'graph.nq', 'diff.json', 'CHANGELOG.md', 'quality.json', 'build-report.json', 'README.md', 'datapackage.json', 'index.html'];
  const out = new Map<string, FileFacts>();
  for (const n of names) if (facts.has(n)) out.set(n, facts.get(n) as FileFacts);
  for (const [n, f] of facts) if (!out.has(n)) out.set(n, f);
  return out;
}

/** The files that depend on the measured quality, and the ones that describe every file: written last. */
export function finishRelease(body: ReleaseBody, quality: unknown, sink: ReleaseSink): { version: string; date: string; bump: Bump; messages: Message[]; facts: Map<string, FileFacts> } {
  const { facts, version, date, created } = body;
  const small = new Map<string, Uint8Array>();
  const put = (path: string, s: string) => {
    const w = sink.open(path);
    const b = Buffer.from(s, 'utf8');
    w.writeBytes(b);
    facts.set(path, w.end());
    small.set(path, b);
  };
  const q = quality ?? { measured: false, note: 'no accuracy figures were supplied to this build' };
  put('quality.json', json(q));
  if (body.report !== undefined) put('build-report.json', json(body.report));
  put('README.md', renderCard({ version, date, tables: TABLES, counts: body.counts, documents: body.entity.documents, formulaCells: body.formulaCells, quality: q, ...(body.temporalCoverage ? { temporalCoverage: body.temporalCoverage } : {}) }));
  const dp = buildDatapackage({
    version,
    created,
    tables: TABLES,
    files: orderedFacts(facts),
    documents: body.documents,
    ...(body.temporalCoverage ? { temporalCoverage: body.temporalCoverage } : {}),
    extraResources: [
      { name: 'graph', path: 'graph.jsonld', format: 'jsonld', mediatype: 'application/ld+json', description: 'The JSON-LD graph (context: context.jsonld).' },
      { name: 'graph-nquads', path: 'graph.nq', format: 'nq', mediatype: 'application/n-quads', description: 'The graph as canonical N-Quads.' },
    ],
  });
  put('datapackage.json', json(dp));
  // The landing page is drawn from the release's own files, and is itself covered by SHA256SUMS.
  // The tables it shows are handed over as the cells a reader parses from those files (the same
  // strings), and the hashes as computed above: parsing and hashing 100 MB again is the cost
  // that does not scale. Of the statements it gets only the columns its counts read, and the
  // sample it embeds whole.
  const ordered = orderedFacts(facts);
  const files = new Map<string, Uint8Array>([...ordered.keys()].map((k) => [k, small.get(k) ?? new Uint8Array()]));
  const csvRows = (t: TableSpec, rows: Row[]): CsvRow[] => rows.map((r) => {
    const o: CsvRow = {};
    for (const f of t.fields) o[f.name] = formatCell(f, r[f.name] ?? null);
    return o;
  });
  put('index.html', landingPage({ files, facts: ordered, tables: { statements: body.light, places: csvRows(tableOf('places'), body.entity.places), actors: csvRows(tableOf('actors'), body.entity.actors), documents: csvRows(tableOf('documents'), body.entity.documents) } }, { expandStatements: body.expand }));
  const sums = [...facts.keys()].sort().map((p) => `${facts.get(p)!.sha256}  ${p}\n`).join('');
  put('SHA256SUMS', sums);
  return { version, date, bump: body.bump, messages: body.messages, facts };
}

export interface WrittenRelease {
  kind: 'written';
  version: string;
  date: string;
  bump: Bump;
  messages: Message[];
  /** Every file written, with its size and sha256. */
  facts: Map<string, FileFacts>;
}

/**
 * The release written into `dir` (emptied first) as it is made: the big files stream to disk and
 * are hashed on the way, and the quality is measured on the folder's own tables (`measure`)
 * before the files that report it are written. An unchanged release leaves `dir` removed.
 */
export function writeReleaseFolder(input: StreamingInput, dir: string, quality: { value?: unknown; measure?: (dir: string) => unknown }): WrittenRelease | Unchanged {
  rmSync(dir, { recursive: true, force: true });
  const sink = folderSink(dir);
  const body = writeReleaseBody(input, sink);
  if (body.kind === 'unchanged') {
    rmSync(dir, { recursive: true, force: true });
    return body;
  }
  const q = quality.value !== undefined ? quality.value : quality.measure?.(dir);
  return { kind: 'written', ...finishRelease(body, q, sink) };
}

/** The release as bytes in memory: pure (no I/O, no clock). */
export function buildRelease(input: ReleaseInput): ReleaseOutput {
  const sink = memorySink();
  const { statements, documents, quality, ...rest } = input;
  const body = writeReleaseBody({ ...rest, source: memorySource(statements, documents) }, sink);
  if (body.kind === 'unchanged') return body.output;
  const out = finishRelease(body, quality, sink);
  const files = new Map([...sink.files.keys()].sort().map((k) => [k, sink.files.get(k)!]));
  return { files, messages: out.messages, version: out.version, date: out.date, bump: out.bump };
}

const splitKey = (k: string) => (k.includes('\u0000') ? k.split('\u0000') : k);

const tableSchemaOf = (t: TableSpec) => JSON.parse(JSON.stringify(tableSchema(t)));

export { deriveStatementId, normaliseSentence } from './rows.ts';
export { TABLES } from './model.ts';
