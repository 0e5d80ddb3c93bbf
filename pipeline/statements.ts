// The statement stage: one Statement per sentence that the dater dated, with its places, actors,
// sources and casualties from the normaliser. Ids come from content, never from row order.
import { deriveStatementId, normaliseSentence } from './ids.ts';
import type { ActorMention, Casualties, ClaimMention, Document, EntityMention, Message, SentenceDate, Statement } from './types.ts';

export type Dater = (doc: Document) => { dates: Map<number, SentenceDate>; messages: Message[] };

export interface Normalized {
  places: EntityMention[];
  actors: ActorMention[];
  sources: ClaimMention[];
  casualties: Casualties;
  messages: Message[];
}

export type Normalizer = (text: string, offset: number, doc: Document, sentence: number) => Normalized;

export function buildStatements(doc: Document, dater: Dater, normalizer?: Normalizer): { statements: Statement[]; messages: Message[] } {
  const { dates, messages } = dater(doc);
  const statements: Statement[] = [];
  const seen = new Map<string, number>();
  for (const sentence of doc.sentences) {
    const date = dates.get(sentence.index);
    if (!date) continue;
    const n = normalizer?.(sentence.text, sentence.span.start, doc, sentence.index);
    if (n) for (const m of n.messages) messages.push(m);
    const key = normaliseSentence(sentence.text);
    const occurrence = (seen.get(key) ?? 0) + 1;
    seen.set(key, occurrence);
    const block = doc.blocks[sentence.block];
    const section = block ? doc.sections[block.section] : undefined;
    statements.push({
      // `key` is already normalised (normaliseSentence is idempotent): the same id, normalised once.
      statementId: deriveStatementId(doc.id, key, occurrence),
      documentId: doc.id,
      sentence: sentence.index,
      text: sentence.text,
      span: sentence.span,
      ...(section && section.heading ? { section: section.heading } : {}),
      date,
      places: n?.places ?? [],
      actors: n?.actors ?? [],
      sources: n?.sources ?? [],
      casualties: n?.casualties ?? {},
    });
  }
  return { statements, messages };
}
