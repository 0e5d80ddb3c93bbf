// Wikipedia Current Events Portal pages rendered as markdown (thecontextnet layout), both the
// day page (`## [2014-02-7](/news/2014/02/7/index.md)`, `##### topic`, `### [headline](path)`,
// a blurb or `_Context: …_` line) and the per-item page (`### [date]`, `# headline`, blurb,
// `### Source(s):`, `### Changes:`, `### Related:` lists). An item's date is carried by its
// link path `/news/YYYY/MM/D/…`, the page's by its date heading.
import { message } from '../diagnostics.ts';
import type { Block, Document, Message, Span } from '../types.ts';
import { DocumentBuilder, lines } from './builder.ts';

const DATE_HEADING = /^#{1,3}\s*\[(\d{4})-(\d{1,2})-(\d{1,2})\]\(([^)]*)\)\s*$/;
const NAV_HEADING = /^#{1,3}\s*\[(?:Previous|Next) Day[^\]]*\]\([^)]*\)\s*$/i;
const LINK_HEADLINE = /^(#{2,4}\s*)\[(.*)\]\(([^)\s]*)\)\s*$/;
const HEADLINE = /^#\s+(.*\S)\s*$/;
const TOPIC = /^#####\s*(.*?)\s*$/;
const LIST_SECTION = /^###\s*(Sources?|Related|Changes)\s*:?\s*$/i;
const LIST_LINK = /^(\s*\d+\.\s*)\[(.*)\]\(([^)\s]*)\)\s*(.*?)\s*$/;
const CONTEXT_TAGS = /^_Context:\s*(.*?)_\s*$/;
const FORMATS = /^Formats:\s*\[/;
const PATH_DATE = /\/news\/(\d{4})\/(\d{1,2})\/(\d{1,2})\//;
// A blurb is the linked source's own summary, and some sources give their site's description
// instead: a call to the reader to get the latest news there (`Get the latest breaking news
// across the U.S. on ABCNews.com`, `Find the latest business news on Wall Street ... on ABC News`,
// `Visit BBC News for up-to-the-minute news`). Such a line says nothing happened on the item's day.
const SITE_BLURB = /^(?:get|find|read|view|watch|browse|discover|visit|follow|stay up to date with|keep up with)\b[^.!?]*\b(?:latest|breaking|up-to-the-minute|top)\b[^.!?]*\bnews\b/i;

export function pathDate(href: string): string | undefined {
  const m = PATH_DATE.exec(href);
  return m ? isoDate(m[1] as string, m[2] as string, m[3] as string) : undefined;
}

function isoDate(y: string, m: string, d: string): string | undefined {
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function readWcepMarkdown(id: string, path: string, text: string): { document: Document; messages: Message[] } {
  const b = new DocumentBuilder(id, path, 'wcep-markdown', text);
  let pageDate: string | undefined;
  let pageDateSpan: Span | undefined;
  let title: string | undefined;
  let list: 'source' | 'related' | 'changes' | undefined;
  let lastItem: Block | undefined;
  const messages: Message[] = [];

  for (const line of lines(text)) {
    const t = line.text;
    if (t.trim() === '' || FORMATS.test(t) || NAV_HEADING.test(t)) continue;
    let m: RegExpExecArray | null;
    if ((m = DATE_HEADING.exec(t))) {
      const date = isoDate(m[1] as string, m[2] as string, m[3] as string);
      if (date && pageDate === undefined) {
        pageDate = date;
        const at = line.start + t.indexOf('[') + 1;
        pageDateSpan = { start: at, end: at + `${m[1]}-${m[2]}-${m[3]}`.length };
        b.block('dateline', pageDateSpan, { structuralDate: date, structuralDateSpan: pageDateSpan, href: m[4] as string });
      }
      continue;
    }
    if ((m = LIST_SECTION.exec(t))) {
      const word = (m[1] as string).toLowerCase();
      list = word.startsWith('source') ? 'source' : word === 'related' ? 'related' : 'changes';
      const at = line.start + t.indexOf(m[1] as string);
      b.section(3, { start: at, end: line.end });
      continue;
    }
    if ((m = TOPIC.exec(t))) {
      list = undefined;
      if (m[1] !== '') {
        const at = line.start + t.indexOf(m[1] as string);
        b.section(3, { start: at, end: at + (m[1] as string).length });
      }
      continue;
    }
    if ((m = LINK_HEADLINE.exec(t))) {
      list = undefined;
      const at = line.start + (m[1] as string).length + 1;
      const href = m[3] as string;
      const date = pathDate(href) ?? pageDate;
      lastItem = b.block('headline', { start: at, end: at + (m[2] as string).length }, {
        href,
        ...(date ? { structuralDate: date, structuralDateSpan: pathDate(href) ? hrefSpan(t, line.start, href) : pageDateSpan } : {}),
      });
      continue;
    }
    if ((m = HEADLINE.exec(t))) {
      list = undefined;
      const at = line.start + t.indexOf(m[1] as string);
      title ??= m[1]?.trim();
      lastItem = b.block('headline', { start: at, end: at + (m[1] as string).length }, dated(pageDate, pageDateSpan));
      continue;
    }
    if ((m = CONTEXT_TAGS.exec(t))) {
      if (lastItem) lastItem.tags = splitTags(m[1] as string);
      continue;
    }
    if (list && (m = LIST_LINK.exec(t))) {
      const at = line.start + (m[1] as string).length + 1;
      const span = { start: at, end: at + (m[2] as string).length };
      const href = m[3] as string;
      const tail = CONTEXT_TAGS.exec(m[4] as string);
      const tags = tail ? { tags: splitTags(tail[1] as string) } : {};
      if (list === 'related') {
        const date = pathDate(href);
        b.block('related', span, { href, ...tags, ...(date ? { structuralDate: date, structuralDateSpan: hrefSpan(t, line.start, href) } : {}) });
      } else {
        b.block('source', span, { href });
      }
      continue;
    }
    // A blurb under an item: prose dated like its item, unless it is its site's description.
    const span = { start: line.start, end: line.end };
    if (SITE_BLURB.test(t.trim())) {
      b.block('paragraph', span);
      messages.push(
        message(
          { reason: 'Unexpected site description as an item blurb, expected a summary of the item: kept undated (it is not a statement of the item\'s day)', ruleId: 'wcep-site-blurb', stage: 'ingest', file: path, severity: 'info' },
          { text, span },
        ),
      );
      continue;
    }
    const date = lastItem?.structuralDate ?? pageDate;
    b.block('paragraph', span, dated(date, lastItem?.structuralDateSpan ?? pageDateSpan));
  }
  return {
    document: b.build({ ...(title ? { title } : {}), ...(pageDate ? { published: pageDate, publishedFrom: pageDateSpan as Span } : {}) }),
    messages,
  };
}

function dated(date: string | undefined, span: Span | undefined): Partial<Block> {
  return date ? { structuralDate: date, ...(span ? { structuralDateSpan: span } : {}) } : {};
}

function hrefSpan(line: string, lineStart: number, href: string): Span {
  const at = lineStart + line.lastIndexOf(href);
  return { start: at, end: at + href.length };
}

function splitTags(s: string): string[] {
  return s.split(',').map((x) => x.trim()).filter((x) => x !== '');
}
