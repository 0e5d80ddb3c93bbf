// One document's share of a release, made from that document alone: its rows as CSV text (the
// canonical and the spreadsheet copy), its graph nodes and N-Quads, the keys and cells the
// diff and the checks need, and the few columns the landing page counts. Pure, so the
// fragments of a big build are made in parallel (worker threads) and joined in document order;
// the join (index.ts) only concatenates, counts and checks keys across documents.
import { message } from '../diagnostics.ts';
import { UNLISTED_PLACE } from '../ids.ts';
import type { Message, Statement } from '../types.ts';
import type { CsvRow } from '../landing/release.ts';
import { countFormulaCells, CsvStream, formatCell, spreadsheetRowIsCanonical } from './csv.ts';
import { tableSchema } from './datapackage.ts';
import { statementGraphNodes, statementQuadGroups, statementRoles } from './jsonld.ts';
import { STATEMENTS, TABLES, type Row, type TableSpec } from './model.ts';
import { CodePointIndex, prepareStatements, statementRows, type ReleaseDocument, type ReleaseDocumentMeta, type StatementRows } from './rows.ts';
import { TableChecker, type Violation } from './tablecheck.ts';

const STAGE = 'publish';

/** The tables whose rows come from the documents' statements, in the order fragments carry them. */
export const STREAMED = ['statements', 'statement_places', 'statement_actors', 'statement_sources'] as const;
export type Streamed = (typeof STREAMED)[number];
export const tableOf = (name: string) => TABLES.find((t) => t.name === name) as TableSpec;
/**
 * The columns of a statement that the landing page's counts and order read (see buildTableData),
 * but for its id and its document's, which the fragment carries once (`ids`, `id`).
 */
export const LIGHT_COLUMNS = ['char_start', 'char_end', 'date_start', 'date_end', 'place_ids', 'actor_ids'] as const;
/** Where each of them is among the statements' cells. */
const LIGHT_AT = LIGHT_COLUMNS.map((k) => STATEMENTS.fields.findIndex((f) => f.name === k));

export interface FragmentContext {
  placeIds: ReadonlySet<string>;
  actorIds: ReadonlySet<string>;
  /** Carry every row's canonical cells (for the diff of changed rows against a previous release). */
  withCells: boolean;
}

export interface Fragment {
  id: string;
  /** Code points of the document's text (absent: no such document). */
  characters?: number;
  statements: number;
  /** Per STREAMED table: the canonical and the spreadsheet CSV records (no header). */
  csv: Array<[string, string]>;
  rows: number[];
  formulaCells: number;
  /** The statement nodes of graph.jsonld, each after `,\n`. */
  graph: string;
  /** N-Quads, one text per subject, 5 subjects per statement (in N-Quads order: see statementQuadGroups). */
  nq: string[];
  /** The UTF-8 bytes of each of them, once they are encoded (toBlob; the join counts them otherwise). */
  nqBytes?: number[];
  ids: string[];
  light: CsvRow[];
  /** The statements' cells, as JSON (an array per statement, cells in field order): the landing page's sample reads them back. */
  cellsJson: string;
  /**
   * When big texts were moved to a blob file (see toBlob): where each is, as [offset, length] in
   * bytes; the fields themselves are then empty. `csv` and `cells` only for a fragment that
   * crosses to another thread.
   */
  blob?: { file: string; graph: [number, number]; nq: [number, number]; csv?: Array<[[number, number], [number, number]]>; cells?: [number, number] };
  /** Per STREAMED table, each row's primary key as the diff writes it. */
  keys: string[][];
  cells?: string[][][];
  /** Table Schema violations of these rows, row numbers counted within the fragment. */
  violations: Violation[];
  minStart?: string;
  maxEnd?: string;
  /** The places its statements name that the gazetteer does not hold, as [place_id, name as first written]. */
  unlisted?: Array<[string, string]>;
  rowMessages: Message[];
  nfcMessages: Message[];
}

const NON_ASCII = /[^\u0000-\u007F]/;

/** Every string cell and list item in NFC; reports statements whose text NFC changed. */
export function normaliseRows(rows: Record<string, Row[]>, messages: Message[]): void {
  for (const [table, list] of Object.entries(rows)) {
    for (const r of list) {
      for (const k in r) {
        const v = r[k];
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

export const tableSchemaOf = (t: TableSpec) => JSON.parse(JSON.stringify(tableSchema(t)));

/** One document's statement rows (NFC applied), with what made them. */
export function documentRows(id: string, meta: ReleaseDocumentMeta | undefined, text: string | undefined, statements: Statement[], ctx: Pick<FragmentContext, 'placeIds' | 'actorIds'>, rowMessages: Message[], nfcMessages: Message[]): { doc?: ReleaseDocument; index?: CodePointIndex; prepared: ReturnType<typeof prepareStatements>; rows: StatementRows } {
  const doc: ReleaseDocument | undefined = meta && text !== undefined ? { ...meta, text } : undefined;
  const index = doc ? new CodePointIndex(doc.text) : undefined;
  const docs = new Map<string, ReleaseDocument>(doc ? [[id, doc]] : []);
  const indexes = new Map<string, CodePointIndex>(doc && index ? [[id, index]] : []);
  const prepared = prepareStatements(statements, docs, indexes);
  const rows = statementRows(prepared, docs, ctx.placeIds as Set<string>, ctx.actorIds as Set<string>, indexes, rowMessages);
  normaliseRows(rows as unknown as Record<string, Row[]>, nfcMessages);
  return { ...(doc ? { doc } : {}), ...(index ? { index } : {}), prepared, rows };
}

const cellsOf = (t: TableSpec, r: Row) => t.fields.map((f) => formatCell(f, r[f.name] ?? null));

const CHECKED = [...STREAMED, 'documents', 'places', 'actors'];
/** The published schemas of those tables, made once (a checker compiles its patterns from them). */
let checkedSchemas: Array<{ name: string; schema: ReturnType<typeof tableSchemaOf> }> | undefined;

/** The checker a fragment runs: the streamed tables' rows, against the entities it can know alone. */
function fragmentChecker(id: string, meta: ReleaseDocumentMeta | undefined, ctx: FragmentContext): TableChecker {
  const names = CHECKED;
  const checker = new TableChecker((checkedSchemas ??= names.map((n) => ({ name: n, schema: tableSchemaOf(tableOf(n)) }))));
  for (const n of names) checker.header(n, tableOf(n).fields.map((f) => f.name));
  checker.seedKeys('places', ctx.placeIds);
  checker.seedKeys('actors', ctx.actorIds);
  checker.seedKeys('documents', meta ? [id] : []);
  return checker;
}

export function documentFragment(id: string, meta: ReleaseDocumentMeta | undefined, text: string | undefined, statements: Statement[], ctx: FragmentContext): Fragment {
  const rowMessages: Message[] = [];
  const nfcMessages: Message[] = [];
  const { doc, index, prepared, rows } = documentRows(id, meta, text, statements, ctx, rowMessages, nfcMessages);
  const unlisted = unlistedOf(rows.statement_places);
  const checker = fragmentChecker(id, meta, ctx);
  if (unlisted.length) checker.seedKeys('places', unlisted.map(([p]) => p));
  const csv: Array<[string, string]> = [];
  const counts: number[] = [];
  const keys: string[][] = [];
  const cells: string[][][] = [];
  /** The statements' cells, as the statements table's loop below makes them. */
  let statementCells: string[][] = [];
  let formulaCells = 0;
  for (const name of STREAMED) {
    const t = tableOf(name);
    const list = rows[name];
    let canonical = '';
    const c = new CsvStream(t, (s) => void (canonical += s), {}, false);
    const pk = t.primaryKey.map((k) => t.fields.findIndex((f) => f.name === k));
    const tableKeys: string[] = [];
    const tableCells: string[][] = [];
    let sameInSpreadsheet = true;
    for (const r of list) {
      const cs = cellsOf(t, r);
      c.add(r, cs);
      if (sameInSpreadsheet) sameInSpreadsheet = spreadsheetRowIsCanonical(t, r, cs);
      checker.row(name, cs);
      tableKeys.push(pk.map((i) => cs[i] ?? '').join('\u0000'));
      tableCells.push(cs);
    }
    c.flush();
    // the spreadsheet copy: the same text unless some row is written differently there
    let excel = canonical;
    if (!sameInSpreadsheet) {
      excel = '';
      const x = new CsvStream(t, (s) => void (excel += s), { excel: true }, false);
      list.forEach((r, i) => x.add(r, tableCells[i]));
      x.flush();
    }
    csv.push([canonical, excel]);
    counts.push(list.length);
    keys.push(tableKeys);
    if (name === 'statements') statementCells = tableCells;
    cells.push(ctx.withCells ? tableCells : []);
    formulaCells += countFormulaCells(t, list);
  }
  const roles = statementRoles(rows.statement_actors, rows.statement_sources);
  let graph = '';
  const nq: string[] = [];
  const ids: string[] = [];
  const light: CsvRow[] = [];
  let minStart: string | undefined;
  let maxEnd: string | undefined;
  rows.statements.forEach((r, j) => {
    const sid = r.statement_id as string;
    ids.push(sid);
    const cs = statementCells[j] as string[];
    const o: CsvRow = {};
    for (let c = 0; c < LIGHT_COLUMNS.length; c++) o[LIGHT_COLUMNS[c] as string] = cs[LIGHT_AT[c] as number] as string;
    light.push(o);
    const ds = r.date_start as string | null;
    const de = r.date_end as string | null;
    if (ds && (minStart === undefined || ds < minStart)) minStart = ds;
    if (de && (maxEnd === undefined || de > maxEnd)) maxEnd = de;
    const nodes = statementGraphNodes(r, roles, doc?.text, prepared[j]!.statement.span);
    graph += `,\n${JSON.stringify(nodes[0])},\n${JSON.stringify(nodes[1])}`;
    for (const g of statementQuadGroups(sid, nodes)) nq.push(g);
  });
  return {
    id,
    ...(index ? { characters: index.length } : {}),
    statements: prepared.length,
    csv,
    rows: counts,
    formulaCells,
    graph,
    nq,
    ids,
    light,
    cellsJson: JSON.stringify(statementCells),
    keys,
    ...(ctx.withCells ? { cells } : {}),
    violations: checker.finish(),
    ...(minStart !== undefined ? { minStart } : {}),
    ...(maxEnd !== undefined ? { maxEnd } : {}),
    ...(unlisted.length ? { unlisted } : {}),
    rowMessages,
    nfcMessages,
  };
}

/** The unlisted places of a document's links, each once, with the name of its first mention. */
function unlistedOf(links: Row[]): Array<[string, string]> {
  const seen = new Map<string, string>();
  for (const r of links) {
    const id = r.place_id as string;
    if (id.startsWith(UNLISTED_PLACE) && !seen.has(id)) seen.set(id, r.mention_text as string);
  }
  return [...seen];
}

/** An append-only file a thread writes fragments' texts to (its offset kept here). */
export interface BlobFile {
  file: string;
  /** Appends the strings' UTF-8 bytes, one after the other, in one write; returns each one's [offset, length]. */
  put(parts: string[]): Array<[number, number]>;
}

/**
 * The fragment with its big texts written to `blob` and replaced by their places; the join copies
 * their bytes without parsing or encoding them. The graph nodes and N-Quads always go (the finish
 * reads them back, in statement-id order). With `crossing` (a worker's fragment, posted to the
 * joining thread) the CSV records and the cells go too, so nothing big is copied between threads
 * or waits in a message; the joining thread's own fragments keep them, to be written out once.
 */
export function toBlob(f: Fragment, blob: BlobFile, crossing: boolean): Fragment {
  // the spreadsheet copy is most often the canonical text itself: then it is not written twice
  const same = f.csv.map(([canonical, excel]) => excel === canonical);
  const csv = crossing ? f.csv.flatMap(([canonical, excel], k) => [canonical, same[k] ? '' : excel]) : [];
  const cells = crossing ? [f.cellsJson] : [];
  // each subject's text a part of its own: encoding it counts its bytes
  const at = blob.put([...csv, ...cells, f.graph, ...f.nq]);
  const c = csv.length;
  const g = c + cells.length;
  const graph = at[g] as [number, number];
  const nqBytes = at.slice(g + 1).map((p) => p[1]);
  const nq: [number, number] = [at.length > g + 1 ? (at[g + 1] as [number, number])[0] : graph[0] + graph[1], nqBytes.reduce((a, b) => a + b, 0)];
  const moved = {
    file: blob.file,
    graph,
    nq,
    ...(crossing ? { csv: f.csv.map((_, k) => [at[2 * k], same[k] ? at[2 * k] : at[2 * k + 1]] as [[number, number], [number, number]]), cells: at[c] as [number, number] } : {}),
  };
  return { ...f, blob: moved, graph: '', nq: [], nqBytes, ...(crossing ? { csv: f.csv.map(() => ['', ''] as [string, string]), cellsJson: '' } : {}) };
}
