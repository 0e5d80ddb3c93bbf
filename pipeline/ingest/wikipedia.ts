// Wikipedia article as plain text: `= Title =`, an `Infobox` block of `- Key: value` lines,
// `== headings ==` of any depth and spacing, paragraphs one per line, `- ` / `* ` list items.
import { message } from '../diagnostics.ts';
import type { Document, Message } from '../types.ts';
import { DocumentBuilder, lines } from './builder.ts';

const HEADING = /^(=+)\s*(.*?)\s*(=+)\s*$/;
const INFOBOX_FIELD = /^\s*[-*]\s*([A-Za-z][\w ]*?)\s*:\s?(.*)$/;
const LIST_ITEM = /^\s*[-*\u2022]\s+\S/;

export function readWikipediaText(id: string, path: string, text: string): { document: Document; messages: Message[] } {
  const b = new DocumentBuilder(id, path, 'wikipedia-text', text);
  const messages: Message[] = [];
  let title: string | undefined;
  let inInfobox = false;
  for (const line of lines(text)) {
    const t = line.text;
    if (t.trim() === '') {
      inInfobox = false;
      continue;
    }
    const h = HEADING.exec(t);
    if (h) {
      inInfobox = false;
      const level = Math.min((h[1] as string).length, (h[3] as string).length);
      const headingText = h[2] as string;
      const at = line.start + t.indexOf(headingText, (h[1] as string).length);
      if (headingText === '') {
        messages.push(
          message(
            { reason: 'Unexpected heading with no text, expected a heading title between the `=` marks', ruleId: 'wikipedia-empty-heading', stage: 'ingest', file: path, severity: 'warning' },
            { text, span: { start: line.start, end: line.end } },
          ),
        );
        continue;
      }
      if (level === 1 && title === undefined) {
        title = headingText;
        b.block('title', { start: at, end: at + headingText.length });
        continue;
      }
      b.section(level, { start: at, end: at + headingText.length });
      continue;
    }
    if (/^\s*infobox\b/i.test(t) && t.trim().split(/\s+/).length <= 3) {
      inInfobox = true;
      continue;
    }
    if (inInfobox) {
      const f = INFOBOX_FIELD.exec(t);
      if (f) {
        const key = f[1] as string;
        const value = f[2] as string;
        const valueStart = line.end - value.length;
        b.block('infobox-field', { start: line.start, end: line.end }, { key, valueSpan: { start: valueStart, end: line.end } });
      } else {
        messages.push(
          message(
            { reason: `Unexpected infobox line \`${t.slice(0, 40)}\`, expected \`- Key: value\``, ruleId: 'wikipedia-infobox-line', stage: 'ingest', file: path, severity: 'warning' },
            { text, span: { start: line.start, end: line.end } },
          ),
        );
        b.block('paragraph', { start: line.start, end: line.end });
      }
      continue;
    }
    if (LIST_ITEM.test(t)) {
      const m = /^\s*[-*\u2022]\s+/.exec(t) as RegExpExecArray;
      b.block('list-item', { start: line.start + m[0].length, end: line.end });
      continue;
    }
    b.block('paragraph', { start: line.start, end: line.end });
  }
  return { document: b.build(title === undefined ? {} : { title }), messages };
}
