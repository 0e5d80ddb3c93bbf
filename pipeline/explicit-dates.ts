// The first dater: a sentence is dated only by a full explicit calendar date it contains, or by
// the date its document's structure gives it (WCEP link paths). Narrative resolution replaces it.
import type { Document, Message, SentenceDate } from './types.ts';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const M = '(January|February|March|April|May|June|July|August|September|October|November|December)';
const DMY = new RegExp(`\\b(\\d{1,2}) ${M},? (\\d{4})\\b`, 'g');
const MDY = new RegExp(`\\b${M} (\\d{1,2}),? (\\d{4})\\b`, 'g');
const PROSE = new Set(['paragraph', 'list-item', 'headline', 'caption', 'related']);

function iso(y: string, month: string, d: string): string {
  return `${y}-${String(MONTHS.indexOf(month.toLowerCase()) + 1).padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function dayDate(value: string, text: string, start: number, rule: string): SentenceDate {
  return { start: value, end: value, edtf: value, precision: 'day', qualifier: 'on', text, span: { start, end: start + text.length }, rule, yearBasis: 'explicit', acledTimePrecision: 1, ucdpDatePrec: 1 };
}

export function explicitDates(doc: Document): { dates: Map<number, SentenceDate>; messages: Message[] } {
  const dates = new Map<number, SentenceDate>();
  for (const s of doc.sentences) {
    const block = doc.blocks[s.block];
    if (!block || !PROSE.has(block.kind)) continue;
    let found: SentenceDate | undefined;
    for (const re of [DMY, MDY]) {
      re.lastIndex = 0;
      const m = re.exec(s.text);
      if (m && (!found || m.index + s.span.start < found.span.start)) {
        const value = re === DMY ? iso(m[3] as string, m[2] as string, m[1] as string) : iso(m[3] as string, m[1] as string, m[2] as string);
        found = dayDate(value, m[0], s.span.start + m.index, re === DMY ? 'explicit-dmy' : 'explicit-mdy');
      }
    }
    if (!found && block.structuralDate && block.structuralDateSpan) {
      const span = block.structuralDateSpan;
      found = dayDate(block.structuralDate, doc.text.slice(span.start, span.end), span.start, 'structural-date');
    }
    if (found) dates.set(s.index, found);
  }
  return { dates, messages: [] };
}
