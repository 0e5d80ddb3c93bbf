// The per-document stages, in order: decode -> ingest -> dates + normalise (statements) ->
// validate. A pure function of the raw bytes, the manifest entry and the configured stages; the
// unit of caching, parallelism and sharding.
import { message } from './diagnostics.ts';
import { nonEnglish } from './ingest/language.ts';
import { decode } from './ingest/decode.ts';
import { ingest } from './ingest/index.ts';
import { LineIndex } from './positions.ts';
import { buildStatements, type Dater, type Normalizer } from './statements.ts';
import type { Fragment } from './publish/fragment.ts';
import type { Document, Message, SourceEntry, Statement } from './types.ts';
import { validateRecord } from './validate.ts';

export interface DocumentResult {
  entry: SourceEntry;
  /** The document without its sentences and blocks (what the aggregate side needs). */
  document?: Pick<Document, 'id' | 'path' | 'kind' | 'title' | 'published'> & { text: string; rawOffsets?: number[] };
  statements: Statement[];
  messages: Message[];
  /** When the map made the document's publish fragment (its big texts in a blob file): the fragment, and how many statements there are. */
  fragment?: Fragment;
  statementCount?: number;
  /** The fragment came from the fragment cache (fragment-cache.ts). */
  cachedFragment?: true;
}

export interface Stages {
  dater: Dater;
  normalizer?: Normalizer;
}

export function processDocument(entry: SourceEntry, bytes: Uint8Array, file: string, stages: Stages): DocumentResult {
  const decoded = decode(bytes, file);
  const messages = [...decoded.messages];
  if (decoded.text === undefined) return { entry, statements: [], messages };
  const text = decoded.text;
  const { document, messages: ingestMessages } = ingest({
    id: entry.id,
    path: file,
    text,
    ...(entry.kind ? { kind: entry.kind } : {}),
    ...(entry.published ? { published: entry.published } : {}),
    ...(entry.title ? { title: entry.title } : {}),
  });
  messages.push(...ingestMessages);
  if (!document) return { entry, statements: [], messages };
  // The rules read English: a page in another language is listed, with no statements made up from it.
  const foreign = entry.language && !/^en\b/i.test(entry.language) ? { language: entry.language, evidence: 'its sources.json entry says so' } : nonEnglish(document.text);
  const { statements, messages: stmtMessages } = foreign ? { statements: [], messages: [] } : buildStatements(document, stages.dater, stages.normalizer);
  if (foreign) {
    messages.push(message({
      reason: `Unexpected language ${foreign.language} (${foreign.evidence}), expected English: the dating and linking rules read English, so the document is listed with no statements`,
      ruleId: 'language-not-english', stage: 'ingest', file, severity: 'warning', actual: foreign.language, expected: 'en',
    }));
  }
  messages.push(...stmtMessages);
  if (statements.length === 0 && document.sentences.length > 0 && !foreign) {
    messages.push(message({ reason: 'Unexpected document with no dated statement, expected at least one sentence with a date', ruleId: 'statements-none', stage: 'statements', file, severity: 'warning' }));
  }
  const lines = new LineIndex(text);
  for (const s of statements) {
    const raw = rawSpan(document, s.span);
    messages.push(
      ...validateRecord('statement.schema.json', s, { file, label: `statement ${s.statementId}`, start: lines.point(raw.start), end: lines.point(raw.end) }),
    );
  }
  for (const m of messages) if (m.file === entry.path) m.file = file;
  return {
    entry,
    document: {
      id: document.id,
      path: entry.path,
      kind: document.kind,
      ...(document.title ? { title: document.title } : {}),
      ...(document.published ? { published: document.published } : {}),
      text: document.text,
      ...(document.rawOffsets ? { rawOffsets: [...document.rawOffsets] } : {}),
    },
    statements,
    messages,
  };
}

/** A span of the document's text as a span of the raw file (they differ only for HTML views). */
export function rawSpan(doc: { rawOffsets?: ArrayLike<number> }, span: { start: number; end: number }): { start: number; end: number } {
  const map = doc.rawOffsets;
  if (!map) return span;
  const start = map[span.start] ?? 0;
  const last = map[Math.max(span.start, span.end - 1)] ?? start;
  return { start, end: Math.max(start, last + 1) };
}
