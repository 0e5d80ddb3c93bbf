// The configured per-document stages: the date tagger and the normaliser bound to the compiled
// gazetteer. Built once per process (or worker) and passed to processDocument.
import { loadGazetteer, type Gazetteer } from './build.ts';
import { dateDocument } from './dates/index.ts';
import { compileGazetteer, documentPlaceIds, normalizeSentence } from './normalize/index.ts';
import type { Stages } from './process.ts';
import type { Normalizer } from './statements.ts';
import type { Document } from './types.ts';

export function createStages(gazetteer: Gazetteer = loadGazetteer()): Stages {
  const gz = compileGazetteer(gazetteer);
  // The place context of a document is computed once, on its first sentence.
  let current: { doc: Document; ids: string[] } | undefined;
  const normalizer: Normalizer = (text, offset, doc, sentence) => {
    if (current?.doc !== doc) current = { doc, ids: documentPlaceIds(doc.text, gz) };
    const block = doc.blocks[doc.sentences[sentence]?.block ?? -1];
    const headings: string[] = [];
    for (let s = block ? doc.sections[block.section] : undefined; s && s.heading; s = s.parent === null ? undefined : doc.sections[s.parent]) headings.push(s.heading);
    const r = normalizeSentence(text, offset, { gazetteer: gz, documentPlaceIds: current.ids, sectionHeadings: headings, file: doc.path });
    return { places: r.places, actors: r.actors, sources: r.sources, casualties: r.casualties, messages: r.messages };
  };
  return { dater: (doc) => dateDocument(doc, { expressions: false }), normalizer };
}
