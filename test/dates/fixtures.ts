// Hand-built Documents for dating tests: one paragraph block per blank-line paragraph, one
// heading block per `== Heading ==` line, sentences cut at ". " (enough for fixtures).
import type { Block, Document, DocumentKind, Section, Sentence } from '../../pipeline/types.ts';

export function documentOf(text: string, kind: DocumentKind = 'wikipedia-text', published?: string, structural?: Record<number, string>): Document {
  const sections: Section[] = [{ index: 0, level: 0, heading: '', parent: null }];
  const blocks: Block[] = [];
  const sentences: Sentence[] = [];
  const re = /[^\n]+/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const line = m[0];
    const start = m.index;
    const h = /^(=+)\s*(.*?)\s*=+\s*$/.exec(line);
    if (h) {
      const hs = start + line.indexOf(h[2]!);
      sections.push({ index: sections.length, level: h[1]!.length, heading: h[2]!, headingSpan: { start: hs, end: hs + h[2]!.length }, parent: 0 });
      blocks.push({ index: blocks.length, kind: 'heading', section: sections.length - 1, span: { start, end: start + line.length } });
      continue;
    }
    const info = /^- (\w+): (.*)$/.exec(line);
    const b: Block = { index: blocks.length, kind: info ? 'infobox-field' : 'paragraph', section: sections.length - 1, span: { start, end: start + line.length } };
    if (info) { b.key = info[1]!; b.valueSpan = { start: start + line.indexOf(info[2]!), end: start + line.length }; }
    const sd = structural?.[blocks.length];
    if (sd) b.structuralDate = sd;
    blocks.push(b);
    const from = info ? b.valueSpan!.start : start;
    const cut = /[^.!?]+(?:[.!?]+|$)\s*/g;
    const body = text.slice(from, start + line.length);
    for (let s = cut.exec(body); s && s[0].length; s = cut.exec(body)) {
      const t = s[0].trimEnd();
      const ss = from + s.index;
      sentences.push({ index: sentences.length, block: b.index, span: { start: ss, end: ss + t.length }, text: t });
    }
  }
  const doc: Document = { id: 'fixture', path: 'fixture.txt', kind, text, sections, blocks, sentences };
  if (published) doc.published = published;
  return doc;
}

export function narrative(text: string): Document {
  return documentOf(text);
}
