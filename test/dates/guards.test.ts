import { describe, expect, it } from 'vitest';
import { RULES } from '../../pipeline/dates/rules/index.ts';
import { byLength, digitAfter, matchesAt, wordAfter, wordBefore } from '../../pipeline/dates/rules/rule.ts';
import { wordBeforeSpace, wordBeforeSpaceIsOneOf } from '../../pipeline/dates/rules/refiner.ts';
import { CORPUS, randomTexts } from './generated.ts';

// Hand-written guards must say what the sticky regex tests they replace said, at any position.
const REPLACED: Record<string, [string, number]> = {
  'absolute.decade': ['\\d{2,3}0s', 5],
  'ranges.year-dash': ['\\d{4}\\s*[–—-]', 7],
  'times.clock': ['\\d{1,2}(?:[:.]\\d\\d)?\\s*[aApP]\\.?[mM]', 10],
};

const PARTS = ['0', '1', '9', '19', '196', '0s', 's', ' ', '  ', '\u00a0', '-', '–', '—', ':', '.', 'a', 'A', 'p', 'P', 'm', 'M', '.m', 'x', '\n'];

describe('hand-written guards', () => {
  for (const [id, [source, limit]] of Object.entries(REPLACED)) {
    it(`${id} guards as /${source}/y within ${limit} did`, () => {
      const near = RULES.find((r) => r.id === id)!.triggers.near!;
      const byRegex = matchesAt(source, limit);
      for (const t of [...CORPUS, ...randomTexts(5000, PARTS, 99, 14)]) {
        for (let at = 0; at <= t.length; at++) {
          if (near(t, at) !== byRegex(t, at)) expect({ text: t.slice(at, at + 12), at, near: near(t, at) }).toEqual({ text: t.slice(at, at + 12), at, near: byRegex(t, at) });
        }
      }
    });
  }
});

// Guards tightened to what a rule's own regex needs: where the tightened guard says no and the
// guard it refines says yes, the rule's sticky regex must fail (so no match is lost).
const TIGHTENED: Record<string, (text: string, at: number) => boolean> = {
  'absolute.year': () => true,
  'absolute.month-day-year': digitAfter(3),
  'absolute.month-day': digitAfter(3),
  'absolute.month-day-of-year': digitAfter(3),
  'ranges.month-days': digitAfter(3),
};

describe('tightened guards', () => {
  for (const [id, looser] of Object.entries(TIGHTENED)) {
    it(`${id}: no position its regex matches at is dropped`, () => {
      const r = RULES.find((x) => x.id === id)!;
      const re = new RegExp(r.pattern.source, 'y');
      for (const t of [...CORPUS, ...randomTexts(3000, PARTS, 99, 14).map((x) => `May ${x} 1939`)]) {
        for (let at = 0; at < t.length; at++) {
          if (r.triggers.near!(t, at) || !looser(t, at)) continue;
          re.lastIndex = at;
          if (re.test(t)) expect({ id, at, text: t.slice(at, at + 20) }).toBeUndefined();
        }
      }
    });
  }
});

// wordBefore / wordAfter compare the text's letters with their words in place; they must say
// what looking the lower-cased word up in a set says.
function isLetterCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
function isSpaceCode(c: number): boolean {
  return /\s/.test(String.fromCharCode(c));
}
function refAfter(words: string[]) {
  const set = new Set(words);
  return (text: string, at: number) => {
    let i = at;
    while (i < text.length && isLetterCode(text.charCodeAt(i))) i++;
    const gap = i;
    while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
    if (i === gap) return false;
    const s = i;
    while (i < text.length && isLetterCode(text.charCodeAt(i))) i++;
    return i > s && set.has(text.slice(s, i).toLowerCase());
  };
}
function refBefore(words: string[], opts: { digits?: boolean; hyphen?: boolean; suffixes?: string[] }) {
  const set = new Set(words);
  return (text: string, at: number) => {
    let i = at;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      if (!isSpaceCode(c) && !(opts.hyphen && c === 45)) break;
      i--;
    }
    if (i === at || i === 0) return false;
    const e = i;
    const d = text.charCodeAt(i - 1);
    if (d >= 48 && d <= 57) return opts.digits ?? false;
    while (i > 0 && isLetterCode(text.charCodeAt(i - 1))) i--;
    if (i === e) return false;
    const w = text.slice(i, e).toLowerCase();
    return set.has(w) || (opts.suffixes ?? []).some((x) => w.endsWith(x));
  };
}

describe('word guards', () => {
  const lists = [['later', 'earlier', 'after', 'before', 'ago', 'on'], ['a', 'an', 'half', 'few', 'several', 'twenty-one', 'of'], ['the', 'in', 'during']];
  const texts = [...CORPUS, 'Two Days LATER, a Few weeks, 3-day, twenty-first century, 21st-century, x day_s'];
  for (const words of lists) {
    it(`wordAfter([${words.join(', ')}])`, () => {
      const g = wordAfter(words);
      const r = refAfter(words);
      for (const t of texts) for (let at = 0; at < t.length; at += 3) if (g(t, at) !== r(t, at)) expect({ at, text: t.slice(at, at + 20) }).toBeUndefined();
    });
    for (const opts of [{}, { digits: true, hyphen: true }, { hyphen: true, suffixes: ['st', 'nd', 'rd', 'th'] }]) {
      it(`wordBefore([${words.join(', ')}], ${JSON.stringify(opts)})`, () => {
        const g = wordBefore(words, opts);
        const r = refBefore(words, opts);
        for (const t of texts) for (let at = 0; at < t.length; at += 3) if (g(t, at) !== r(t, at)) expect({ at, text: t.slice(Math.max(0, at - 20), at) }).toBeUndefined();
      });
    }
  }
});

describe('wordBeforeSpaceIsOneOf', () => {
  it('says what the set lookup of wordBeforeSpace says', () => {
    const words = ['on', 'in', 'of', 'ca', 'c', 'the', 'approximately', 'twenty-one'];
    const set = new Set(words);
    const inPlace = byLength(words);
    for (const t of [...CORPUS, 'ca. 466 BC, c. 1900, ON the 5th, THE   1960s.\tOf']) {
      for (let at = 0; at < t.length; at += 2) {
        for (const dot of [false, true]) {
          const lo = Math.max(0, at - 24);
          if (wordBeforeSpaceIsOneOf(inPlace, t, at, lo, dot) !== set.has(wordBeforeSpace(t, at, lo, dot))) expect({ at, dot, text: t.slice(lo, at) }).toBeUndefined();
        }
      }
    }
  });
});
