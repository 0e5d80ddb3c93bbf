// The preposition or adverb before an expression says how the statement relates to the date:
// On 8 May (on), By 10 May (by), Around 5 December (around, TIMEX mod APPROX), since, until,
// after, before, during/throughout. The statement keeps the preposition in its verbatim text.
import type { DateQualifier } from '../../types.ts';
import type { Refiner } from './refiner.ts';
import { isRegexSpace } from './rule.ts';

const LEAD = /\b(on|in|at|as\s+of|into|by|no\s+later\s+than|around|about|approximately|roughly|circa|ca\.|c\.|some\s+time\s+around|since|beginning|starting|until|till|up\s+to|up\s+until|after|shortly\s+after|soon\s+after|before|shortly\s+before|prior\s+to|ahead\s+of|during|throughout|through|over|within|between|from|early\s+on|late\s+on)\s+$/i;

const QUALIFIER: Record<string, DateQualifier> = {
  on: 'on', in: 'on', at: 'on', 'as of': 'on', into: 'on', from: 'on', 'early on': 'on', 'late on': 'on',
  by: 'by', 'no later than': 'by',
  around: 'around', about: 'around', approximately: 'around', roughly: 'around', circa: 'around', 'ca.': 'around',
  'c.': 'around', 'some time around': 'around',
  since: 'since', beginning: 'since', starting: 'since',
  until: 'until', till: 'until', 'up to': 'until', 'up until': 'until',
  after: 'after', 'shortly after': 'after', 'soon after': 'after',
  before: 'before', 'shortly before': 'before', 'prior to': 'before', 'ahead of': 'before',
  during: 'during', throughout: 'during', through: 'during', over: 'during', within: 'during', between: 'during',
};

/** LEAD's phrases by their number of words, longest first (the leftmost match wins). */
const PHRASES: ReadonlyArray<ReadonlySet<string>> = (() => {
  const byWords: Array<Set<string>> = [new Set(), new Set(), new Set()];
  for (const alt of /\\b\((.*)\)\\s\+\$/.exec(LEAD.source)![1]!.split('|')) {
    const words = alt.replace(/\\\./g, '.').split('\\s+');
    byWords[words.length - 1]!.add(words.join(' '));
  }
  return byWords.reverse();
})();

function isWordChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * What LEAD.exec(text.slice(lo, at)) finds, read backwards from `at` without a regex: the
 * phrase (lower case, single spaces) and where it starts. The phrase ends where the whitespace
 * before `at` starts; of its one to three words, the most that form a phrase and start at a
 * word boundary win (the leftmost start).
 */
export function leadBefore(text: string, at: number, lo: number): { start: number; word: string } | undefined {
  let i = at;
  while (i > lo && isRegexSpace(text.charCodeAt(i - 1))) i--;
  if (i === at) return undefined;
  // up to three words back, each letters (the last may end in '.', "ca."), spaces between
  const starts: number[] = [];
  const words: string[] = [];
  for (let k = 0; k < 3; k++) {
    let e = i;
    if (k === 0 && e > lo && text.charCodeAt(e - 1) === 46) e--;
    let s = e;
    while (s > lo && isLetter(text.charCodeAt(s - 1))) s--;
    if (s === e) break;
    words.push(text.slice(s, i).toLowerCase());
    starts.push(s);
    i = s;
    let j = i;
    while (j > lo && isRegexSpace(text.charCodeAt(j - 1))) j--;
    if (j === i) break;
    i = j;
  }
  for (let k = words.length; k >= 1; k--) {
    const s = starts[k - 1]!;
    if (s > lo && isWordChar(text.charCodeAt(s - 1))) continue;
    let phrase = words[k - 1]!;
    for (let w = k - 2; w >= 0; w--) phrase += ' ' + words[w]!;
    if (PHRASES[3 - k]!.has(phrase)) return { start: s, word: phrase };
  }
  return undefined;
}

/** Approximation words belong to the TIMEX itself in WikiWars ("about 1910", "ca. 466 BC"). */
const APPROX = new Set(['around', 'about', 'approximately', 'roughly', 'circa', 'ca.', 'c.', 'some time around']);

export const qualifierLead: Refiner = {
  id: 'qualifiers.lead',
  refine(mentions, text) {
    for (const m of mentions) {
      if (m.anchor.kind === 'duration' || m.anchor.kind === 'set') continue;
      const p = leadBefore(text, m.start, Math.max(0, m.start - 24));
      if (!p) continue;
      const word = p.word;
      m.lead = p.start;
      m.qualifier ??= QUALIFIER[word] ?? 'on';
      if (APPROX.has(word) && m.anchor.kind === 'calendar') {
        m.mod ??= 'APPROX';
        m.start = m.lead;
      }
    }
    return mentions;
  },
};
