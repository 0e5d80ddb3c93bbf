// publish: records -> the files of one immutable release. No clock; the same input gives the same
// bytes on any machine, time zone and locale. One document at a time: each one's fragment
// (fragment.ts) is joined into the files in document order (ReleaseJoin), then the files that need
// them all are written (finish). `buildRelease` does it in memory, purely; `releaseFolderWriter`
// writes a folder as the fragments come from the map's workers.
import { closeSync, openSync, readSync, rmSync } from 'node:fs';
import { message } from '../diagnostics.ts';
import type { ActorRecord, Document, Message, PlaceRecord, SourceEntry, Statement } from '../types.ts';
import { landingData, landingPage } from '../landing/index.ts';
import { LightColumns, Numbers } from './columns.ts';
import type { CsvRow } from '../landing/release.ts';
import { renderCard } from './card.ts';
import { renderChangelog } from './changelog.ts';
import { countFormulaCells, CsvStream, formatCell } from './csv.ts';
import { buildDatapackage, type FileFacts } from './datapackage.ts';
import { compareVersions, diffRelease, nextVersion, readPrevious, type Bump, type TableDiff } from './diff.ts';
import { documentFragment, normaliseRows, STREAMED, tableOf, tableSchemaOf, type Fragment, type FragmentContext, type Streamed } from './fragment.ts';
import { buildContext, CONTEXT_URL, graphHead, STATEMENT_SUBJECT_SUFFIXES, writeNQuads } from './jsonld.ts';
import { STATEMENTS, TABLES, type Row, type TableSpec } from './model.ts';
import { entityRows, type ReleaseDocumentMeta } from './rows.ts';
import { folderSink, memorySink, type FileWriter, type ReleaseSink, type Scratch } from './sink.ts';
import { sortedOrder } from './order.ts';
import { TableChecker, type Violation } from './tablecheck.ts';
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
const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** The release date: never the clock; the latest retrieval (or publication) date of the inputs. */
export function releaseDate(documents: readonly ReleaseDocumentMeta[]): string {
  const dates = documents.flatMap((d) => [d.entry.retrieved, (d.published ?? d.entry.published)?.slice(0, 10)]).filter((x): x is string => !!x && /^\d{4}-\d{2}-\d{2}$/.test(x));
  return dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : '1970-01-01';
}

/**
 * Where publish reads a release's documents from, one at a time, in `ids` order: the documents'
 * ids and any id a statement names without a document, sorted. Each is loaded once and made into
 * its fragment, so the join holds one document's records at a time (a big build makes the
 * fragments in the map's workers instead: see releaseFolderWriter).
 */
export interface ReleaseSource {
  documents: readonly ReleaseDocumentMeta[];
  ids: readonly string[];
  /** The document's decoded raw text (the string the statements' UTF-16 spans index) and its statements. */
  load(id: string): { text?: string; statements: Statement[] };
}

/** What the join of a release needs besides the documents' fragments. */
export type JoinInput = Omit<ReleaseInput, 'statements' | 'documents' | 'quality'>;
export type StreamingInput = JoinInput & { source: ReleaseSource };

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
  /**
   * Waits for graph.nq (written in the background with a second thread) and puts its facts
   * among the others; until then its entry in `facts` is a placeholder. Called once, before
   * anything that describes every file (datapackage.json, the landing page, SHA256SUMS).
   */
  graphNQuads: () => void;
  /** Removes the scratch `expand` reads (after the landing page). */
  dispose: () => void;
  report?: unknown;
}

export interface Unchanged {
  kind: 'unchanged';
  output: ReleaseOutput;
}

/** A key as an item of an `added` list of diff.json (JSON.stringify(…, null, 2) at depth 4). */
/**
 * The places.csv rows of places the text names that the gazetteer does not hold: the name as
 * first written, nothing claimed about where they are.
 */
function unlistedRecords(unlisted: ReadonlyMap<string, string>): PlaceRecord[] {
  return [...unlisted].map(([place_id, name]) => ({
    place_id, name, alt_names: [], type: 'locality', geo_precision: 'unknown',
    note: 'Named in the text where the words say a place is meant (`the village of ...`, `... District`, `in ..., <country>`); not in the gazetteer: no coordinates or identifiers, and not checked.',
  }));
}

function addedItem(key: string): string {
  if (!key.includes('\u0000')) return `        ${JSON.stringify(key)}`;
  return `        [\n${key.split('\u0000').map((p) => `          ${JSON.stringify(p)}`).join(',\n')}\n        ]`;
}
/** Where diff.json gets a streamed table's `added` list (a NUL cannot occur in a key's parts). */
const addedToken = (table: string) => `\u0000added\u0000${table}`;

/**
 * The join of a release: fragments (fragment.ts) go in in document order and are appended to
 * the files as they come; only keys, counts and the landing page's columns are held. `finish`
 * writes what needs all of them (version, diff, graph head, N-Quads order, small tables).
 */
export class ReleaseJoin {
  private readonly rowMessages: Message[] = [];
  private readonly nfcMessages: Message[] = [];
  private readonly previous: ReturnType<typeof readPrevious> | undefined;
  private readonly facts = new Map<string, FileFacts>();
  private readonly csv: Array<[FileWriter, FileWriter]> = [];
  private readonly statementIds: string[] = [];
  /** The landing page's columns of every statement, by statement index (statementIds holds the ids). */
  private readonly light = new LightColumns(this.statementIds);
  private readonly graphPart: Scratch;
  private readonly nq: Scratch;
  /** Each document's statements' cells (Fragment.cellsJson): the landing page's sample is read back from them. */
  private readonly cellsScratch: Scratch;
  private cellsPos = 0;
  /** Per document with statements: where its cells are (source as `read` numbers them, offset, bytes) and the index of its first statement. */
  private readonly rowsSource = new Numbers('length');
  private readonly rowsStart = new Numbers();
  private readonly rowsBytes = new Numbers('length');
  private readonly rowsFirst = new Numbers('length');
  private readonly graphRanges: number[][] = [];
  private graphPos = 0;
  private readonly nqStart = new Numbers();
  private readonly nqSource = new Numbers('length');
  private readonly nqBytes = new Numbers('length');
  private nqPos = 0;
  private readonly docCounts = new Map<string, number>();
  private readonly characters = new Map<string, number>();
  private minStart: string | undefined;
  private maxEnd: string | undefined;
  private formulaCells = 0;
  private readonly rowsSoFar: number[] = STREAMED.map(() => 0);
  /** Per streamed table: the diff's added keys as diff.json writes them, the changed rows, the previous keys seen. */
  private readonly added: Scratch[];
  private readonly addedCount: number[] = STREAMED.map(() => 0);
  private readonly changed: Array<Array<{ id: string; fields: string[] }>> = STREAMED.map(() => []);
  private readonly prevSeen: Array<Set<string>> = STREAMED.map(() => new Set());
  /** Violations of the streamed tables by resource and kind (row, pk, fk:<field>), in row order. */
  private readonly violations = new Map<string, Violation[]>();
  /** The documents met so far (their fragments' metadata), by id. */
  private readonly metaById = new Map<string, ReleaseDocumentMeta>();
  private readonly metas: ReleaseDocumentMeta[] = [];
  /** Places the statements name that the gazetteer does not hold: id -> the name first written (in document order). */
  private readonly unlisted = new Map<string, string>();
  readonly context: FragmentContext;

  /** `threads`: how many threads the build may use (a second one writes graph.nq while the rest is made). */
  constructor(private readonly input: JoinInput, private readonly sink: ReleaseSink, private readonly threads = 1) {
    this.previous = input.previous ? readPrevious(input.previous.version, input.previous.files) : undefined;
    this.context = { placeIds: new Set(input.places.map((p) => p.place_id)), actorIds: new Set(input.actors.map((a) => a.actor_id)), withCells: this.previous !== undefined };
    for (const name of STREAMED) {
      const t = tableOf(name);
      const canonical = sink.open(`${name}.csv`);
      const excel = sink.open(`excel/${name}.csv`);
      // the headers (the records come from the fragments)
      new CsvStream(t, (s) => void canonical.write(s));
      new CsvStream(t, (s) => void excel.write(s), { excel: true });
      this.csv.push([canonical, excel]);
    }
    this.graphPart = sink.scratch();
    this.nq = sink.scratch();
    this.cellsScratch = sink.scratch();
    this.added = STREAMED.map(() => sink.scratch());
  }

  /** The fragment of the next document, in document id order; `meta` is absent for statements of no known document. */
  add(meta: ReleaseDocumentMeta | undefined, f: Fragment): void {
    if (meta) {
      this.metas.push(meta);
      this.metaById.set(meta.entry.id, meta);
    }
    if (f.characters !== undefined && this.metaById.has(f.id)) this.characters.set(f.id, f.characters);
    if (f.statements) this.docCounts.set(f.id, (this.docCounts.get(f.id) ?? 0) + f.statements);
    this.rowMessages.push(...f.rowMessages);
    this.nfcMessages.push(...f.nfcMessages);
    for (const [id, name] of f.unlisted ?? []) if (!this.unlisted.has(id)) this.unlisted.set(id, name);
    const src = f.blob ? this.sourceOf(f.blob.file) : 0;
    STREAMED.forEach((name, k) => {
      const at = f.blob?.csv?.[k];
      if (at) {
        const [c, x] = at;
        const bytes = c[1] ? this.read(src, c[0], c[1]) : undefined;
        if (bytes) this.csv[k]![0].writeBytes(bytes);
        // (the same range when the spreadsheet copy is the canonical text: read once)
        if (x[1]) this.csv[k]![1].writeBytes(bytes && x[0] === c[0] && x[1] === c[1] ? bytes : this.read(src, x[0], x[1]));
        return;
      }
      const [c, x] = f.csv[k] as [string, string];
      if (c) this.csv[k]![0].write(c);
      if (x) this.csv[k]![1].write(x);
    });
    this.formulaCells += f.formulaCells;
    // violations: row numbers made global; the statements' primary key checked across documents
    for (const v of f.violations) {
      const k = STREAMED.indexOf(v.resource as Streamed);
      this.violation({ ...v, ...(v.row !== undefined ? { row: v.row + (this.rowsSoFar[k] ?? 0) } : {}) });
    }
    if (!this.metaById.has(f.id)) {
      // statements of no document: their foreign key to documents.csv fails (the fragment could not know it)
      f.ids.forEach((_, i) => this.violation({ resource: 'statements', row: (this.rowsSoFar[0] as number) + i + 1, field: 'document_id', rule: 'foreign-key', detail: `${JSON.stringify([f.id])} not found in documents` }));
    }
    // the diff, a row at a time
    STREAMED.forEach((name, k) => {
      const prev = this.previous?.tables.get(name)?.rows;
      const t = tableOf(name);
      (f.keys[k] as string[]).forEach((key, i) => {
        const old = prev?.get(key);
        if (!old) {
          this.added[k]!.write(`${this.addedCount[k] ? ',\n' : ''}${addedItem(key)}`);
          this.addedCount[k]!++;
          return;
        }
        this.prevSeen[k]!.add(key);
        const cells = f.cells?.[k]?.[i] as string[];
        const fields = t.fields.filter((fs, j) => fs.name in old && old[fs.name] !== cells[j]).map((fs) => fs.name);
        if (fields.length) this.changed[k]!.push({ id: key, fields });
      });
      this.rowsSoFar[k] = (this.rowsSoFar[k] as number) + (f.rows[k] as number);
    });
    for (const id of f.ids) this.statementIds.push(id);
    // the landing page's columns of every statement are held to the end, compactly (columns.ts)
    f.light.forEach((r) => this.light.push(f.id, Number(r.char_start), Number(r.char_end), r.date_start as string, r.date_end as string, r.place_ids as string, r.actor_ids as string));
    if (f.minStart !== undefined && (this.minStart === undefined || f.minStart < this.minStart)) this.minStart = f.minStart;
    if (f.maxEnd !== undefined && (this.maxEnd === undefined || f.maxEnd > this.maxEnd)) this.maxEnd = f.maxEnd;
    // the big texts stay where they are (this join's scratch, or a map thread's blob file): only
    // their places are kept, and the bytes are copied when the files that hold them are written
    let graphAt: number;
    let nqAt: number;
    let nqBytes: number[];
    if (f.ids.length) {
      this.rowsFirst.push(this.statementIds.length - f.ids.length);
      const cells = f.blob?.cells;
      if (cells) {
        this.rowsSource.push(src);
        this.rowsStart.push(cells[0]);
        this.rowsBytes.push(cells[1]);
      } else {
        const n = this.cellsScratch.write(f.cellsJson);
        this.rowsSource.push(0);
        this.rowsStart.push(this.cellsPos);
        this.rowsBytes.push(n);
        this.cellsPos += n;
      }
    }
    if (f.blob) {
      graphAt = f.blob.graph[0];
      this.range(this.graphRanges, src, graphAt, f.blob.graph[1]);
      nqAt = f.blob.nq[0];
      nqBytes = f.nqBytes as number[];
    } else {
      graphAt = this.graphPos;
      const n = this.graphPart.write(f.graph);
      this.graphPos += n;
      this.range(this.graphRanges, -1, graphAt, n);
      nqAt = this.nqPos;
      nqBytes = f.nq.map((g) => this.nq.write(g));
      for (const n of nqBytes) this.nqPos += n;
    }
    let g = 0;
    for (let i = 0; i < f.ids.length; i++) {
      this.nqStart.push(nqAt);
      this.nqSource.push(src);
      for (let q = 0; q < STATEMENT_SUBJECT_SUFFIXES.length; q++) {
        const n = nqBytes[g++] as number;
        this.nqBytes.push(n);
        nqAt += n;
      }
    }
  }

  /** The document (its place in rowsFirst) of statement `i`. */
  private documentOf(i: number): number {
    let lo = 0;
    let hi = this.rowsFirst.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.rowsFirst.get(mid) <= i) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  // ---- where bytes are read back from: source 0 is this join's own scratch (nq, or the cells), -1
  // its graph scratch, k > 0 the k-th blob file of the map threads
  private readonly blobFiles: string[] = [];
  private readonly blobIndex = new Map<string, number>();
  private readonly blobFds: number[] = [];
  private sourceOf(file: string): number {
    let k = this.blobIndex.get(file);
    if (k === undefined) {
      this.blobFiles.push(file);
      this.blobFds.push(openSync(file, 'r'));
      k = this.blobFiles.length;
      this.blobIndex.set(file, k);
    }
    return k;
  }
  /** One buffer for every read: what is read is copied out (or written) before the next read. */
  private buf = Buffer.allocUnsafe(1 << 16);
  private read(src: number, offset: number, length: number, scratch: Scratch = this.nq): Uint8Array {
    if (length > this.buf.length) this.buf = Buffer.allocUnsafe(Math.max(length, 2 * this.buf.length));
    if (src === -1) return this.graphPart.read(offset, length, this.buf);
    if (src === 0) return scratch.read(offset, length, this.buf);
    const fd = this.blobFds[src - 1] as number;
    const b = this.buf;
    for (let got = 0; got < length; ) {
      const n = readSync(fd, b, got, length - got, offset + got);
      if (n === 0) throw new Error(`internal: blob ${this.blobFiles[src - 1]} is shorter than expected`);
      got += n;
    }
    return b.subarray(0, length);
  }
  /** Appends [source, offset, length] to `ranges`, merged with the last one when they touch. */
  private range(ranges: number[][], src: number, offset: number, length: number): void {
    if (!length) return;
    const last = ranges[ranges.length - 1];
    if (last && last[0] === src && (last[1] as number) + (last[2] as number) === offset) last[2] = (last[2] as number) + length;
    else ranges.push([src, offset, length]);
  }
  private closeSources(): void {
    for (const fd of this.blobFds) closeSync(fd);
    this.blobFds.length = 0;
  }

  private violation(v: Violation): void {
    const kind = v.rule === 'foreign-key' ? `fk:${v.field}` : v.rule === 'primary-key' ? 'pk' : 'row';
    const key = `${v.resource}\u0000${kind}`;
    let list = this.violations.get(key);
    if (!list) this.violations.set(key, (list = []));
    list.push(v);
  }

  /**
   * graph.nq from the graph's head and every statement's groups (writeNQuads' order); returns its
   * facts when they are known. With a second thread and the bytes on disk, the file is written in
   * the background from where each statement's groups lie (`background`), while this thread
   * makes the other files.
   */
  private writeGraphNQuads(head: ReturnType<typeof graphHead>): () => FileFacts {
    const { sink } = this;
    const per = STATEMENT_SUBJECT_SUFFIXES.length;
    const statementBytes = (i: number): number => {
      let len = 0;
      for (let q = 0; q < per; q++) len += this.nqBytes.get(i * per + q);
      return len;
    };
    // a statement's groups lie one after the other, in N-Quads order
    const whole = (i: number): Uint8Array => this.read(this.nqSource.get(i), this.nqStart.get(i), statementBytes(i));
    let memo: { i: number; bytes: Uint8Array } | undefined;
    const group = (i: number, k: number): Uint8Array => {
      if (memo?.i !== i) memo = { i, bytes: whole(i) };
      let off = 0;
      for (let q = 0; q < k; q++) off += this.nqBytes.get(i * per + q);
      return memo.bytes.subarray(off, off + this.nqBytes.get(i * per + k));
    };
    const scratchFile = this.nq.file;
    if (this.threads >= 2 && sink.background && scratchFile !== undefined) {
      const file: number[] = [];
      const offset: number[] = [];
      const length: number[] = [];
      const bytes: Uint8Array[] = [];
      const literal = (b: Uint8Array) => {
        file.push(-1);
        offset.push(0);
        length.push(b.byteLength);
        bytes.push(b);
      };
      // sources as files: 0 this join's scratch, k the k-th blob file (as `read` numbers them)
      writeNQuads<{ src: number; i: number }>(head, this.statementIds, group, (s) => {
        if (typeof s === 'string') literal(Buffer.from(s, 'utf8'));
        else if (s instanceof Uint8Array) literal(Uint8Array.from(s)); // a view of the reused read buffer: copied
        else {
          file.push(s.src);
          offset.push(this.nqStart.get(s.i));
          length.push(statementBytes(s.i));
        }
      }, (i) => ({ src: this.nqSource.get(i), i }));
      const job = sink.background('graph.nq', { files: [scratchFile, ...this.blobFiles], file: Int32Array.from(file), offset: Float64Array.from(offset), length: Float64Array.from(length), bytes });
      return () => job.wait();
    }
    const quads = sink.open('graph.nq');
    writeNQuads(head, this.statementIds, group, (s) => (typeof s === 'string' ? void quads.write(s) : quads.writeBytes(s)), (i) => {
      memo = undefined; // the read buffer is reused
      return whole(i);
    });
    const facts = quads.end();
    return () => facts;
  }

  /** Everything after the last fragment: the small tables, the version, the diff, the graph's head and the N-Quads. */
  /** `documents`: the release's documents (default: those of the fragments added). */
  finish(documents: readonly ReleaseDocumentMeta[] = this.metas): ReleaseBody | Unchanged {
    const { input, sink, facts, previous } = this;
    for (const d of documents) if (!this.metaById.has(d.entry.id)) this.metaById.set(d.entry.id, d);
    STREAMED.forEach((name, k) => {
      facts.set(`${name}.csv`, this.csv[k]![0].end());
      facts.set(`excel/${name}.csv`, this.csv[k]![1].end());
    });
    for (const s of [this.graphPart, this.nq, this.cellsScratch, ...this.added]) s.seal();
    const places = this.unlisted.size ? [...input.places, ...unlistedRecords(this.unlisted)] : input.places;
    const entity = entityRows(documents, places, input.actors, this.docCounts, this.characters);
    normaliseRows(entity as unknown as Record<string, Row[]>, this.nfcMessages);
    const messages: Message[] = [...this.rowMessages, ...this.nfcMessages];
    const known: Record<string, TableDiff> = {};
    STREAMED.forEach((name, k) => {
      const removed = [...(previous?.tables.get(name)?.rows.keys() ?? [])].filter((key) => !this.prevSeen[k]!.has(key)).sort();
      // the added ids themselves are in the scratch, written into diff.json as they came: only their count is held
      known[name] = { added: new Array<string>(this.addedCount[k] as number), removed, changed: this.changed[k] as TableDiff['changed'] };
    });
    const smallRows: Record<string, Row[]> = { documents: entity.documents, places: entity.places, actors: entity.actors, withdrawn_ids: [] };

    // version: from the diff against the previous release
    const mainTables = TABLES.filter((t) => t.name !== 'withdrawn_ids');
    const probe = diffRelease(mainTables, smallRows, previous, input.version, TABLES, known);
    const required = previous ? nextVersion(previous.version, probe.bump) : '1.0.0';
    let version = input.version === 'auto' ? required : input.version;
    const date = releaseDate(documents);
    const dispose = () => {
      for (const s of [this.graphPart, this.nq, this.cellsScratch, ...this.added]) s.dispose();
      this.closeSources();
    };
    if (previous && input.previous && version === previous.version) {
      // nothing in the data or schemas changed: the release is the previous one, byte for byte.
      // (A change of descriptive metadata alone needs an explicit patch version.)
      if (probe.bump === 'none') {
        dispose();
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
    // the graph's head, and graph.nq from it: first, since in the background it runs while the rest is made
    const created = `${date}T00:00:00Z`;
    const head = graphHead({ version, ...(previous ? { previousVersion: previous.version } : {}), created, documents: this.metaById.values(), rows: entity });
    const nquads = this.writeGraphNQuads(head);
    const lightRows = this.light.rows();
    smallRows.withdrawn_ids = withdrawnRows(version, probe.tables, previous, { statements: lightRows as unknown as Row[], ...entity });
    const diff = diffRelease(TABLES, smallRows, previous, version, TABLES, known);
    diff.bump = probe.bump; // withdrawn_ids only mirrors the other tables' removals
    diff.reasons = probe.reasons;

    // the small tables, checked with the keys of the streamed ones
    const checker = new TableChecker(TABLES.map((t) => ({ name: t.name, schema: tableSchemaOf(t) })));
    for (const t of TABLES) checker.header(t.name, t.fields.map((f) => f.name));
    for (const name of ['documents', 'places', 'actors', 'withdrawn_ids']) {
      const t = tableOf(name);
      const rows = smallRows[name] as Row[];
      const canonical = sink.open(`${name}.csv`);
      const excel = sink.open(`excel/${name}.csv`);
      const c = new CsvStream(t, (s) => void canonical.write(s));
      const x = new CsvStream(t, (s) => void excel.write(s), { excel: true });
      for (const r of rows) {
        const cs = t.fields.map((f) => formatCell(f, r[f.name] ?? null));
        c.add(r, cs);
        x.add(r, cs);
        checker.row(name, cs);
      }
      c.flush();
      x.flush();
      facts.set(`${name}.csv`, canonical.end());
      facts.set(`excel/${name}.csv`, excel.end());
      this.formulaCells += countFormulaCells(t, rows);
    }
    for (const v of checker.finish()) this.violation(v);
    // the statements' primary key across documents: repeats found in id order, reported in row order
    const ids = this.statementIds;
    const byId = sortedOrder(ids);
    const repeats: number[] = [];
    for (let j = 1; j < byId.length; j++) if (ids[byId[j] as number] === ids[byId[j - 1] as number]) repeats.push(byId[j] as number);
    for (const i of repeats.sort((a, b) => a - b)) this.violation({ resource: 'statements', row: i + 1, field: 'statement_id', rule: 'primary-key', detail: `duplicate key ${JSON.stringify([ids[i]])}` });
    // in checkTables' order: each table's row and key violations, then every foreign key
    const violations: Violation[] = [];
    for (const t of TABLES) violations.push(...(this.violations.get(`${t.name}\u0000row`) ?? []), ...(this.violations.get(`${t.name}\u0000pk`) ?? []));
    for (const t of TABLES) for (const fk of t.foreignKeys) violations.push(...(this.violations.get(`${t.name}\u0000fk:${fk.fields.join('+')}`) ?? []).sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
    for (const v of violations.slice(0, 200))
      messages.push(message({ reason: `Unexpected ${v.rule} violation in ${v.resource}.csv${v.row ? ` row ${v.row}` : ''}${v.field ? ` column ${v.field}` : ''}: ${v.detail}`, ruleId: 'publish-table-schema', stage: STAGE, file: `${v.resource}.csv` }));
    if (violations.length > 200) messages.push(message({ reason: `${violations.length - 200} more Table Schema violations`, ruleId: 'publish-table-schema', stage: STAGE, file: 'datapackage.json' }));

    const put = (path: string, s: string) => {
      const w = sink.open(path);
      w.write(s);
      facts.set(path, w.end());
    };
    put('context.jsonld', json(buildContext()));
    const graph = sink.open('graph.jsonld');
    graph.write(`{"@context":${JSON.stringify(CONTEXT_URL)},"@graph":[\n`);
    head.forEach((n, i) => graph.write(i === 0 ? JSON.stringify(n) : `,\n${JSON.stringify(n)}`));
    for (const [src, off, len] of this.graphRanges) {
      // in blocks: a run of documents from one thread can be hundreds of MB
      for (let o = 0; o < (len as number); o += 1 << 24) graph.writeBytes(this.read(src as number, (off as number) + o, Math.min(1 << 24, (len as number) - o)));
    }
    graph.write('\n]}\n');
    facts.set('graph.jsonld', graph.end());
    facts.set('graph.nq', { bytes: 0, sha256: '' }); // its place among the facts; written from `head` above

    const withdrawnNow = smallRows.withdrawn_ids.filter((w) => w.withdrawn_in === version);
    const diffOut = {
      ...diff,
      tables: Object.fromEntries(Object.entries(diff.tables).map(([k, d]) => [k, { added: STREAMED.includes(k as Streamed) ? addedToken(k) : d.added.map(splitKey), removed: d.removed.map(splitKey), changed: d.changed.map((c) => ({ id: splitKey(c.id), fields: c.fields })) }])),
    };
    // diff.json as JSON.stringify(…, null, 2) writes it, with the streamed tables' added keys spliced in
    const diffJson = sink.open('diff.json');
    let rest = json(diffOut);
    for (const name of STREAMED) {
      const token = JSON.stringify(addedToken(name));
      const at = rest.indexOf(token);
      diffJson.write(rest.slice(0, at));
      const k = STREAMED.indexOf(name);
      if (!this.addedCount[k]) diffJson.write('[]');
      else {
        diffJson.write('[\n');
        this.added[k]!.copyTo(diffJson);
        diffJson.write('\n      ]');
      }
      rest = rest.slice(at + token.length);
    }
    diffJson.write(rest);
    facts.set('diff.json', diffJson.end());
    put('CHANGELOG.md', renderChangelog(diff, date, withdrawnNow, previous?.changelog));
    for (const s of this.added) s.dispose();
    let nquadsDone = false;
    const graphNQuads = () => {
      if (nquadsDone) return;
      nquadsDone = true;
      facts.set('graph.nq', nquads()); // before its sources go
      for (const s of [this.graphPart, this.nq]) s.dispose();
    };

    // the landing page embeds a sample of the statements whole: read back from the scratch
    const decoder = new TextDecoder();
    const expand = (picked: CsvRow[]): CsvRow[] => {
      const out = picked.slice();
      // by document, each one's cells read and parsed once, one document at a time
      const at = picked.map((p) => this.light.indexOf(p));
      const docs = at.map((i) => (i === undefined ? -1 : this.documentOf(i)));
      const order = Uint32Array.from(picked.keys()).sort((a, b) => (docs[a] as number) - (docs[b] as number) || a - b);
      let d = -1;
      let cells: string[][] = [];
      for (const j of order) {
        const i = at[j];
        if (i === undefined) continue;
        if (docs[j] !== d) {
          d = docs[j] as number;
          cells = JSON.parse(decoder.decode(this.read(this.rowsSource.get(d), this.rowsStart.get(d), this.rowsBytes.get(d), this.cellsScratch))) as string[][];
        }
        const cs = cells[i - this.rowsFirst.get(d)] as string[];
        const row: CsvRow = {};
        STATEMENTS.fields.forEach((f, k) => (row[f.name] = cs[k] as string));
        out[j] = row;
      }
      return out;
    };
    return {
      kind: 'body',
      version,
      date,
      created,
      bump: probe.bump,
      messages,
      facts,
      counts: Object.fromEntries(TABLES.map((t) => [t.name, STREAMED.includes(t.name as Streamed) ? (this.rowsSoFar[STREAMED.indexOf(t.name as Streamed)] as number) : (smallRows[t.name] as Row[]).length])),
      formulaCells: this.formulaCells,
      ...(this.minStart !== undefined && this.maxEnd !== undefined ? { temporalCoverage: `${this.minStart}/${this.maxEnd}` } : {}),
      documents,
      entity,
      light: lightRows,
      expand,
      graphNQuads,
      dispose: () => {
        graphNQuads();
        this.cellsScratch.dispose();
        this.closeSources();
      },
      ...(input.report !== undefined ? { report: input.report } : {}),
    };
  }
}

/** Every file of the release but the last few (see finishRelease): the fragments made here, in this thread. */
export function writeReleaseBody(input: StreamingInput, sink: ReleaseSink): ReleaseBody | Unchanged {
  const { source, ...rest } = input;
  const join = new ReleaseJoin(rest, sink);
  const metaById = new Map(source.documents.map((d) => [d.entry.id, d]));
  for (const id of source.ids) {
    const meta = metaById.get(id);
    const { text, statements } = source.load(id);
    join.add(meta, documentFragment(id, meta, text, statements, join.context));
  }
  return join.finish(source.documents);
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
  // The landing page's costly parts come from the tables alone: made while graph.nq is still
  // being written (with a second thread), since what describes every file must wait for it.
  const csvRows = (t: TableSpec, rows: Row[]): CsvRow[] => rows.map((r) => {
    const o: CsvRow = {};
    for (const f of t.fields) o[f.name] = formatCell(f, r[f.name] ?? null);
    return o;
  });
  const tables = { statements: body.light, places: csvRows(tableOf('places'), body.entity.places), actors: csvRows(tableOf('actors'), body.entity.actors), documents: csvRows(tableOf('documents'), body.entity.documents) };
  const landing = { expandStatements: body.expand };
  const data = landingData(tables, landing);
  body.graphNQuads();
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
  put('index.html', landingPage({ files, facts: ordered, tables }, { ...landing, data }));
  body.dispose();
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
 * A release written into `dir` (emptied first) as its documents' fragments come (`add`, in
 * document id order): the big files stream to disk and are hashed on the way; `finish` measures
 * the quality on the folder's own tables (`measure`) before the files that report it are
 * written. An unchanged release, or an aborted one, leaves `dir` removed. `threads`: how many
 * threads it may use, as the map's lanes (with two, graph.nq is written by the second).
 */
export function releaseFolderWriter(input: JoinInput, dir: string, threads = 1) {
  rmSync(dir, { recursive: true, force: true });
  const sink = folderSink(dir);
  const join = new ReleaseJoin(input, sink, threads);
  return {
    context: join.context,
    add: (meta: ReleaseDocumentMeta | undefined, f: Fragment) => join.add(meta, f),
    finish(quality: { value?: unknown; measure?: (dir: string) => unknown }, report?: unknown): WrittenRelease | Unchanged {
      const body = join.finish();
      if (body.kind === 'unchanged') {
        rmSync(dir, { recursive: true, force: true });
        return body;
      }
      if (report !== undefined) body.report = report;
      const q = quality.value !== undefined ? quality.value : quality.measure?.(dir);
      const out = finishRelease(body, q, sink);
      sink.sync();
      return { kind: 'written', ...out };
    },
    abort: () => rmSync(dir, { recursive: true, force: true }),
  };
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


export { deriveStatementId, normaliseSentence } from './rows.ts';
export { TABLES } from './model.ts';
