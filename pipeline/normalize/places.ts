// Place linking: alias matches that point to places become mentions; a name shared by
// several places (`Jobar`, `al-Ghouta`, `Old City`) is decided by the other places around it.
import type { EntityMention } from '../types.ts';
import type { CompiledGazetteer, NameRef } from './gazetteer.ts';
import type { AliasMatch } from './matching.ts';

/** Places already known around the sentence, with how much each should weigh. */
export interface PlaceContext {
  sentence: string[];
  headings: string[];
  /** place_id -> number of mentions in the document. */
  document: Map<string, number>;
}

export interface PlaceDecision {
  mention?: EntityMention;
  /** Set when a shared name could not be decided. */
  unresolved?: { text: string; candidates: string[] };
  rule: string;
}

// Rule ids stamped on what this module decides.
export const PLACE_RULES = ['place.alias', 'place.context-sentence', 'place.context-heading', 'place.context-document', 'place.unresolved'] as const;

/** Non-country areas that contain (or are) the place: the scale at which context agrees. */
function areas(gz: CompiledGazetteer, id: string): string[] {
  return [id, ...(gz.ancestors.get(id) ?? [])].filter((x) => gz.places.get(x)?.type !== 'country');
}

function supports(gz: CompiledGazetteer, candidate: string, contextPlace: string): boolean {
  if (candidate === contextPlace) return true; // `Old Homs` in a heading decides `Old City`
  const mine = new Set(areas(gz, candidate).slice(1));
  return areas(gz, contextPlace).some((a) => mine.has(a));
}

export function decidePlace(gz: CompiledGazetteer, m: AliasMatch<NameRef>, text: string, offset: number, ctx: PlaceContext): PlaceDecision {
  const refs = m.targets.map((t) => t.value).filter((v) => v.kind === 'place');
  const direct = [...new Set(refs.filter((r) => !r.contextual).map((r) => r.id))];
  const span = { start: offset + m.start, end: offset + m.end };
  const surface = text.slice(m.start, m.end);
  const all = [...new Set(refs.map((r) => r.id))];
  if (direct.length === 1 && all.length === 1) return { mention: { id: direct[0]!, text: surface, span }, rule: 'place.alias' };
  const candidates = all;
  const score = (id: string): [number, string] => {
    const s = ctx.sentence.filter((p) => supports(gz, id, p)).length;
    if (s) return [1e6 * s, 'place.context-sentence'];
    const h = ctx.headings.filter((p) => supports(gz, id, p)).length;
    if (h) return [1e3 * h, 'place.context-heading'];
    let d = 0;
    for (const [p, n] of ctx.document) if (supports(gz, id, p)) d += n;
    return [d, 'place.context-document'];
  };
  const scored = candidates.map((id) => ({ id, s: score(id) })).sort((a, b) => b.s[0] - a.s[0]);
  const best = scored[0];
  const second = scored[1];
  if (best && best.s[0] > 0 && (!second || second.s[0] < best.s[0])) {
    return { mention: { id: best.id, text: surface, span }, rule: best.s[1] };
  }
  // Context silent: a name that is some place's own name keeps that default sense.
  if (direct.length === 1) return { mention: { id: direct[0]!, text: surface, span }, rule: 'place.alias' };
  return { unresolved: { text: surface, candidates }, rule: 'place.unresolved' };
}
