// Assembles a Document from the spans a reader finds, so every reader keeps offsets the same way.
import type { Block, BlockKind, Document, DocumentKind, Section, Sentence, Span } from '../types.ts';
import { segment } from './sentences.ts';

/** Blocks whose text is prose and is split into sentences. */
const PROSE: ReadonlySet<BlockKind> = new Set(['paragraph', 'list-item', 'headline', 'caption', 'related']);

export class DocumentBuilder {
  readonly sections: Section[] = [{ index: 0, level: 0, heading: '', parent: null }];
  readonly blocks: Block[] = [];
  readonly sentences: Sentence[] = [];
  private current = 0;

  constructor(
    readonly id: string,
    readonly path: string,
    readonly kind: DocumentKind,
    readonly text: string,
  ) {}

  /** Open a section at `level` (1 = title level); its parent is the nearest shallower section. */
  section(level: number, headingSpan: Span): number {
    let parent: number | null = this.current;
    while (parent !== null && (this.sections[parent] as Section).level >= level) {
      parent = (this.sections[parent] as Section).parent;
    }
    const index = this.sections.length;
    this.sections.push({
      index,
      level,
      heading: this.text.slice(headingSpan.start, headingSpan.end),
      headingSpan,
      parent: parent ?? 0,
    });
    this.current = index;
    this.block('heading', headingSpan);
    return index;
  }

  /**
   * Add a block. Prose blocks are segmented into sentences; an infobox field's value is one
   * sentence of its own (it is a value, not prose).
   */
  block(kind: BlockKind, span: Span, extra: Partial<Omit<Block, 'index' | 'kind' | 'span' | 'section'>> = {}): Block {
    const block: Block = { index: this.blocks.length, kind, section: this.current, span: trim(this.text, span), ...extra };
    if (block.span.end <= block.span.start) return block;
    this.blocks.push(block);
    if (PROSE.has(kind)) {
      for (const s of segment(this.text, block.span.start, block.span.end)) this.sentence(block.index, s);
    } else if (kind === 'infobox-field' && block.valueSpan) {
      const v = trim(this.text, block.valueSpan);
      if (v.end > v.start) this.sentence(block.index, v);
    }
    return block;
  }

  private sentence(block: number, span: Span): void {
    this.sentences.push({ index: this.sentences.length, block, span, text: this.text.slice(span.start, span.end) });
  }

  build(extra: Partial<Document> = {}): Document {
    return {
      id: this.id,
      path: this.path,
      kind: this.kind,
      text: this.text,
      sections: this.sections,
      blocks: this.blocks,
      sentences: this.sentences,
      ...extra,
    };
  }
}

export function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** Each line of `text` with its span (without the line end); \n, \r\n and lone \r all end a line. */
export function* lines(text: string): Generator<{ text: string; start: number; end: number }> {
  let start = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : -1;
    if (c === 10 || c === 13 || c === -1) {
      yield { text: text.slice(start, i), start, end: i };
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
}
