// Gazetteer upkeep: capitalised place- or group-like names that matched nothing, entries that
// nothing used, and aliases that two entries claim (owid/etl harmoniser style).
import type { CompiledGazetteer, Gazetteer } from './gazetteer.ts';
import { DEMONYMS } from './actors.ts';
import { foldName, scanAliases, tokenize } from './matching.ts';

export interface UnmatchedName {
  text: string;
  kind: 'place' | 'group';
  count: number;
  /** First text it was met in (by index into the input list). */
  firstIn: number;
}

const GROUP_WORDS = /\b(Brigades?|Battalions?|Front|Army|Council|Committees?|Movement|Forces|Division|Regiment|Liwa[a]?|Jaysh|Jaish|Ahrar|Network|Agency|News|Organi[sz]ation|Party|Coalition|Guards?|Militia|Group|Observatory|Ministry|Union|League|Times|Post|Television|TV|Radio)\b/;
const PLACE_AFTER = /^\s+(district|neighbou?rhood|quarter|area|village|town|province|governorate|city|suburb|street|square|camp|countryside|region|mosque|hospital|prison|base|airport|refinery)\b/i;
const PLACE_BEFORE = /\b(in|at|near|from|into|towards?|outside|around|of the town of|of the village of|district of|city of|town of|village of)\s+(?:the\s+)?$/i;
const SKIP = new Set(['The', 'A', 'An', 'On', 'In', 'By', 'At', 'During', 'After', 'Following', 'However', 'Meanwhile', 'According', 'Later', 'Then', 'This', 'That', 'It', 'He', 'She', 'They', 'Some', 'Both', 'Many', 'Two', 'Three', 'Since', 'Before', 'While', 'As', 'Also', 'Shortly', 'Right', 'Among', 'Over', 'Around', 'Early', 'Late', 'End']);
const MONTHS = /^(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;

/** Capitalised runs that look like places or groups and that no alias covered. */
export function unmatchedNames(texts: string[], gazetteer: CompiledGazetteer): UnmatchedName[] {
  const found = new Map<string, UnmatchedName>();
  texts.forEach((text, ti) => {
    const tokens = tokenize(text);
    const covered = new Set<number>();
    for (const m of scanAliases(gazetteer.index, tokens)) for (let k = m.first; k <= m.last; k++) covered.add(k);
    let i = 0;
    while (i < tokens.length) {
      const t = tokens[i]!;
      // Demonyms (`Syrian`, `Lebanese`) are adjectives, not names to add.
      if (!(t.capital || t.article) || covered.has(i) || SKIP.has(t.raw) || MONTHS.test(t.raw) || /^\d/.test(t.raw) || t.raw.toLowerCase() in DEMONYMS) {
        i++;
        continue;
      }
      let j = i;
      // A run: capitalised words, articles, and `of`/`for`/`the` between capitalised words.
      while (j + 1 < tokens.length && !covered.has(j + 1) && /^[\s-]+$/.test(tokens[j + 1]!.sepBefore)) {
        const n = tokens[j + 1]!;
        if (n.capital || n.article) j++;
        else if (/^(of|for|the|and)$/.test(n.raw) && tokens[j + 2]?.capital && !covered.has(j + 2)) j += 2;
        else break;
      }
      const start = t.start;
      const end = tokens[j]!.end;
      const name = text.slice(start, end);
      const kind = GROUP_WORDS.test(name) ? 'group' : PLACE_AFTER.test(text.slice(end)) || PLACE_BEFORE.test(text.slice(0, start)) ? 'place' : undefined;
      if (kind && !(j === i && t.article)) {
        const key = foldName(name);
        const prev = found.get(key);
        if (prev) prev.count++;
        else found.set(key, { text: name, kind, count: 1, firstIn: ti });
      }
      i = j + 1;
    }
  });
  return [...found.values()].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}

export interface GazetteerReport {
  unusedPlaces: string[];
  unusedActors: string[];
  /** A folded alias that two or more entries list as a name or alt_name (context_names excluded). */
  duplicateAliases: { alias: string; ids: string[] }[];
}

export function gazetteerReport(g: Gazetteer, usedIds: Iterable<string>): GazetteerReport {
  const used = new Set(usedIds);
  const owners = new Map<string, Set<string>>();
  const note = (alias: string, id: string) => {
    const k = foldName(alias);
    if (!k) return;
    let s = owners.get(k);
    if (!s) owners.set(k, (s = new Set()));
    s.add(id);
  };
  for (const p of g.places) for (const a of [p.name, ...p.alt_names]) note(a, `place:${p.place_id}`);
  for (const a of g.actors) for (const n of [a.name, ...a.alt_names, ...(a.generic_names ?? [])]) note(n, `actor:${a.actor_id}`);
  const duplicateAliases = [...owners.entries()]
    .filter(([, ids]) => ids.size > 1)
    .map(([alias, ids]) => ({ alias, ids: [...ids].sort() }))
    .sort((a, b) => a.alias.localeCompare(b.alias));
  return {
    unusedPlaces: g.places.map((p) => p.place_id).filter((id) => !used.has(id)).sort(),
    unusedActors: g.actors.map((a) => a.actor_id).filter((id) => !used.has(id)).sort(),
    duplicateAliases,
  };
}
