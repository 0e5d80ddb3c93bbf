// The configured per-document stages: the date tagger and the normaliser bound to the compiled
// gazetteer. Built once per process (or worker) and passed to processDocument.
import { loadGazetteer, type Gazetteer } from './build.ts';
import { dateDocument } from './dates/index.ts';
import { compileGazetteer, normalizeSentence, scanDocument, type DocumentScan } from './normalize/index.ts';
import type { Stages } from './process.ts';
import type { Normalizer } from './statements.ts';
import type { ClaimMention, Document } from './types.ts';

// How many sentences back (within the section) a `he said` looks for its speaker, and how long a
// run of sentences without a known speaker is followed back.
const SPEAKER_LOOKBACK = 3;
const SPEAKER_CHAIN = 64;

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
    const memo = current!.speakers;
    known(doc, sentence);
    const section = sectionOf(doc, sentence);
    for (let s = sentence - 1; s >= 0 && s >= sentence - SPEAKER_LOOKBACK && sectionOf(doc, s) === section; s--) {
      const speaker = memo.get(s);
      if (speaker !== undefined) return speaker;
    }
    return undefined;
  };
  /**
   * Makes the speakers of the sentences before `sentence` known, front to back, so that each one's
   * own look back finds its predecessors known and a long run of `he said` never recurses deeply.
   * A run longer than SPEAKER_CHAIN is cut: what lies before it counts as saying nothing.
   */
  const known = (doc: Document, sentence: number): void => {
    const memo = current!.speakers;
    if (sentence === 0 || memo.has(sentence - 1)) return;
    let from = sentence - 1;
    while (from > 0 && from > sentence - SPEAKER_CHAIN && !memo.has(from - 1)) from--;
    for (let s = Math.max(0, from - SPEAKER_LOOKBACK); s < from; s++) if (!memo.has(s)) memo.set(s, undefined);
    for (let s = from; s < sentence; s++) {
      if (memo.has(s)) continue;
      const prev = doc.sentences[s]!;
      memo.set(s, normalize(doc, s, prev.text, prev.span.start).speaker);
    }
  };
  const normalizer: Normalizer = (text, offset, doc, sentence) => {
    if (current?.doc !== doc) current = { doc, scan: scanDocument(doc.text, gz), speakers: new Map() };
    const r = normalize(doc, sentence, text, offset);
    current.speakers.set(sentence, r.speaker);
    return { places: r.places, actors: r.actors, sources: r.sources, casualties: r.casualties, messages: r.messages };
  };
  return { dater: (doc) => dateDocument(doc, { expressions: false }), normalizer };
}
