// Records -> table rows. Offsets become Unicode code points (what Python, R and DuckDB index by);
// statement ids are derived here from content so the published contract holds whatever the
// upstream stage did.
import { message } from '../diagnostics.ts';
import { CodePointIndex } from '../codepoints.ts';
import { deriveStatementId, normaliseSentence, UNLISTED_PLACE } from '../ids.ts';
import { LineIndex } from '../positions.ts';
import type { ActorRecord, Document, Message, PlaceRecord, SourceEntry, Span, Statement } from '../types.ts';
import type { Row } from './model.ts';

const STAGE = 'publish';

export interface ReleaseDocument {
  entry: SourceEntry;
  kind: Document['kind'];
  title?: string;
  published?: string;
  /** Decoded raw text (the string the UTF-16 spans index). */
  text: string;
}

export { CodePointIndex };

const TABLE_DATE = /^(?!0000)\d{4}-\d{2}-\d{2}$/;

export { deriveStatementId, normaliseSentence };

const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

export interface PreparedStatement {
  id: string;
  statement: Statement;
  doc: ReleaseDocument | undefined;
  start: number; // code points
  end: number;
}

/** Statements in document order with their published ids. */
export function prepareStatements(statements: Statement[], docs: Map<string, ReleaseDocument>, indexes: Map<string, CodePointIndex>): PreparedStatement[] {
  const ordered = [...statements].sort(
    (a, b) => cmp(a.documentId, b.documentId) || a.span.start - b.span.start || a.span.end - b.span.end || cmp(a.text, b.text),
  );
  const seen = new Map<string, number>();
  return ordered.map((s) => {
    const norm = normaliseSentence(s.text);
    const key = `${s.documentId}\u0000${norm}`;
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    const idx = indexes.get(s.documentId);
    return {
      // (normaliseSentence is idempotent: the id of the text, normalised once)
      id: deriveStatementId(s.documentId, norm, n),
      statement: s,
      doc: docs.get(s.documentId),
      start: idx ? idx.at(s.span.start) : s.span.start,
      end: idx ? idx.at(s.span.end) : s.span.end,
    };
  });
}

/** Empty strings and undefined become null: in the published tables an empty cell means null and nothing else. */
const str = (v: string | undefined | null): string | null => (v === undefined || v === null || v === '' ? null : v);
const num = (v: number | undefined | null): number | null => (v === undefined || v === null || !Number.isFinite(v) ? null : v);
const list = (v: string[] | undefined): string[] | null => (v && v.length ? v : null);

function uniqueInOrder(ids: string[]): string[] {
  return [...new Set(ids)];
}

/** The rows one document's statements give: statements and the three link tables (deduplicated, in order). */
export interface StatementRows {
  statements: Row[];
  statement_places: Row[];
  statement_actors: Row[];
  statement_sources: Row[];
}

/**
 * The statement and link rows of `prepared`: the statements of one document (or several; link
 * rows follow statement order, then mention position). `documentsById` gives their raw text.
 */
export function statementRows(
  prepared: PreparedStatement[],
  documentsById: Map<string, ReleaseDocument>,
  placeIds: Set<string>,
  actorIds: Set<string>,
  indexes: Map<string, CodePointIndex>,
  messages: Message[],
): StatementRows {
  const lines = new Map<string, LineIndex>();
  const where = (s: Statement, span: Span) => {
    const doc = documentsById.get(s.documentId);
    if (!doc) return undefined;
    let li = lines.get(s.documentId);
    if (!li) lines.set(s.documentId, (li = new LineIndex(doc.text)));
    return { lines: li, span };
  };

  const statements: Row[] = [];
  const outOfRange = new Map<string, { count: number; s: Statement }>();
  const sp: Row[] = [];
  const sa: Row[] = [];
  const ss: Row[] = [];
  for (const p of prepared) {
    const s = p.statement;
    const file = p.doc?.entry.path ?? s.documentId;
    if (!p.doc) {
      messages.push(message({ reason: `Unexpected document id \`${s.documentId}\`, expected one of the release's documents`, ruleId: 'publish-unknown-document', stage: STAGE, file }));
    } else if (p.doc.kind !== 'html' && p.doc.text.slice(s.span.start, s.span.end) !== s.text) {
      // (an HTML statement's text is the visible text of a span of markup: it cannot equal the raw slice)
      messages.push(
        message({ reason: 'Unexpected statement text, expected the raw characters of its span', ruleId: 'publish-text-span-mismatch', stage: STAGE, file, actual: s.text.slice(0, 80), expected: p.doc.text.slice(s.span.start, s.span.end).slice(0, 80) }, where(s, s.span)),
      );
    }
    const idx = indexes.get(s.documentId);
    const cp = (n: number) => (idx ? idx.at(n) : n);
    const link = (kind: 'place' | 'actor' | 'source', id: string, known: Set<string>, span: Span): boolean => {
      if (known.has(id) || (kind === 'place' && id.startsWith(UNLISTED_PLACE))) return true;
      messages.push(
        message({ reason: `Unexpected ${kind} id \`${id}\`, expected an id of ${kind === 'place' ? 'places' : 'actors'}.csv; the link is left out`, ruleId: 'publish-unknown-entity', stage: STAGE, file, actual: id }, where(s, span)),
      );
      return false;
    };
    const pls = s.places.filter((m) => link('place', m.id, placeIds, m.span));
    const acts = s.actors.filter((m) => link('actor', m.id, actorIds, m.span));
    const srcs = s.sources.filter((m) => link('source', m.id, actorIds, m.span));
    for (const m of pls) sp.push({ statement_id: p.id, place_id: m.id, mention_text: m.text, char_start: cp(m.span.start), char_end: cp(m.span.end) });
    for (const m of acts) sa.push({ statement_id: p.id, actor_id: m.id, role: m.role, mention_text: m.text, char_start: cp(m.span.start), char_end: cp(m.span.end) });
    // one attribution per (source, kind): the list columns pair source_ids with claim_kinds
    const claims = new Map<string, string>();
    for (const m of srcs) {
      ss.push({ statement_id: p.id, source_id: m.id, claim_kind: m.kind, mention_text: m.text, char_start: cp(m.span.start), char_end: cp(m.span.end) });
      if (!claims.has(`${m.id}\u0000${m.kind}`)) claims.set(`${m.id}\u0000${m.kind}`, m.kind);
    }
    const claimPairs = [...claims.keys()].map((k) => k.split('\u0000') as [string, string]);
    const d = s.date;
    const c = s.casualties;
    // A Table Schema `date` (and pandas, DuckDB, Excel) holds years 0001-9999 only: a BC date
    // keeps its exact value in date_edtf, and its start/end cells are null rather than invalid.
    const calendarRange = TABLE_DATE.test(d.start) && TABLE_DATE.test(d.end);
    if (!calendarRange) {
      // one message per document (an ancient history has a hundred such dates), at its first
      const o = outOfRange.get(file);
      if (o) o.count++;
      else outOfRange.set(file, { count: 1, s });
    }
    statements.push({
      statement_id: p.id,
      document_id: s.documentId,
      sentence_index: s.sentence,
      text: s.text,
      char_start: p.start,
      char_end: p.end,
      section: str(s.section),
      date_start: calendarRange ? d.start : null,
      date_end: calendarRange ? d.end : null,
      date_edtf: d.edtf,
      date_precision: d.precision,
      date_qualifier: d.qualifier,
      date_text: d.text,
      date_char_start: d.span ? cp(d.span.start) : null,
      date_char_end: d.span ? cp(d.span.end) : null,
      date_rule: d.rule,
      year_basis: d.yearBasis,
      date_resolved_from: str(d.resolvedFrom),
      acled_time_precision: d.acledTimePrecision,
      ucdp_date_prec: d.ucdpDatePrec,
      place_ids: list(uniqueInOrder(pls.map((m) => m.id))),
      actor_ids: list(uniqueInOrder(acts.map((m) => m.id))),
      source_ids: list(claimPairs.map(([id]) => id)),
      claim_kinds: list(claimPairs.map(([, kind]) => kind)),
      killed_low: num(c.killedLow),
      killed_high: num(c.killedHigh),
      killed_text: str(c.killedText),
      wounded_low: num(c.woundedLow),
      wounded_high: num(c.woundedHigh),
      wounded_text: str(c.woundedText),
    });
  }

  for (const [file, { count, s }] of outOfRange) {
    const d = s.date;
    const others = count > 1 ? ` (and ${count - 1} more statement${count > 2 ? 's' : ''} of this document)` : '';
    messages.push(message({ reason: `Unexpected date ${d.start}..${d.end}${others} outside years 0001-9999, expected a Table Schema date: published in date_edtf (${d.edtf}) with date_start/date_end empty`, ruleId: 'publish-date-out-of-range', stage: STAGE, file, severity: 'warning' }, where(s, s.span)));
  }

  const byKey = (...cols: string[]) => (a: Row, b: Row) => {
    for (const c of cols) {
      const r = cmp(a[c] as string | number, b[c] as string | number);
      if (r) return r;
    }
    return 0;
  };
  // link tables follow statement order (document order), then mention position
  const order = new Map(prepared.map((p, i) => [p.id, i]));
  const byStatement = (a: Row, b: Row) => (order.get(a.statement_id as string) as number) - (order.get(b.statement_id as string) as number);
  const dedupe = (rows: Row[], key: string[]) => {
    const seen = new Set<string>();
    return rows.filter((r) => {
      const k = key.map((c) => String(r[c])).join('\u0000');
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  };
  return {
    statements,
    statement_places: dedupe(sp, ['statement_id', 'place_id', 'char_start']).sort((a, b) => byStatement(a, b) || byKey('char_start', 'place_id')(a, b)),
    statement_actors: dedupe(sa, ['statement_id', 'actor_id', 'role', 'char_start']).sort((a, b) => byStatement(a, b) || byKey('char_start', 'actor_id', 'role')(a, b)),
    statement_sources: dedupe(ss, ['statement_id', 'source_id', 'claim_kind', 'char_start']).sort((a, b) => byStatement(a, b) || byKey('char_start', 'source_id', 'claim_kind')(a, b)),
  };
}

/** Document metadata without its text (what the tables and the graph say of a document). */
export type ReleaseDocumentMeta = Omit<ReleaseDocument, 'text'>;

/** The documents, places and actors tables; `counts` and `characters` are per document id. */
export function entityRows(documents: readonly ReleaseDocumentMeta[], places: PlaceRecord[], actors: ActorRecord[], counts: Map<string, number>, characters: Map<string, number>): { documents: Row[]; places: Row[]; actors: Row[] } {
  const docRows: Row[] = [...documents]
    .sort((a, b) => cmp(a.entry.id, b.entry.id))
    .map((d) => {
      const e = d.entry;
      const published = str(d.published ?? e.published);
      return {
        document_id: e.id,
        path: e.path,
        kind: d.kind,
        title: str(d.title ?? e.title),
        url: str(e.url),
        publisher: str(e.publisher),
        published,
        published_date: published ? published.slice(0, 10) : null,
        retrieved: str(e.retrieved),
        licence: str(e.licence),
        licence_url: str(e.licence_url),
        attribution: str(e.attribution),
        language: str(e.language),
        sha256: e.sha256,
        characters: characters.get(e.id) ?? null,
        statement_count: counts.get(e.id) ?? 0,
      };
    });

  const placeRows: Row[] = [...places]
    .sort((a, b) => cmp(a.place_id, b.place_id))
    .map((p) => ({
      place_id: p.place_id,
      name: p.name,
      alt_names: list(p.alt_names),
      name_ar: str(p.name_ar),
      type: p.type,
      parent_id: str(p.parent),
      latitude: num(p.latitude),
      longitude: num(p.longitude),
      geo_precision: p.geo_precision,
      wikidata_qid: str(p.wikidata_qid),
      geonames_id: p.geonames_id ? Number(p.geonames_id) : null,
      coordinates_source: str(p.coordinates_source),
      wikidata_source: str(p.wikidata_source),
      geonames_source: str(p.geonames_source),
      note: str(p.note),
    }));

  const actorRows: Row[] = [...actors]
    .sort((a, b) => cmp(a.actor_id, b.actor_id))
    .map((a) => ({
      actor_id: a.actor_id,
      name: a.name,
      alt_names: list(a.alt_names),
      type: a.type,
      side: str(a.side),
      parent_id: str(a.parent),
      wikidata_qid: str(a.wikidata_qid),
      wikidata_source: str(a.wikidata_source),
      note: str(a.note),
    }));
  return { documents: docRows, places: placeRows, actors: actorRows };
}
