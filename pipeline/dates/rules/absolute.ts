// Dates written out in full or in part: 8 May 2011, May 8, 2011, 8 May, May 2011, May, 2011,
// 480 BC, the 1960s, the 18th century, 2014-02-7. Missing parts stay missing for pass 2.
import { ERA_AFTER_RE, MONTH_RE, eraOf, monthNumber, ordinalValue, ORDINAL_RE } from '../lexicon.ts';
import type { Mention } from '../model.ts';
import { wordBeforeSpaceIsOneOf, type Refiner } from './refiner.ts';
import type { Draft, Rule } from './rule.ts';
import { byLength, dayAfterMonth, digitAfter, digitBefore, ofAhead, rule, wordBefore } from './rule.ts';

const DAY = '(?:[12]\\d|3[01]|0?[1-9])';
const ORD = '(?:st|nd|rd|th)?';

/** Words before a bare "May"/"March" that make it a month, not a verb. */
const MONTH_CONTEXT = /(?:\b(?:in|of|by|since|until|till|from|to|through|throughout|during|early|late|mid|and|or|before|after|end|beginning|middle|start|between|last|next|this|that|following|into|around|until|the|late-|early-)|mid-|[-–—])\s*$/i;
const AMBIGUOUS_MONTH = /^(?:May|March)$/;
// What follows `the March` when it is a march, not the month: a preposition of a route, or the end of a clause.
const MARCH_NOUN_AFTER = /^(?:\s+(?:to(?!\s+(?:January|February|April|May|June|July|August|September|October|November|December|\d))|on|through|across|from|into|against|of\s+(?![\d']|that\b|this\b|the\s+(?:same|following|next)\b))\b|\s*[.;:!?)]|\s*,\s+(?![\d']|(?:January|February|April|May|June|July|August|September|October|November|December|and|or)\b))/;

/** A plural noun after a number makes it a count ("On 7 August 16 civilians were killed"). */
function countNounFollows(text: string, end: number): boolean {
  return /^\s+(?:[a-z]+[^s\W]s|people|men|women|children|personnel|police|staff|militia)\b/.test(text.slice(end, end + 24));
}

/** What follows a number decides whether it is a year or a count ("611 civilians"). */
function looksLikeCount(text: string, end: number): boolean {
  const after = text.slice(end, end + 24);
  return /^\s+[a-z]/.test(after) || /^(?:,\d{3}|\.\d|%|\s*(?:km|m|ft|mi)\b)/.test(after);
}

/** A year between a determiner and a noun ("the 2012 offensive", "his 2013 book"). */
function isAttributive(text: string, start: number, end: number): boolean {
  // /^[ -][A-Za-z]/ on what follows, by character tests first (the cheapest of the three)
  const c = text.charCodeAt(end);
  if (!((c === 32 || c === 45) && ((text.charCodeAt(end + 1) | 32) - 97) >>> 0 < 26)) return false;
  const before = text.slice(Math.max(0, start - 12), start);
  const after = text.slice(end, end + 20);
  return /\b(?:the|a|an|his|her|its|their|our|this|that|'s|’s)\s+$/i.test(before) && /^[ -][A-Za-z]/.test(after) &&
    !/^\s+(?:and|to|or|until|through|BC|AD|BCE|CE)\b/.test(after);
}

/** A demonym in the plural, or one before a plural noun, after a number. */
const NATION_COUNT_AFTER = /^\s+\p{Lu}\p{Ll}+(?:ans|is)\b|^\s+\p{Lu}\p{Ll}+(?:an|ian|ine|ish|ese|i)\s+(?:[a-z]+\s+)?(?:[a-z]+[^s\W]s|people|men|women|children|personnel|police|staff|troops)\b/u;

/** Words after a three-digit year that do not make it a count ("from 499 to 493 BC"). */
const FUNCTION_WORD_AFTER = /^\s+(?:to|and|or|until|till|when|in|at|on|by|the|as|after|before|with|against|he|she|they|it|was|were)\b/;

/** Counts written before a number ("about 1500 troops"). */
const COUNT_LEAD = /\b(?:about|around|some|over|than|nearly|approximately|almost|up to|least|estimated|only|another|(?:total|votes?|majority|margin|tally|score|force|army|garrison|fleet|crew|population|toll|deaths|casualties|losses|loss) of)\s+$/i;
/** The last word of each COUNT_LEAD phrase. */
const COUNT_LEAD_LAST = byLength(['about', 'around', 'some', 'over', 'than', 'nearly', 'approximately', 'almost', 'to', 'least', 'estimated', 'only', 'another', 'of']);

/**
 * COUNT_LEAD on the 24 characters before `start`: tried only when the word before the spaces
 * there is the last word of one of its phrases (which any match ends in).
 */
function countLeads(text: string, start: number): boolean {
  const lo = Math.max(0, start - 24);
  return wordBeforeSpaceIsOneOf(COUNT_LEAD_LAST, text, start, lo) && COUNT_LEAD.test(text.slice(lo, start));
}

/**
 * The regex of absolute.year needs three or four digits at `at` and no digit after them
 * (\d{3,4}(?![\d%]...)): a sticky match is tried only there.
 */
function threeOrFourDigits(text: string, at: number): boolean {
  let i = at;
  while (i < at + 5 && isDigitCode(text.charCodeAt(i))) i++;
  return i - at === 3 || i - at === 4;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * /\d{2,3}0s/y matches at `at` (within 5 characters, as it always is): three digits then "0s",
 * or, as the regex backtracks, two digits then "0s".
 */
function decadeAt(text: string, at: number): boolean {
  if (!isDigitCode(text.charCodeAt(at)) || !isDigitCode(text.charCodeAt(at + 1))) return false;
  if (isDigitCode(text.charCodeAt(at + 2)) && text.charCodeAt(at + 3) === 48 && text.charCodeAt(at + 4) === 115) return true;
  return text.charCodeAt(at + 2) === 48 && text.charCodeAt(at + 3) === 115;
}

function year(s: string): number {
  return Number(s);
}

export const absoluteRules: Rule[] = [
  rule('absolute.iso-date', { on: ['digit'], reach: [0, 12], near: (t, at) => t.charCodeAt(at + 4) === 45, start: true }, '\\b(\\d{4})-(0?[1-9]|1[0-2])-(\\d{1,2})\\b', (m) => ({
    known: { year: year(m[1]!), month: Number(m[2]), day: Number(m[3]) },
    anchor: { kind: 'calendar' },
  })),

  // 8 May 2011, 8th of May 2011, 480 BC dates; the year must not be a count (9 February 611 civilians)
  rule('absolute.day-month-year', { on: ['month'], reach: [8, 30], near: digitBefore(10), digitStart: true }, `\\b(${DAY})${ORD}\\s+(?:of\\s+)?(${MONTH_RE}),?\\s+(\\d{1,4})(${ERA_AFTER_RE})?(?![\\d,]\\d)\\b`, (m, text) => {
    const era = eraOf(m[4]);
    const y = year(m[3]!);
    if (!era && (y < 1000 || m[3]!.length < 4) && looksLikeCount(text, m.index + m[0].length)) return null;
    if (!era && y < 100) return null;
    return { known: { day: Number(m[1]), month: monthNumber(m[2]!)!, year: y, ...(era ? { era } : {}) }, anchor: { kind: 'calendar' } };
  }),

  // September 1, 1939 / May 10 1940
  rule('absolute.month-day-year', { on: ['month'], reach: [0, 30], near: dayAfterMonth(3), start: true }, `\\b(${MONTH_RE})\\s+(${DAY})${ORD}(?:,\\s*|\\s+)(\\d{3,4})(${ERA_AFTER_RE})?(?![\\d,]\\d)\\b`, (m, text) => {
    const era = eraOf(m[4]);
    const y = year(m[3]!);
    if (!era && y < 1000 && looksLikeCount(text, m.index + m[0].length)) return null;
    return { known: { month: monthNumber(m[1]!)!, day: Number(m[2]), year: y, ...(era ? { era } : {}) }, anchor: { kind: 'calendar' } };
  }),

  rule('absolute.month-day', { on: ['month'], reach: [0, 24], near: dayAfterMonth(3), start: true }, `\\b(${MONTH_RE})\\s+(${DAY})${ORD}\\b(?![,.]?\\d)(?!\\s*(?:%|percent|km|miles))`, (m, text) => {
    if (!/(?:st|nd|rd|th)$/.test(m[0]) && countNounFollows(text, m.index + m[0].length)) return null;
    return { known: { month: monthNumber(m[1]!)!, day: Number(m[2]) }, anchor: { kind: 'calendar' } };
  }),

  rule('absolute.day-month', { on: ['month'], reach: [8, 20], near: digitBefore(10), digitStart: true }, `\\b(${DAY})${ORD}\\s+(?:of\\s+)?(${MONTH_RE})\\b`, (m) => ({
    known: { day: Number(m[1]), month: monthNumber(m[2]!)! },
    anchor: { kind: 'calendar' },
  })),

  // July 25 of that year, August of the same year: the year is the narrative's
  rule('absolute.month-of-that-year', { on: ['month'], reach: [0, 40], near: ofAhead(24), start: true }, `\\b(${MONTH_RE})(?:\\s+(${DAY})${ORD})?\\s+of\\s+(?:that|the\\s+same|this)\\s+year\\b`, (m) => ({
    known: { month: monthNumber(m[1]!)!, ...(m[2] ? { day: Number(m[2]) } : {}) },
    anchor: { kind: 'calendar' },
  })),

  rule('absolute.month-day-of-year', { on: ['month'], reach: [0, 30], near: dayAfterMonth(3), start: true }, `\\b(${MONTH_RE})\\s+(${DAY})${ORD}\\s+of\\s+(\\d{4})\\b`, (m) => ({
    known: { month: monthNumber(m[1]!)!, day: Number(m[2]), year: Number(m[3]) },
    anchor: { kind: 'calendar' },
  })),

  // Christmas 1963, Christmas Day, New Year's Day
  rule('absolute.holiday', { on: ['holiday'], reach: [2, 24], start: true }, '\\b(Christmas(?:\\s+(?:Day|Eve))?|New\\s+Year\'s\\s+(?:Day|Eve))(?:,?\\s+(\\d{4}))?\\b', (m) => {
    const w = m[1]!;
    const [month, day] = /^Christmas\s+Eve/.test(w) ? [12, 24] : /^Christmas/.test(w) ? [12, 25] : /Eve$/.test(w) ? [12, 31] : [1, 1];
    return { known: { month, day, ...(m[2] ? { year: Number(m[2]) } : {}) }, anchor: { kind: 'calendar' } };
  }),

  // May 2011, February of 1940, April 480 BC
  rule('absolute.month-year', { on: ['month'], reach: [0, 28], near: digitAfter(6), start: true }, `\\b(${MONTH_RE}),?\\s+(?:of\\s+)?(\\d{3,4})(${ERA_AFTER_RE})?(?![\\d,]\\d)\\b`, (m, text) => {
    const era = eraOf(m[3]);
    const y = year(m[2]!);
    if (!era && (y < 1000) ) return null;
    if (!era && y < 1000 && looksLikeCount(text, m.index + m[0].length)) return null;
    return { known: { month: monthNumber(m[1]!)!, year: y, ...(era ? { era } : {}) }, anchor: { kind: 'calendar' } };
  }),

  // A bare month name; "May"/"March" only where the words around make it a month.
  rule('absolute.month', { on: ['month'], reach: [0, 12], start: true }, `\\b(January|February|March|April|May|June|July|August|September|October|November|December)\\b(?!['’]\\w)`, (m, text) => {
    if (AMBIGUOUS_MONTH.test(m[1]!)) {
      const before = text.slice(Math.max(0, m.index - 16), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (!MONTH_CONTEXT.test(before) && !/^\s*[-–—]\s*[A-Z][a-z]+/.test(after) && !/\(\s*$/.test(before)) return null;
      // `the March to Versailles`, `Sherman's March through Georgia`, `along the March.`: a march.
      if (m[1] === 'March' && /(?:\bthe|['’]s)\s+$/i.test(before) && MARCH_NOUN_AFTER.test(after)) return null;
    }
    return { known: { month: monthNumber(m[1]!)! }, anchor: { kind: 'calendar' } };
  }),

  // the 1960s, the late 1980s, the 470s BC (the part word is taken by the parts refiner)
  rule('absolute.decade', { on: ['digit'], reach: [6, 12], near: decadeAt }, `\\b(?:the\\s+)?(\\d{2,3})0s(${ERA_AFTER_RE})?\\b`, (m) => {
    const era = eraOf(m[2]);
    return { known: { decade: Number(m[1]), ...(era ? { era } : {}) }, anchor: { kind: 'calendar' } };
  }),

  // the 18th century, eighteenth-century, the 4th century BC
  // every ordinal ends in st/nd/rd/th (21st, eighteenth)
  rule('absolute.century', { on: ['unit'], reach: [26, 14], near: wordBefore([], { hyphen: true, suffixes: ['st', 'nd', 'rd', 'th'] }) }, `\\b(?:the\\s+)?(${ORDINAL_RE})[- ]century(${ERA_AFTER_RE})?\\b`, (m) => {
    const n = ordinalValue(m[1]!);
    if (!n) return null;
    const era = eraOf(m[2]);
    return { known: { century: n - 1, ...(era ? { era } : {}) }, anchor: { kind: 'calendar' } };
  }, 'gi'),

  // 480 BC, AD 1066, ca. 466 BC
  rule('absolute.year-era', { on: ['era'], reach: [16, 6] }, `\\b(?:(ca\\.|c\\.|circa)\\s*)?(?:(AD|A\\.D\\.)\\s*)?(\\d{1,4})(${ERA_AFTER_RE})?\\b`, (m, text) => {
    const era = eraOf(m[4]) ?? (m[2] ? 'AD' : undefined);
    if (!era) return null;
    const d: Draft = { known: { year: Number(m[3]), era }, anchor: { kind: 'calendar' } };
    if (m[1]) d.mod = 'APPROX';
    if (isAttributive(text, m.index, m.index + m[0].length)) d.attributive = true;
    return d;
  }),

  // A four-digit year (1000-2099), or a three-digit one after "in"/"of"... (ancient narratives).
  rule('absolute.year', { on: ['digit'], reach: [2, 8], near: threeOrFourDigits, start: true }, '(?<![\\d$£€.,/:-])(\\d{3,4})(?![\\d%]|[.,]\\d|\\s*(?:km|m|ft|mi|kg|t|tonnes)\\b)(?!-(?:\\d|[a-z]+ed\\b))', (m, text) => {
    const y = Number(m[1]);
    const start = m.index;
    const end = start + m[0].length;
    if (m[1]!.length === 3) {
      const before = text.slice(Math.max(0, start - 24), start);
      if (!/\b(?:in|of|by|since|until|from|to|and|after|before|year|around|c\.|ca\.|–|-)\s*$/i.test(before)) return null;
      if (countNounFollows(text, end) || (looksLikeCount(text, end) && !FUNCTION_WORD_AFTER.test(text.slice(end, end + 12)))) return null;
      // `649 Argentine military personnel`, `983 Israelis`: a count of people named by their nation
      if (NATION_COUNT_AFTER.test(text.slice(end, end + 40))) return null;
      // "around 200", "up to 150–220 people": a quantity, unless an era follows ("around 490 BC"
      // is read by the era rules); a number range ends a count, not a year.
      if (countLeads(text, start) || /^\s*[–-]\s*\d/.test(text.slice(end, end + 4))) return null;
      // `250 000 lives`, `1 250`: a group of a number written with spaces between thousands.
      if (/^[ \u00a0\u202f]\d{3}(?!\d)/.test(text.slice(end, end + 5)) || /\d[ \u00a0\u202f]$/.test(before)) return null;
      // `a vote of 111 to 333`: the second number of a range whose first is a count.
      const range = /(\d{1,4})\s*(?:to|and|or|–|-)\s*$/.exec(before);
      if (range && countLeads(text, start - (before.length - range.index))) return null;
      return { known: { year: y }, anchor: { kind: 'calendar' } };
    }
    if (y < 1000 || y > 2099) return null;
    if (countLeads(text, start) && (countNounFollows(text, end) || /^\s*(?:[,.;)]|$)/.test(text.slice(end, end + 2)))) return null;
    const attributive = isAttributive(text, start, end);
    if (!attributive && y < 1500 && looksLikeCount(text, end)) return null;
    return { known: { year: y }, anchor: { kind: 'calendar' }, ...(attributive ? { attributive } : {}) };
  }),
];

const DETERMINER_BEFORE = /\b(?:the|a|an|his|her|its|their|our|this|that)\s+$/i;
const DETERMINERS = byLength(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'this', 'that']);
const NAME_AFTER = /^[ -](?!(?:and|to|or|until|through)\b)[A-Z][a-z]/;
const MONTH_OR_DAY_NAME = /^\s*(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/;

/**
 * A month or date between a determiner and a name modifies the name ("the March–April Daraa
 * protests", "the 25 May Houla massacre"): a value, not the time of the sentence's event.
 */
export const attributiveDates: Refiner = {
  id: 'absolute.attributive',
  refine(mentions: Mention[], text: string) {
    for (const m of mentions) {
      if (m.anchor.kind !== 'calendar' || m.attributive) continue;
      // DETERMINER_BEFORE ends in (determiner)\s+$
      const lo = Math.max(0, m.start - 8);
      if (!wordBeforeSpaceIsOneOf(DETERMINERS, text, m.start, lo) || !DETERMINER_BEFORE.test(text.slice(lo, m.start))) continue;
      const after = text.slice(m.end, m.end + 16);
      if (NAME_AFTER.test(after) && !MONTH_OR_DAY_NAME.test(after)) m.attributive = true;
    }
    return mentions;
  },
};
