// People a document names with the party they speak for: `a Sky News correspondent, Stuart
// Ramsay,`, `American journalist Marie Colvin`, `Observatory chief Rami Abdel Rahman`, `Rami Abdel
// Rahman, head of the Syrian Observatory`, `Omar Idilbi of the Local Coordination Committees`.
// Where a later sentence names one of them as a speaker (`Conroy states`, `according to Ramsay's
// account`, `disputed by Paul Conroy`), the claim is credited to that party. A person is never
// an actor of a sentence by this: only a source.
import type { ActorCandidate } from './actors.ts';
import type { Token } from './matching.ts';

/** A person's party, by the key of their surname; null where two parties share the surname. */
export type People = Map<string, { id: string; names: Set<string> } | null>;

// Words of an office or a trade between a party and a name (`FSA commander`, `Observatory chief`).
const ROLES = new Set([
  'correspondent', 'reporter', 'journalist', 'photographer', 'photojournalist', 'cameraman', 'producer', 'editor', 'columnist',
  'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'head', 'director', 'leader', 'commander', 'official', 'officer',
  'member', 'activist', 'founder', 'president', 'chairman', 'chairwoman', 'minister', 'envoy', 'representative', 'negotiator',
  'analyst', 'researcher', 'fellow', 'general', 'colonel', 'secretary', 'ambassador', 'monitor', 'observer', 'coordinator',
  'deputy', 'senior', 'military', 'media', 'local', 'press', 'foreign', 'field', 'regional', 'top', 'former',
  'secretary-general', 'doctor', 'surgeon', 'lawyer', 'investigator', 'expert', 'adviser', 'advisor', 'aide',
]);
// Titles written before a name; part of the phrase, never of the name's keys.
const TITLES = new Set([
  'president', 'prime', 'minister', 'foreign', 'defence', 'defense', 'interior', 'secretary', 'general', 'lieutenant', 'lt',
  'colonel', 'col', 'major', 'maj', 'brigadier', 'brig', 'captain', 'capt', 'sergeant', 'sgt', 'commander', 'chief', 'director',
  'dr', 'mr', 'mrs', 'ms', 'sheikh', 'sheik', 'imam', 'father', 'bishop', 'archbishop', 'patriarch', 'ambassador', 'envoy',
  'special', 'senior', 'deputy', 'head', 'spokesman', 'king', 'queen', 'prince', 'emir', 'gen', 'admiral', 'adm', 'senator',
  'sen', 'governor', 'gov', 'mayor', 'judge', 'justice', 'state', 'of', 'the', 'high', 'commissioner', 'vice', 'private',
  'corporal', 'cpl', 'pte', 'lance', 'staff', 'first', 'field', 'marshal', 'warrant', 'rev', 'reverend', 'rabbi', 'ayatollah',
]);
// Capitalised words that open a sentence or a phrase and are no one's name.
const NOT_NAMES = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'on', 'in', 'at', 'by', 'for', 'from', 'to', 'of', 'according', 'after',
  'before', 'during', 'when', 'while', 'since', 'but', 'and', 'or', 'some', 'many', 'several', 'other', 'another', 'both',
  'each', 'its', 'his', 'her', 'their', 'they', 'he', 'she', 'it', 'we', 'i', 'however', 'meanwhile', 'later', 'also',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
  'christmas', 'easter', 'ramadan', 'eid', 'new', 'year', 'army', 'forces', 'government', 'regime', 'news', 'agency', 'tv',
]);
// Words of a body's or a place's name, never of a person's (`Tel Aviv Stock Exchange`, `Army Group Centre`).
const BODY_WORDS = new Set([
  'exchange', 'mission', 'commission', 'committee', 'council', 'centre', 'center', 'group', 'legion', 'commissar', 'party',
  'ministry', 'agency', 'brigade', 'battalion', 'regiment', 'division', 'corps', 'front', 'movement', 'union', 'organisation',
  'organization', 'institute', 'university', 'bank', 'court', 'assembly', 'stock', 'service', 'services', 'times', 'post',
  'east', 'west', 'north', 'south', 'middle', 'street', 'square', 'road', 'district', 'province', 'city', 'office', 'bureau',
  'department', 'network', 'channel', 'television', 'radio', 'press', 'news', 'airport', 'hospital', 'school', 'mosque',
  'church', 'company', 'corporation', 'foundation', 'association', 'league', 'federation', 'forces', 'force', 'navy', 'guard',
  'revolution', 'war', 'battle', 'offensive', 'operation', 'conference', 'summit', 'treaty', 'accord', 'agreement', 'day',
]);
const LINKS = new Set(['of', 'from', 'with', 'at', 'for']);
const BREAKS = new Set(['and', 'or', 'but', 'who', 'which', 'that', 'said', 'says', 'told', 'was', 'were', 'is', 'are', 'had', 'has']);
const MAX_ROLES = 4;
const MAX_BETWEEN = 7;
const MAX_NAME = 5;

const lower = (t: Token): string => t.raw.toLowerCase();
const isNameWord = (t: Token, inName: boolean): boolean => !inName && (t.capital || t.article) && !NOT_NAMES.has(lower(t)) && !/\d/.test(t.raw);
const isTitle = (t: Token): boolean => TITLES.has(lower(t));
// Words of one name follow each other with a space or a hyphen (`Mustafa al-Dabi`).
const joined = (t: Token): boolean => t.sepBefore === ' ' || t.sepBefore === '-';

/** The name that starts at `at` (titles in front skipped): its token range, when it has two words or more. */
function nameAt(tokens: Token[], at: number, taken: Uint8Array): { first: number; last: number } | undefined {
  let first = at;
  while (first < tokens.length && tokens[first]!.capital && isTitle(tokens[first]!) && isNameWord(tokens[first]!, taken[first] === 1)) first++;
  let last = first - 1;
  while (last + 1 < tokens.length && (last < first || joined(tokens[last + 1]!)) && isNameWord(tokens[last + 1]!, taken[last + 1] === 1) && countWords(tokens, first, last) < MAX_NAME) last++;
  while (last >= first && (tokens[last]!.article || isTitle(tokens[last]!))) last--;
  return last >= first && countWords(tokens, first, last) >= 2 && !hasBodyWord(tokens, first, last) ? { first, last } : undefined;
}

/** The name that ends at `end`: the run of name words back from it, titles dropped at its front. */
function nameEndingAt(tokens: Token[], end: number, taken: Uint8Array): { first: number; last: number } | undefined {
  if (end < 0 || !isNameWord(tokens[end]!, taken[end] === 1) || tokens[end]!.article || isTitle(tokens[end]!)) return undefined;
  let first = end;
  while (first > 0 && joined(tokens[first]!) && isNameWord(tokens[first - 1]!, taken[first - 1] === 1) && countWords(tokens, first, end) < MAX_NAME) first--;
  while (first < end && (isTitle(tokens[first]!) || tokens[first]!.article)) first++;
  return countWords(tokens, first, end) >= 2 && !hasBodyWord(tokens, first, end) ? { first, last: end } : undefined;
}

const hasBodyWord = (tokens: Token[], first: number, last: number): boolean => {
  for (let k = first; k <= last; k++) if (BODY_WORDS.has(lower(tokens[k]!))) return true;
  return false;
};

// Words of a name that say who it is: not an article (`al-`) and not a title.
const countWords = (tokens: Token[], first: number, last: number): number => {
  let n = 0;
  for (let k = first; k <= last; k++) if (!tokens[k]!.article && !isTitle(tokens[k]!)) n++;
  return n;
};

/**
 * The people of a document and their parties, from its tokens and the actor candidates linked in
 * it; `taken` marks the tokens inside any gazetteer name (a name there is no person's).
 */
export function findPeople(tokens: Token[], candidates: ActorCandidate[], taken: Uint8Array): People {
  const people: People = new Map();
  const register = (id: string, name: { first: number; last: number }) => {
    const names = new Set<string>();
    for (let k = name.first; k <= name.last; k++) if (!tokens[k]!.article && !isTitle(tokens[k]!)) names.add(tokens[k]!.key);
    const key = tokens[name.last]!.key;
    const had = people.get(key);
    if (had === undefined) people.set(key, { id, names });
    else if (had !== null && had.id !== id) people.set(key, null);
    else if (had) for (const n of names) had.names.add(n);
  };
  for (const c of candidates) {
    const name = nameAfter(tokens, c, taken) ?? nameBefore(tokens, c, taken);
    if (name) register(c.id, name);
  }
  return people;
}

/**
 * A name after the party: `journalist Marie Colvin`, `Observatory chief Rami Abdel Rahman`, `a Sky
 * News correspondent, Stuart Ramsay,` (set off by commas only after a word of a role).
 */
function nameAfter(tokens: Token[], c: ActorCandidate, taken: Uint8Array): { first: number; last: number } | undefined {
  let j = c.last + 1;
  let roles = 0;
  while (j < tokens.length && roles < MAX_ROLES && joined(tokens[j]!) && !tokens[j]!.capital && ROLES.has(lower(tokens[j]!))) {
    j++;
    roles++;
  }
  if (j >= tokens.length) return undefined;
  const sep = tokens[j]!.sepBefore;
  if (sep !== ' ' && !(sep === ', ' && roles > 0)) return undefined;
  const name = nameAt(tokens, j, taken);
  if (!name) return undefined;
  const after = tokens[name.last + 1];
  return sep === ' ' || !after || after.sepBefore.startsWith(',') ? name : undefined;
}

/**
 * A name before the party: `Omar Idilbi of the Local Coordination Committees`, `Rami Abdel Rahman,
 * head of the Syrian Observatory`, `Jeffrey White, a fellow at the Washington Institute`: a few
 * words of a role between a comma and the party, none of them a verb or another name.
 */
function nameBefore(tokens: Token[], c: ActorCandidate, taken: Uint8Array): { first: number; last: number } | undefined {
  let k = c.first - 1;
  if (k >= 0 && lower(tokens[k]!) === 'the') k--;
  if (k >= 1 && LINKS.has(lower(tokens[k]!)) && tokens[k]!.sepBefore === ' ') {
    const direct = nameEndingAt(tokens, k - 1, taken);
    if (direct) return direct;
  }
  for (k = c.first - 1; k >= 1 && c.first - k <= MAX_BETWEEN; k--) {
    const t = tokens[k]!;
    if (BREAKS.has(lower(t)) || (t.capital && !isTitle(t)) || lower(t).endsWith('ed')) return undefined;
    if (t.sepBefore === ', ') return nameEndingAt(tokens, k - 1, taken);
    if (!joined(t)) return undefined;
  }
  return undefined;
}

/**
 * The people of `people` that a sentence names, as candidates of their parties (rule
 * `claim.person`): at each surname, back over the words of the same person's name. Tokens that
 * `taken` marks (inside a gazetteer name) are no one's name.
 */
export function personCandidates(tokens: Token[], people: People, text: string, taken: Uint8Array): ActorCandidate[] {
  const out: ActorCandidate[] = [];
  if (people.size === 0) return out;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.capital) continue;
    const p = people.get(t.key);
    if (!p || taken[i] === 1) continue;
    // A surname ends a name only where no other name word follows (`Rahman Street` is not him).
    const next = tokens[i + 1];
    if (next && joined(next) && next.capital && !isTitle(next) && !NOT_NAMES.has(lower(next))) continue;
    let first = i;
    while (first > 0 && taken[first - 1] !== 1 && joined(tokens[first]!) && (p.names.has(tokens[first - 1]!.key) || tokens[first - 1]!.article)) first--;
    while (tokens[first]!.article) first++;
    const start = tokens[first]!.start;
    out.push({ id: p.id, first, last: i, start, end: t.end, text: text.slice(start, t.end), generic: false, rule: 'claim.person', speakerOnly: true });
  }
  return out;
}

/**
 * The party's mention `c` is the one that introduces the person `p` in this sentence (`journalist
 * Marie Colvin`, `Rami Abdel Rahman, head of the Observatory`, `Omar Idilbi of the LCC`): right
 * before the name, but for words of a role, or a few words after it past a comma or a link word.
 */
export function introduces(tokens: Token[], c: ActorCandidate, p: ActorCandidate): boolean {
  if (c.last < p.first) {
    for (let k = c.last + 1; k < p.first; k++) if (!ROLES.has(lower(tokens[k]!)) && !isTitle(tokens[k]!)) return false;
    return p.first - c.last <= MAX_ROLES + 1;
  }
  const next = tokens[p.last + 1];
  return !!next && c.first > p.last && c.first - p.last <= MAX_BETWEEN + 2 && (next.sepBefore === ', ' || LINKS.has(lower(next)));
}
