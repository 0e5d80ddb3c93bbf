import { describe, expect, it } from 'vitest';
import { RULES } from '../../pipeline/dates/rules/index.ts';
import { byLength, digitAfter, matchesAt, wordAfter, wordBefore, wordsBefore } from '../../pipeline/dates/rules/rule.ts';
import { findTriggers, triggerNo } from '../../pipeline/dates/triggers.ts';
import { PREFIX, prefixWordBefore } from '../../pipeline/dates/rules/parts.ts';
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

// A window rule's guard drops trigger positions, and with them their windows: every match its
// regex finds in the whole text (and its extractor keeps) must still hold a trigger position the guard keeps.
const WINDOW_GUARDED = ['anaphoric.this-period', 'anaphoric.meanwhile', 'anaphoric.present', 'anaphoric.the-event', 'relative.same-unit', 'relative.nth-day-of', 'parts.unit', 'times.words'];
const PHRASES = ['during', 'Throughout', 'of', 'the', 'The', 'that', 'this', 'same', 'very', 'VERY', 'war', 'siege', 'course', 'over',
  'day', 'days', 'night', 'morning', 'month', 'first', 'second', 'end', 'beginning', 'at', 'in', 'nine', 'eleven', "o'clock", 'its',
  'during the ', 'over the course of the ', 'the first day of the ', 'nine in the ', 'eleven at ', 'the very end of this ', 'that same ',
  'year', 'week', 'evening', 'throughout the  Siege', 'nine in the morning', 'eleven at  night', 'the end of the\tyear', 'The Beginning of that month',
  'this time', 'that  stage', 'the same moment', 'meanwhile', 'in the meantime', 'by then', 'By now', 'at the time', 'now', 'currently',
  'at present', 'these days', 'right now', 'the time being', 'the present day', 'today', 'then', 'time', 'present',
  ' ', ' ', '  ', ' ', ' ', '\n', ',', '.', '-', 'x', '_'];

describe('window guards', () => {
  for (const id of WINDOW_GUARDED) {
    it(`${id}: every match of its regex holds a trigger its guard keeps`, () => {
      const r = RULES.find((x) => x.id === id)!;
      const near = r.triggers.near!;
      const re = new RegExp(r.pattern.source, r.pattern.flags.includes('g') ? r.pattern.flags : `${r.pattern.flags}g`);
      let matches = 0;
      for (const t of [...CORPUS, ...randomTexts(6000, PHRASES, 31, 16)]) {
        const found = findTriggers(t, 0, t.length);
        const kept = r.triggers.on.flatMap((x) => found[triggerNo(x)]!).filter((p) => near(t, p));
        re.lastIndex = 0;
        for (let m = re.exec(t); m; m = re.exec(t)) {
          if (m[0].length === 0) { re.lastIndex++; continue; }
          if (!r.extract(m, t, 0)) continue;
          matches++;
          const end = m.index + m[0].length;
          if (!kept.some((p) => p >= m!.index && p < end)) expect({ id, match: m[0], at: m.index }).toBeUndefined();
        }
      }
      expect(matches).toBeGreaterThan(20);
    });
  }
});

describe('wordsBefore', () => {
  it('reads the words before a position nearest first, each across whitespace', () => {
    const g = wordsBefore(['the'], ['during', 'of']);
    const t = 'During  the war, all of\tTHE siege; during the-war, duringthe war, the war';
    const at = (w: string, k = 0) => { let i = -1; for (let n = 0; n <= k; n++) i = t.indexOf(w, i + 1); return i; };
    expect([g(t, at('war')), g(t, at('siege')), g(t, at('war', 1)), g(t, at('war', 2)), g(t, at('war', 3))]).toEqual([true, true, false, false, false]);
    expect(g('the war', 4)).toBe(false);
  });
});

describe('prefixWordBefore', () => {
  it('says no only where PREFIX cannot match the 32 characters before', () => {
    const parts = ['early', 'Mid', 'mid', 'late', 'the', 'of', 'in', 'very', 'end', 'turn', 'first half', 'x', '_', '9', '-', ' ', '  ', '\n', 'amid', 'inn'];
    let kept = 0;
    for (const t of [...CORPUS.map((c) => c.slice(0, 20000)), ...randomTexts(3000, parts, 5, 10)]) {
      for (let at = 0; at <= t.length; at++) {
        if (prefixWordBefore(t, at)) { kept++; continue; }
        const m = PREFIX.exec(t.slice(Math.max(0, at - 32), at));
        if (m) expect({ at, before: t.slice(Math.max(0, at - 32), at), match: m[0] }).toBeUndefined();
      }
    }
    expect(kept).toBeGreaterThan(100);
  });
});
