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

// One alternation of literal words scans much faster than tokenising every word.
const TOKEN = new RegExp(`\\d+|\\b(?:${[...WORDS.keys()].sort((a, b) => b.length - a.length).join('|')})(?![A-Za-z])`, 'g');

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Positions of trigger words, by trigger. */
export function findTriggers(text: string, from: number, to: number): Map<Trigger, number[]> {
  const out = new Map<Trigger, number[]>();
  const push = (t: Trigger, at: number) => {
    const l = out.get(t);
    if (l) l.push(at); else out.set(t, [at]);
  };
  TOKEN.lastIndex = from;
  // test, not exec (no match array): a token is all digits or all letters, so its start is
  // found by stepping back from where it ends
  while (TOKEN.test(text)) {
    const end = TOKEN.lastIndex;
    let start = end - 1;
    const c = text.charCodeAt(start);
    if (c >= 48 && c <= 57) {
      while (start > from && isDigit(text.charCodeAt(start - 1))) start--;
      if (start >= to) break;
      push('digit', start);
      continue;
    }
    while (start > from && isLetter(text.charCodeAt(start - 1))) start--;
    if (start >= to) break;
    const ts = WORDS.get(text.slice(start, end));
    if (ts) for (const t of ts) push(t, start);
  }
  return out;
}
