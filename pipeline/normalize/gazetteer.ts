// The gazetteer compiled once: one alias trie over places and actors (so the longest name wins
// across both: `Homs National Hospital` is a site, not Homs; `Free Syrian Army` is not the
// Syrian Army), plus the lookups the linking rules need.
import type { ActorRecord, PlaceRecord } from '../types.ts';
import { buildAliasIndex, type AliasIndex, type AliasTarget } from './matching.ts';

export interface Gazetteer {
  places: PlaceRecord[];
  actors: ActorRecord[];
}

/** What an alias points to. */
export interface NameRef {
  kind: 'place' | 'actor';
  id: string;
  /** A common-noun phrase of an actor (`troops`), not a proper name. */
  generic: boolean;
  /** A place name that needs context to decide (`Jobar`, `Old City`). */
  contextual: boolean;
}

export interface CompiledGazetteer {
  index: AliasIndex<NameRef>;
  places: Map<string, PlaceRecord>;
  actors: Map<string, ActorRecord>;
  /** place_id -> its ancestors, nearest first (Baba Amr -> homs, homs-governorate, syria). */
  ancestors: Map<string, string[]>;
  /** A capital's place_id -> the government actor of its country (`Damascus said`: the Syrian government). */
  governmentOfCapital: Map<string, string>;
}

// Acronyms are matched letter for letter (`UN`, `FSA`, `U.N.`), never through the fold.
const ACRONYM = /^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9]{1,5}$/;

// One-edit drift is allowed only for romanised Arabic place names (Khalidiya / Khaldiya),
// not for English exonyms, where a near miss is another word (al-Barazi is not Brazil).
const FUZZY_COUNTRIES = new Set(['syria']);

function aliasOptions(alias: string, kind: 'place' | 'actor', generic: boolean, fuzzyPlace = false) {
  const exact = ACRONYM.test(alias);
  return { capitalised: !generic, exact, fuzzy: kind === 'place' && fuzzyPlace && !exact };
}

export function compileGazetteer(g: Gazetteer): CompiledGazetteer {
  const entries: AliasTarget<NameRef>[] = [];
  const places = new Map<string, PlaceRecord>();
  const actors = new Map<string, ActorRecord>();
  for (const p of g.places) places.set(p.place_id, p);
  const ancestors = new Map<string, string[]>();
  for (const p of g.places) {
    const chain: string[] = [];
    const seen = new Set<string>([p.place_id]);
    let cur = p.parent;
    while (cur && !seen.has(cur)) {
      chain.push(cur);
      seen.add(cur);
      cur = places.get(cur)?.parent;
    }
    ancestors.set(p.place_id, chain);
  }
  for (const p of g.places) {
    const fuzzy = p.type !== 'country' && (ancestors.get(p.place_id) ?? []).some((a) => FUZZY_COUNTRIES.has(a));
    for (const alias of [p.name, ...p.alt_names]) {
      entries.push({ alias, value: { kind: 'place', id: p.place_id, generic: false, contextual: false }, options: aliasOptions(alias, 'place', false, fuzzy) });
    }
    for (const alias of p.context_names ?? []) {
      entries.push({ alias, value: { kind: 'place', id: p.place_id, generic: false, contextual: true }, options: aliasOptions(alias, 'place', false, false) });
    }
  }
  for (const a of g.actors) {
    actors.set(a.actor_id, a);
    for (const alias of [a.name, ...a.alt_names]) {
      entries.push({ alias, value: { kind: 'actor', id: a.actor_id, generic: false, contextual: false }, options: aliasOptions(alias, 'actor', false) });
    }
    for (const alias of a.generic_names ?? []) {
      entries.push({ alias, value: { kind: 'actor', id: a.actor_id, generic: true, contextual: false }, options: aliasOptions(alias, 'actor', true) });
    }
  }
  const governmentOfCapital = new Map<string, string>();
  for (const p of g.places) {
    const gov = p.capital_of ? g.actors.find((a) => a.type === 'government' && a.country === p.capital_of) : undefined;
    if (gov) governmentOfCapital.set(p.place_id, gov.actor_id);
  }
  return { index: buildAliasIndex(entries), places, actors, ancestors, governmentOfCapital };
}

/** The country a place lies in, if the gazetteer says. */
export function countryOf(gz: CompiledGazetteer, placeId: string): string | undefined {
  if (gz.places.get(placeId)?.type === 'country') return placeId;
  for (const id of gz.ancestors.get(placeId) ?? []) {
    if (gz.places.get(id)?.type === 'country') return id;
  }
  return undefined;
}
