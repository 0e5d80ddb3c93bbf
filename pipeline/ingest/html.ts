// HTML pages (Wikipedia articles and news articles) through cheerio. Nothing in the page is
// executed: scripts, styles, templates and comments are never read. The Document's text is a
// view of the page's visible text, one block per paragraph / heading / list item / caption /
// infobox row, with `rawOffsets` mapping every character of the view back to the raw file.
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { decodeHTML } from 'entities';
import type { BlockKind, Document, Message, Span } from '../types.ts';
import { DocumentBuilder } from './builder.ts';
import { readDateline } from './news.ts';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'iframe', 'object', 'nav', 'footer', 'button', 'form', 'select', 'sup']);
const BLOCK_KIND: Record<string, BlockKind> = { p: 'paragraph', li: 'list-item', figcaption: 'caption', blockquote: 'paragraph', dd: 'paragraph', dt: 'paragraph' };
const ENTITY = /^&(?:#\d{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)/;

interface Piece {
  kind: BlockKind | 'heading';
  level?: number;
  key?: string;
  chars: string[];
  offsets: number[];
}

/** Visible text of `node` with the raw offset of each character; whitespace runs collapse to one space. */
function collect(node: AnyNode, raw: string, out: { chars: string[]; offsets: number[] }): void {
  if (node.type === 'text') {
    const loc = (node as AnyNode & { sourceCodeLocation?: { startOffset: number; endOffset: number } }).sourceCodeLocation;
    if (!loc) return;
    let i = loc.startOffset;
    while (i < loc.endOffset) {
      let ch: string;
      let width = 1;
      if (raw[i] === '&') {
        const m = ENTITY.exec(raw.slice(i, Math.min(i + 40, loc.endOffset)));
        if (m) {
          const decoded = decodeHTML(m[0]);
          if (decoded !== m[0]) {
            ch = decoded;
            width = m[0].length;
          } else ch = '&';
        } else ch = '&';
      } else ch = raw[i] as string;
      // One entry per UTF-16 unit, so offsets index the view exactly.
      for (let u = 0; u < ch.length; u++) {
        const c = ch[u] as string;
        const space = /\s/.test(c);
        if (space) {
          if (out.chars.length > 0 && out.chars[out.chars.length - 1] !== ' ') {
            out.chars.push(' ');
            out.offsets.push(i);
          }
        } else {
          out.chars.push(c);
          out.offsets.push(i);
        }
      }
      i += width;
    }
    return;
  }
  if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
    const el = node as Element;
    if (SKIP.has(el.name) || el.attribs['aria-hidden'] === 'true' || /\b(?:mw-editsection|reference|navbox|reflist)\b/.test(el.attribs.class ?? '')) return;
    if (el.name === 'br') {
      out.chars.push(' ');
      out.offsets.push(el.sourceCodeLocation?.startOffset ?? out.offsets[out.offsets.length - 1] ?? 0);
      return;
    }
    for (const child of el.children) collect(child, raw, out);
  }
}

export function readHtml(id: string, path: string, raw: string): { document: Document; messages: Message[] } {
  const $ = cheerio.load(raw, { sourceCodeLocationInfo: true, scriptingEnabled: false } as cheerio.CheerioOptions);
  const pieces: Piece[] = [];
  const add = (kind: Piece['kind'], el: AnyNode, extra: Partial<Piece> = {}): void => {
    const acc = { chars: [] as string[], offsets: [] as number[] };
    collect(el, raw, acc);
    while (acc.chars[acc.chars.length - 1] === ' ') {
      acc.chars.pop();
      acc.offsets.pop();
    }
    if (acc.chars[0] === ' ') {
      acc.chars.shift();
      acc.offsets.shift();
    }
    if (acc.chars.length > 0) pieces.push({ kind, ...extra, ...acc });
  };

  const walk = (node: AnyNode): void => {
    if (node.type !== 'tag') return;
    const el = node as Element;
    if (SKIP.has(el.name)) return;
    const cls = el.attribs.class ?? '';
    if (/\b(?:mw-editsection|navbox|reflist|references|toc|mw-jump-link|catlinks|printfooter)\b/.test(cls) || el.attribs.role === 'navigation') return;
    if (el.name === 'table' && /\binfobox\b/.test(cls)) {
      for (const tr of $(el).find('tr').toArray()) {
        const th = $(tr).children('th').first()[0];
        const td = $(tr).children('td').first()[0];
        if (th && td) {
          const key = $(th).text().replace(/\s+/g, ' ').trim();
          if (key) add('infobox-field', td, { key });
        }
      }
      return;
    }
    const h = /^h([1-6])$/.exec(el.name);
    if (h) {
      add('heading', el, { level: Number(h[1]) });
      return;
    }
    if (el.name === 'figcaption' || (el.name === 'div' && /\b(?:caption|thumbcaption)\b/.test(cls))) {
      add('caption', el);
      return;
    }
    const kind = BLOCK_KIND[el.name];
    if (kind) {
      // A list item that holds nested blocks contributes only its own text through its children.
      if (el.name === 'li' && $(el).children('ul,ol,p,div').length > 0) {
        for (const child of el.children) walk(child);
        return;
      }
      add(kind, el);
      return;
    }
    if (el.name === 'table' || el.name === 'tbody' || el.name === 'thead' || el.name === 'tr') {
      for (const child of el.children) walk(child);
      return;
    }
    if (el.name === 'td' || el.name === 'th') {
      add('paragraph', el);
      return;
    }
    for (const child of el.children) walk(child);
  };
  const root = $('body')[0] ?? $.root()[0];
  if (root) for (const child of (root as Element).children ?? []) walk(child);

  // The text view: blocks separated by a blank line, each separator mapped to the end of its block.
  const chars: string[] = [];
  const offsets: number[] = [];
  const spans: Span[] = [];
  for (const p of pieces) {
    if (chars.length > 0) {
      const at = (offsets[offsets.length - 1] ?? 0) + 1;
      chars.push('\n', '\n');
      offsets.push(at, at);
    }
    const start = chars.length;
    chars.push(...p.chars);
    offsets.push(...p.offsets);
    spans.push({ start, end: chars.length });
  }
  const text = chars.join('');
  const rawOffsets = new Uint32Array(offsets.length + 1);
  rawOffsets.set(offsets);
  rawOffsets[offsets.length] = raw.length;
  const b = new DocumentBuilder(id, path, 'html', text);
  let title = $('h1#firstHeading').first().text().trim() || $('meta[property="og:title"]').attr('content')?.trim() || $('title').first().text().trim() || undefined;
  // A visible dateline in the first blocks dates the page when no meta does; a paragraph that is
  // only one (`Last updated: 21 March, 2012`) is no sentence of the story.
  let dateline: ReturnType<typeof readDateline>;
  pieces.forEach((p, i) => {
    const span = spans[i] as Span;
    const dl = i < DATELINE_BLOCKS && p.kind !== 'heading' ? readDateline(text.slice(span.start, span.end), span.start) : undefined;
    dateline ??= dl;
    if (dl && p.kind === 'paragraph') {
      b.block('dateline', span);
      return;
    }
    if (p.kind === 'heading') {
      if (p.level === 1 && b.sections.length === 1 && b.blocks.every((x) => x.kind !== 'title')) b.block('title', span);
      else b.section(p.level ?? 2, span);
    } else if (p.kind === 'infobox-field') {
      b.block('infobox-field', span, { key: p.key as string, valueSpan: span });
    } else b.block(p.kind, span);
  });
  const publishedRaw =
    $('meta[property="article:published_time"]').attr('content') ??
    $('meta[property="og:published_time"]').attr('content') ??
    $('meta[itemprop="datePublished"]').attr('content') ??
    $('meta[name="date"]').attr('content') ??
    $('meta[name="pubdate"]').attr('content') ??
    $('meta[name="publish-date"]').attr('content') ??
    $('meta[name="DC.date.issued"]').attr('content') ??
    jsonLdDatePublished($) ??
    $('[itemprop="datePublished"][datetime]').first().attr('datetime') ??
    $('time[datetime]').first().attr('datetime');
  const published = publishedRaw ? normaliseIsoDateTime(publishedRaw) : undefined;
  let publishedFrom: Span | 'manifest' | undefined;
  let publishedValue = published;
  if (!publishedValue && dateline) {
    publishedValue = dateline.published;
    publishedFrom = dateline.span;
  }
  if (title === '') title = undefined;
  const document = b.build({
    rawOffsets,
    ...(title ? { title } : {}),
    ...(publishedValue ? { published: publishedValue } : {}),
    ...(publishedFrom ? { publishedFrom } : {}),
  });
  return { document, messages: [] };
}

// How many blocks from the top a dateline paragraph may be.
const DATELINE_BLOCKS = 8;

/**
 * `datePublished` of the page's schema.org JSON-LD (`NewsArticle`), read as data: the script is
 * never run, and one that does not parse is passed over.
 */
function jsonLdDatePublished($: cheerio.CheerioAPI): string | undefined {
  for (const el of $('script[type="application/ld+json"]').toArray()) {
    let data: unknown;
    try {
      data = JSON.parse($(el).text());
    } catch {
      continue;
    }
    const found = datePublishedIn(data, 0);
    if (found) return found;
  }
  return undefined;
}

function datePublishedIn(data: unknown, depth: number): string | undefined {
  if (depth > 3 || data === null || typeof data !== 'object') return undefined;
  if (Array.isArray(data)) {
    for (const x of data) {
      const f = datePublishedIn(x, depth + 1);
      if (f) return f;
    }
    return undefined;
  }
  const o = data as Record<string, unknown>;
  if (typeof o.datePublished === 'string') return o.datePublished;
  return datePublishedIn(o['@graph'], depth + 1);
}

/** ISO 8601 from a meta tag, kept to minutes with its offset (`2014-05-07T21:01+10:00`). */
function normaliseIsoDateTime(s: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?/.exec(s.trim());
  if (!m) return undefined;
  let out = m[1] as string;
  if (m[2]) out += `T${m[2]}`;
  if (m[2] && m[3]) out += m[3] === 'Z' ? 'Z' : (m[3] as string).replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return out;
}
