// The rows of the searchable statements table, prepared at build time so the page script only
// filters, sorts and renders: the date expression is cut out of the sentence here (code-point
// offsets), names are resolved from the gazetteer tables, and the search text is normalised.
import { MONTH_NAMES, statementMonth } from './timeline.ts';
import { type CsvRow, listCell } from './release.ts';

export interface TableRow {
  /** statement_id */
  i: string;
  /** date label, precision line, sort key */
  d: [string, string, string];
  /** sentence before / the date expression / after */
  t: [string, string, string];
  p: string[];
  a: string[];
  c: string[];
  /** index into the documents list */
  doc: number;
  k: string;
  /** month for the chart filter, '' when the date spans months */
  m: string;
  /** normalised search text */
  h: string;
}

export interface TableData {
  rows: TableRow[];
  docs: Array<{ id: string; title: string; url: string }>;
  /** Statements in the release, present only when the page embeds a sample of them. */
  total?: number;
}

/**
 * Most statements the page embeds. Each costs ~0.8 KB of page (sentence, names, search text),
 * so 5,000 keep index.html near 4 MB: it opens on a phone and the page script filters it at
 * typing speed. A release with more (the 98-page WCEP corpus at 10x has 17,810) embeds an
 * evenly spaced sample in date order, so every month of the chart still lists statements;
 * statements.csv has them all.
 */
export const EMBED_LIMIT = 5000;

/** Lower case, no diacritics, apostrophes and hyphens as spaces: `al-Khalidiyah` ~ `al khalidiyah`. */
export function searchNormal(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[-‐‑–—'’ʿʾ`_]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim();
}

function dayLabel(iso: string): string {
  const [y, m, d] = iso.split('-');
  if (!y || !m || !d) return iso;
  return `${Number(d)} ${MONTH_NAMES[Number(m) - 1] ?? m} ${y}`;
}

const QUALIFIER_WORDS: Record<string, string> = { by: 'by', around: 'around', after: 'after', before: 'before', since: 'since', until: 'until', planned: 'planned for' };

/** A human date for the precision the text gave: `4 February 2012`, `May 2011`, `2012`, `21 – 31 October 2011`. */
export function dateLabel(row: CsvRow): string {
  const start = row.date_start ?? '';
  const end = row.date_end ?? start;
  const precision = row.date_precision ?? '';
  let core: string;
  if (precision === 'year') core = start.slice(0, 4);
  else if (precision === 'month' && start.slice(0, 7) === end.slice(0, 7)) core = `${MONTH_NAMES[Number(start.slice(5, 7)) - 1] ?? ''} ${start.slice(0, 4)}`;
  else if (start === end) core = dayLabel(start);
  else core = `${dayLabel(start)} – ${dayLabel(end)}`;
  const q = QUALIFIER_WORDS[row.date_qualifier ?? ''];
  return q ? `${q} ${core}` : core;
}

/** Sentence split around the date expression; falls back to a text search, then to no highlight. */
export function highlight(row: CsvRow): [string, string, string] {
  const text = row.text ?? '';
  const dateText = row.date_text ?? '';
  const chars = Array.from(text); // offsets are code points
  const cs = Number(row.char_start);
  const ds = Number(row.date_char_start);
  const de = Number(row.date_char_end);
  if (row.date_char_start && row.date_char_end && Number.isInteger(cs) && Number.isInteger(ds) && Number.isInteger(de)) {
    const a = ds - cs;
    const b = de - cs;
    if (a >= 0 && b <= chars.length && a < b) {
      const hit = chars.slice(a, b).join('');
      if (!dateText || hit === dateText) return [chars.slice(0, a).join(''), hit, chars.slice(b).join('')];
    }
  }
  const u = dateText ? text.indexOf(dateText) : -1;
  if (u >= 0) return [text.slice(0, u), dateText, text.slice(u + dateText.length)];
  return [text, '', ''];
}

const nameMap = (rows: CsvRow[], key: string): Map<string, CsvRow> => new Map(rows.map((r) => [r[key] ?? '', r]));

/**
 * The embedded table. `statements` need only the columns the order and the counts read
 * (statement_id, document_id, char_start, date_start, date_end, place_ids, actor_ids) when
 * `expand` gives the picked ones whole (publish keeps no more than that of 100,000s of rows).
 */
export function buildTableData(statements: CsvRow[], places: CsvRow[], actors: CsvRow[], documents: CsvRow[], limit = EMBED_LIMIT, expand?: (picked: CsvRow[]) => CsvRow[]): TableData {
  const placeById = nameMap(places, 'place_id');
  const actorById = nameMap(actors, 'actor_id');
  const docIds = [...new Set([...documents.map((d) => d.document_id ?? ''), ...statements.map((s) => s.document_id ?? '')])].filter(Boolean).sort();
  const docById = nameMap(documents, 'document_id');
  const docs = docIds.map((id) => ({ id, title: docById.get(id)?.title || id, url: docById.get(id)?.url ?? '' }));
  const docIndex = new Map(docIds.map((id, i) => [id, i]));
  const nameOf = (m: Map<string, CsvRow>, id: string) => m.get(id)?.name || id;
  const names = (m: Map<string, CsvRow>, id: string) => [m.get(id)?.name ?? '', ...listCell(m.get(id)?.alt_names), id];

  // default order: by date, then document order
  const ordered = [...statements].sort(
    (a, b) =>
      cmp(a.date_start ?? '', b.date_start ?? '') ||
      cmp(a.date_end ?? '', b.date_end ?? '') ||
      cmp(a.document_id ?? '', b.document_id ?? '') ||
      Number(a.char_start) - Number(b.char_start) ||
      cmp(a.statement_id ?? '', b.statement_id ?? ''),
  );
  // the sample: n evenly spaced picks of the date order (all of them when n = length)
  const n = Math.min(ordered.length, Math.max(0, Math.floor(limit)));
  const sample = n === ordered.length ? ordered : Array.from({ length: n }, (_, i) => ordered[Math.floor((i * ordered.length) / n)] as CsvRow);
  const picked = expand ? expand(sample) : sample;
  const rows = picked.map((s): TableRow => {
    const placeIds = listCell(s.place_ids);
    const actorIds = listCell(s.actor_ids);
    const sourceIds = listCell(s.source_ids);
    const doc = docs[docIndex.get(s.document_id ?? '') ?? -1];
    const lo = s.killed_low ?? '';
    const hi = s.killed_high ?? '';
    const killed = lo && hi && lo !== hi ? `${lo}–${hi}` : lo || hi;
    const haystack = [
      s.text,
      s.date_text,
      s.date_edtf,
      s.statement_id,
      doc?.title,
      s.document_id,
      ...placeIds.flatMap((id) => names(placeById, id)),
      ...[...actorIds, ...sourceIds].flatMap((id) => names(actorById, id)),
    ].join(' \u0001 ');
    const precision = [s.date_precision, s.date_edtf].filter(Boolean).join(' · ');
    return {
      i: s.statement_id ?? '',
      d: [dateLabel(s), precision, `${s.date_start ?? ''}/${s.date_end ?? ''}`],
      t: highlight(s),
      p: placeIds.map((id) => nameOf(placeById, id)),
      a: actorIds.map((id) => nameOf(actorById, id)),
      c: sourceIds.map((id) => nameOf(actorById, id)),
      doc: docIndex.get(s.document_id ?? '') ?? -1,
      k: killed,
      m: statementMonth(s) ?? '',
      h: searchNormal(haystack),
    };
  });
  return { rows, docs, ...(rows.length < statements.length ? { total: statements.length } : {}) };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
