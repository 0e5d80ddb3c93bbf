// Trigger words: one scan of the text finds the words some rule needs; each rule then runs
// only in windows around its own triggers. Keeps recognition linear and fast on long texts.
import type { Trigger } from './rules/rule.ts';

const WORDS = new Map<string, Trigger[]>();
function add(t: Trigger, words: string, capitalisedOnly = false): void {
  for (const w of words.split(' ')) {
    const forms = capitalisedOnly ? [w] : [w, w[0]!.toUpperCase() + w.slice(1)];
    for (const f of forms) {
      const l = WORDS.get(f);
      if (l) l.push(t); else WORDS.set(f, [t]);
    }
  }
}
add('unit', 'day days week weeks weekend month months year years decade decades century centuries hour hours minute minutes');
add('tod', 'morning mornings afternoon evening night nights nighttime dawn dusk sunset sunrise noon midday midnight nightfall daybreak day');
add('season', 'spring summer autumn fall winter');
add('anaphor', 'time period point stage juncture moment meanwhile meantime then now currently nowadays presently present days being');
add('deictic', 'today yesterday tomorrow tonight');
add('sequence', 'later earlier soon shortly after afterwards afterward before subsequently thereafter');
add('pastfut', 'former formerly recent recently past future');
add('set', 'annually yearly daily weekly monthly nightly');
add('holiday', 'christmas new');
add('next', 'next following previous preceding prior subsequent succeeding');
add('same', 'that same very');
add('edge', 'end beginning start middle close');
add('during', 'during throughout');
add('every', 'every each per');
add('ordinal', 'first second third fourth fifth sixth seventh eighth ninth tenth');
add('event', 'siege war conflict occupation uprising battle');
add('month', 'January February March April May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec', true);
add('weekday', 'Monday Tuesday Wednesday Thursday Friday Saturday Sunday Mondays Tuesdays Wednesdays Thursdays Fridays Saturdays Sundays', true);
add('era', 'BC BCE AD CE B', true);

/**
 * The trigger words as a trie over ASCII letters (52 edges a node), walked while the scan steps
 * over a word's letters: no regex, no slice and no hashing for the many words that are no
 * trigger. `TRIE_END[node]` is the index of the node's word in `WORD_LISTS` plus one (0: none).
 */
const EDGES = 52;
const trieNext: number[] = [];
const trieEnd: number[] = [];
const WORD_LISTS: Trigger[][] = [];
function newNode(): number {
  for (let i = 0; i < EDGES; i++) trieNext.push(-1);
  trieEnd.push(0);
  return trieEnd.length - 1;
}
function edge(c: number): number {
  return c <= 90 ? c - 65 : c - 71;
}
newNode();
for (const [w, ts] of WORDS) {
  let n = 0;
  for (let i = 0; i < w.length; i++) {
    const e = n * EDGES + edge(w.charCodeAt(i));
    if (trieNext[e]! < 0) trieNext[e] = newNode();
    n = trieNext[e]!;
  }
  WORD_LISTS.push(ts);
  trieEnd[n] = WORD_LISTS.length;
}
const TRIE_NEXT = Int32Array.from(trieNext);
const TRIE_END = Int32Array.from(trieEnd);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function push(out: Map<Trigger, number[]>, t: Trigger, at: number): void {
  const l = out.get(t);
  if (l) l.push(at); else out.set(t, [at]);
}

/**
 * Positions of trigger words, by trigger, in text order: the start of every run of digits, and
 * every trigger word standing whole (ASCII letters, no letter, digit or underscore just before
 * it, no letter just after it), as the regex `\d+|\b(?:words)(?![A-Za-z])` would find them.
 */
export function findTriggers(text: string, from: number, to: number): Map<Trigger, number[]> {
  const out = new Map<Trigger, number[]>();
  const n = text.length;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isDigit(c)) {
      push(out, 'digit', i);
      i++;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      continue;
    }
    if (!isLetter(c)) { i++; continue; }
    const start = i;
    const p = i > 0 ? text.charCodeAt(i - 1) : 32;
    // a run of letters glued to a digit or underscore before it has no word boundary: no trigger
    let node = isDigit(p) || isLetter(p) || p === 95 ? -1 : 0;
    for (; i < n; i++) {
      const d = text.charCodeAt(i);
      if (!isLetter(d)) break;
      if (node >= 0) node = TRIE_NEXT[node * EDGES + edge(d)]!;
    }
    const w = node >= 0 ? TRIE_END[node]! : 0;
    if (w > 0) for (const t of WORD_LISTS[w - 1]!) push(out, t, start);
  }
  return out;
}
