// A document's kind from its content, for raw folders without a manifest entry. The tests run
// in order; the first that holds names the kind.
import type { DocumentKind } from '../types.ts';
import { readDateline } from './news.ts';

interface KindTest {
  kind: DocumentKind;
  rule: string;
  test: (head: string) => boolean;
}

const KIND_TESTS: readonly KindTest[] = [
  { kind: 'html', rule: 'detect-html', test: (h) => /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<!--)/i.test(h) || /<\/(?:p|div|h[1-6]|body|html)>/i.test(h) && /<(?:p|div|h[1-6])[\s>]/i.test(h) },
  { kind: 'wcep-markdown', rule: 'detect-wcep', test: (h) => /^#{1,3}\s*\[\d{4}-\d{1,2}-\d{1,2}\]\(\/news\//m.test(h) || /^Formats: \[HTML\]/m.test(h) },
  { kind: 'wikipedia-text', rule: 'detect-wikipedia', test: (h) => /^=\s*\S.*\s=\s*$/m.test(h) && (/^Infobox\s*$/m.test(h) || /^==+\s*\S.*==+\s*$/m.test(h)) || (h.match(/^==+[^=\n]+==+\s*$/gm)?.length ?? 0) >= 2 },
  { kind: 'news-text', rule: 'detect-news', test: (h) => h.split(/\r\n|\r|\n/).slice(0, 12).some((line) => readDateline(line, 0) !== undefined) },
];

/** Text formats that are data, not documents: reading them as prose would publish nonsense. */
const NOT_DOCUMENTS: readonly { name: string; test: (head: string, path: string) => boolean }[] = [
  { name: 'PDF', test: (h) => h.startsWith('%PDF-') },
  { name: 'RTF', test: (h) => h.startsWith('{\\rtf') },
  { name: 'XML', test: (h) => /^\s*<\?xml\b/.test(h) && !/<html[\s>]/i.test(h) },
  { name: 'JSON', test: (h) => /^\s*[[{]\s*["[{\]}]/.test(h) },
  { name: 'a table (CSV/TSV)', test: (_h, p) => /\.(?:csv|tsv)$/i.test(p) },
  { name: 'a binary or office format', test: (_h, p) => /\.(?:pdf|docx?|xlsx?|pptx?|odt|zip|gz|png|jpe?g|gif|webp|mp[34]|exe)$/i.test(p) },
];

/** The name of a non-document format `text` is in, if it is one. */
export function unrecognisedFormat(text: string, path: string): string | undefined {
  const head = text.slice(0, 2000);
  return NOT_DOCUMENTS.find((f) => f.test(head, path))?.name;
}

export function detectKind(text: string): { kind: DocumentKind; rule: string } {
  const head = text.slice(0, 20000);
  for (const t of KIND_TESTS) if (t.test(head)) return { kind: t.kind, rule: t.rule };
  return { kind: 'plain-text', rule: 'detect-plain' };
}
