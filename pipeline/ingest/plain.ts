// Plain narrative text with no markup: paragraphs separated by line ends; a short line with no
// closing punctuation standing alone between blank lines (or at the top) is a section title.
import type { Document, Message } from '../types.ts';
import { DocumentBuilder, lines } from './builder.ts';

export function readPlainText(id: string, path: string, text: string): { document: Document; messages: Message[] } {
  const b = new DocumentBuilder(id, path, 'plain-text', text);
  const all = [...lines(text)];
  for (let i = 0; i < all.length; i++) {
    const line = all[i] as { text: string; start: number; end: number };
    const t = line.text.trim();
    if (t === '') continue;
    const prevBlank = i === 0 || (all[i - 1]?.text.trim() ?? '') === '';
    const nextBlank = i === all.length - 1 || (all[i + 1]?.text.trim() ?? '') === '';
    if (prevBlank && nextBlank && isTitleLike(t)) {
      const at = line.start + line.text.indexOf(t);
      b.section(2, { start: at, end: at + t.length });
      continue;
    }
    b.block('paragraph', { start: line.start, end: line.end });
  }
  return { document: b.build(), messages: [] };
}

/** A title: short, no sentence punctuation at the end, starts with a capital or digit. */
export function isTitleLike(t: string): boolean {
  return t.length <= 90 && !/[.!?:;,"\u201d]$/.test(t) && /^[\p{Lu}\p{N}]/u.test(t) && t.split(/\s+/).length <= 12;
}
