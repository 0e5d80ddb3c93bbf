// Places the text names that the gazetteer does not hold, read only where the words around them
// say a place is meant: `the village of Gamburu`, `the town of Jusiyah`, `in Comayagua, Honduras`,
// `Arghakhanchi District`. They are published with their name as written and no coordinates or
// identifiers (places.csv: type `locality`, geo_precision `unknown`), so a reader sees the place
// the sentence names instead of nothing, and knows it is unverified.
import { unlistedPlaceId } from '../ids.ts';
import type { EntityMention } from '../types.ts';
import type { Token } from './matching.ts';

// `the village of X`: the kind of place, in lower case, before `of`.
const KIND_OF = new Set([
  'city', 'cities', 'town', 'towns', 'village', 'villages', 'district', 'province', 'region', 'suburb', 'neighbourhood', 'neighborhood', 'camp',
  'port', 'island', 'county', 'municipality', 'governorate', 'state', 'hamlet', 'township', 'quarter', 'capital', 'oasis',
]);
// `Arghakhanchi District`, `Lai Chau Province`: a capitalised kind after the name is part of it.
const KIND_AFTER = new Set(['District', 'Province', 'Governorate', 'Region', 'County', 'Prefecture', 'Department', 'Municipality', 'Oblast', 'Township']);
// `in X, Honduras`: words before the name that put something somewhere.
const LOCATIVE = new Set(['in', 'at', 'near', 'outside', 'from', 'to', 'into', 'across', 'around', 'inside', 'towards', 'toward']);
// Capitalised words that are no name of a place.
const NOT_PLACE = new Set([
  'The', 'A', 'An', 'This', 'That', 'His', 'Her', 'Its', 'Their', 'Our', 'January', 'February', 'March', 'April', 'May', 'June', 'July',
  'August', 'September', 'October', 'November', 'December', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday',
  'Sunday', 'God', 'Islam', 'Christ', 'President', 'King', 'Queen', 'Prince', 'General', 'Minister', 'Mr', 'Mrs', 'Dr', 'Saint',
]);
const MAX_WORDS = 4;

const isNameWord = (t: Token | undefined): t is Token => !!t && (t.capital || t.article) && !NOT_PLACE.has(t.raw) && !/\d/.test(t.raw);
// Words of one name follow each other with a space or a hyphen.
const joined = (t: Token): boolean => t.sepBefore === ' ' || t.sepBefore === '-' || t.sepBefore === '';

/** The name that starts at token `at`: its last token, or -1 (an article alone is no name). */
function nameFrom(tokens: Token[], at: number): number {
  let last = -1;
  for (let k = at, n = 0; k < tokens.length && n < MAX_WORDS; k++, n++) {
    const t = tokens[k]!;
    if (!isNameWord(t) || (k > at && !joined(t))) break;
    if (!t.article) last = k;
  }
  return last;
}

/** The name that ends at token `end`, back from it: its first token, or -1. */
function nameBack(tokens: Token[], end: number): number {
  let first = -1;
  for (let k = end, n = 0; k >= 0 && n < MAX_WORDS; k--, n++) {
    const t = tokens[k]!;
    if (!isNameWord(t) || (k < end && !joined(tokens[k + 1]!))) break;
    first = k;
  }
  return first;
}

/** Where the next item of a list starts (`, Goulburn`, `and Queanbeyan`), or -1. */
function listItem(tokens: Token[], k: number): number {
  const t = tokens[k];
  if (!t) return -1;
  if (t.raw === 'and' && /^,?\s+$/.test(t.sepBefore)) return k + 1;
  return /^\s*,\s*$/.test(t.sepBefore) ? k : -1;
}

/**
 * Unlisted places in a sentence. `taken` marks the tokens some gazetteer name covers (a place or
 * an actor), `placeAt` the first token of each gazetteer place mention (for `in X, Honduras`).
 */
export function unlistedPlaces(tokens: Token[], text: string, offset: number, taken: Uint8Array, placeAt: ReadonlySet<number>): EntityMention[] {
  const out: EntityMention[] = [];
  const push = (first: number, last: number) => {
    for (let k = first; k <= last; k++) if (taken[k]) return;
    // an article opening the name (`al-Dabaa`) is part of it
    const a = tokens[first]!;
    const b = tokens[last]!;
    const name = text.slice(a.start, b.end);
    if (out.some((m) => m.span.start === offset + a.start)) return;
    out.push({ id: unlistedPlaceId(name), text: name, span: { start: offset + a.start, end: offset + b.end } });
    for (let k = first; k <= last; k++) taken[k] = 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    // the village of X
    if (KIND_OF.has(t.raw) && next?.raw === 'of' && tokens[i + 2]) {
      let last = nameFrom(tokens, i + 2);
      if (last >= 0) push(i + 2, last);
      // the towns of Cooma, Goulburn and Queanbeyan
      for (let at = /s$/.test(t.raw) && last >= 0 ? listItem(tokens, last + 1) : -1; at >= 0; ) {
        const end = nameFrom(tokens, at);
        if (end < 0) break;
        push(at, end);
        at = listItem(tokens, end + 1);
      }
      continue;
    }
    // X District
    if (KIND_AFTER.has(t.raw) && i > 0 && joined(t)) {
      const first = nameBack(tokens, i - 1);
      if (first >= 0 && !KIND_AFTER.has(tokens[first]!.raw)) push(first, i);
      continue;
    }
    // in X, Honduras
    if (LOCATIVE.has(t.raw) && next && isNameWord(next)) {
      const last = nameFrom(tokens, i + 1);
      const after = last >= 0 ? tokens[last + 1] : undefined;
      if (after && placeAt.has(last + 1) && /^\s*,\s*$/.test(after.sepBefore)) push(i + 1, last);
    }
  }
  return out;
}
