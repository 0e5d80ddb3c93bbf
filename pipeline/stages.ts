// The configured per-document stages: the date tagger and the normaliser bound to the compiled
// gazetteer. Built once per process (or worker) and passed to processDocument.
import { loadGazetteer, type Gazetteer } from './build.ts';
import { dateDocument } from './dates/index.ts';
import { compileGazetteer, normalizeSentence, scanDocument, type DocumentScan } from './normalize/index.ts';
import type { Stages } from './process.ts';
import type { Normalizer } from './statements.ts';
import type { ClaimMention, Document } from './types.ts';

// How many sentences back (within the section) a `he said` looks for its speaker.
const SPEAKER_LOOKBACK = 3;

export function createStages(gazetteer: Gazetteer = loadGazetteer()): Stages {
  const gz = compileGazetteer(gazetteer);
  // The place context of a document is computed once, on its first sentence; the speakers of its
  // sentences as a `he said` asks for them.
  let current: { doc: Document; scan: DocumentScan; speakers: Map<number, ClaimMention | null | undefined> } | undefined;
  const sectionOf = (doc: Document, sentence: number): number => doc.blocks[doc.sentences[sentence]?.block ?? -1]?.section ?? -1;
  const normalize = (doc: Document, sentence: number, text: string, offset: number) => {
    const block = doc.blocks[doc.sentences[sentence]?.block ?? -1];
    const headings: string[] = [];
    for (let s = block ? doc.sections[block.section] : undefined; s && s.heading; s = s.parent === null ? undefined : doc.sections[s.parent]) headings.push(s.heading);
    return normalizeSentence(text, offset, {
      gazetteer: gz,
      documentPlaceIds: current!.scan.placeIds,
      people: current!.scan.people,
      sectionHeadings: headings,
      file: doc.path,
      earlierSpeaker: () => speakerBefore(doc, sentence),
    });
  };
  /** The speaker of the nearest earlier sentence of the same section that has one or has an unknown one. */
  const speakerBefore = (doc: Document, sentence: number): ClaimMention | null | undefined => {
    const section = sectionOf(doc, sentence);
    for (let s = sentence - 1; s >= 0 && s >= sentence - SPEAKER_LOOKBACK && sectionOf(doc, s) === section; s--) {
      const memo = current!.speakers;
      if (!memo.has(s)) {
        const prev = doc.sentences[s]!;
        memo.set(s, normalize(doc, s, prev.text, prev.span.start).speaker);
      }
      const speaker = memo.get(s);
      if (speaker !== undefined) return speaker;
    }
    return undefined;
  };
  const normalizer: Normalizer = (text, offset, doc, sentence) => {
    if (current?.doc !== doc) current = { doc, scan: scanDocument(doc.text, gz), speakers: new Map() };
    const r = normalize(doc, sentence, text, offset);
    current.speakers.set(sentence, r.speaker);
    return { places: r.places, actors: r.actors, sources: r.sources, casualties: r.casualties, messages: r.messages };
  };
  return { dater: (doc) => dateDocument(doc, { expressions: false }), normalizer };
}
