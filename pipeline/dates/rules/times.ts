// Times of day: clock times (10am, 11:30 a.m. local time, at nine in the morning), parts of a
// day on their own (that afternoon is relative; "in the late afternoon", "by sunset", "deep into
// the night" take the current day), and "the night of 7 May" joined by the `times.of-date` refiner.
import { NUMBER_WORD_RE, numberValue, TIMES_OF_DAY } from '../lexicon.ts';
import type { Rule } from './rule.ts';
import { byLength, isRegexSpace, matchesAt, rule, wordBefore } from './rule.ts';
import { wordBeforeSpaceIsOneOf, type Refiner } from './refiner.ts';

const CLOCK_AT = matchesAt('\\d{1,2}(?:[:.]\\d\\d)?\\s*[aApP]\\.?[mM]', 10);

/**
 * CLOCK_AT, tried only where it can match: one or two digits at `at`, then ':', '.', a/p or
 * whitespace (three digits, or anything else after them, fail every way the regex can go).
 */
function clockAt(text: string, at: number): boolean {
  let j = at;
  while (j < at + 3 && isDigitCode(text.charCodeAt(j))) j++;
  if (j === at || j === at + 3) return false;
  const c = text.charCodeAt(j);
  if (!(c === 58 || c === 46 || c === 97 || c === 65 || c === 112 || c === 80 || isRegexSpace(c))) return false;
  return CLOCK_AT(text, at);
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

export const timeRules: Rule[] = [
  rule('times.clock', { on: ['digit'], reach: [16, 30], near: clockAt }, '\\b(?:(about|around|approximately)\\s+)?([01]?\\d)(?:[:.]([0-5]\\d))?\\s*(a\\.m\\.|p\\.m\\.|am|pm|AM|PM)(?:\\s+local\\s+time)?(?![a-z])', (m) => {
    let h = Number(m[2]);
    if (h > 12) return null;
    const pm = /p/i.test(m[4]!);
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return {
      known: { hour: h, minute: m[3] ? Number(m[3]) : 0 },
      anchor: { kind: 'same', unit: 'day' },
      ...(m[1] ? { mod: 'APPROX' } : {}),
    };
  }),

  // nine in the morning, eleven o'clock at night
  rule('times.words', { on: ['tod'], reach: [40, 12], near: wordBefore(['the', 'at']) }, `\\b(${NUMBER_WORD_RE})(?:\\s+o'clock)?\\s+(?:in\\s+the\\s+(morning|afternoon|evening)|at\\s+night)\\b`, (m) => {
    let h = numberValue(m[1]!);
    if (h === undefined || h > 12) return null;
    if (m[2] && m[2] !== 'morning' && h < 12) h += 12;
    if (!m[2] && h < 12 && h > 5) h += 12;
    return { known: { hour: h, minute: 0 }, anchor: { kind: 'same', unit: 'day' } };
  }, 'gi'),

  // night attacks, night raids, a night-time retreat: done by night, on no day the text names
  // (TIMEX2 XXXX-XX-XXTNI)
  rule('times.night-adjective', { on: ['tod'], start: true, reach: [2, 40] }, '\\b(night-time|nighttime|night)\\s+(?:attacks?|raids?|assaults?|marches?|march|retreats?|operations?|crossings?|bombings?|bombing|fighting|battles?|sorties?|patrols?|offensives?|ambush(?:es)?|strikes?|landings?|withdrawals?|shelling)\\b', (m) => ({
    known: {}, anchor: { kind: 'set', value: 'XXXX-XX-XXTNI' }, trimEnd: m[0]!.length - m[1]!.length,
  }), 'gi'),

  // in the late afternoon, by sunset, at dawn, deep into the night, during the day
  rule('times.part-of-day', { on: ['tod', 'unit'], reach: [32, 14], near: wordBefore(['in', 'during', 'into', 'at', 'by', 'before', 'after', 'until', 'through', 'the', 'late', 'early']) }, '\\b((?:in|during|into|at|by|before|after|until|through)\\s+|deep\\s+into\\s+)((?:the\\s+)?(?:(?:late|early)\\s+)?(morning|afternoon|evening|night|day|dawn|dusk|sunset|sunrise|noon|midday|midnight|nightfall|daybreak))\\b(?!\\s+(?:of|before|after)\\b)', (m) => {
    const w = m[3]!.toLowerCase();
    // "in the day" is rare as a time; "during the day" is common
    if (w === 'day' && !/^(?:during|through)/i.test(m[1]!)) return null;
    const lead = /^deep/i.test(m[1]!) ? 0 : m[1]!.length;
    return { known: { tod: TIMES_OF_DAY[w]! }, anchor: { kind: 'same', unit: 'day' }, leadChars: lead };
  }, 'gi'),
];

const OF = byLength(['of']);
const OF_DATE = /\b(?:the\s+)?(?:(?:early|late)\s+)?(morning|afternoon|evening|night|early\s+hours|small\s+hours|early\s+morning\s+hours|early\s+morning)\s+of\s+$/i;

/** "the night of 7 May": the date carries a time of day, and the span grows to the phrase. */
export const timesOfDate: Refiner = {
  id: 'times.of-date',
  refine(mentions, text) {
    for (const m of mentions) {
      if (m.anchor.kind !== 'calendar') continue;
      // `the night of 3-4 May`: the night is the first day's
      const target = m.range ? (m.range.split && m.range.from.start === m.start ? m.range.from : undefined) : m;
      if (!target || target.known.day === undefined) continue;
      const lo = Math.max(0, m.start - 40);
      if (!wordBeforeSpaceIsOneOf(OF, text, m.start, lo)) continue; // OF_DATE ends in of\s+$
      const before = text.slice(lo, m.start);
      const p = OF_DATE.exec(before);
      if (!p) continue;
      target.known.tod = TIMES_OF_DAY[p[1]!.toLowerCase().replace(/\s+/g, ' ')] ?? 'NI';
      if (target !== m) target.start -= p[0].length;
      m.start -= p[0].length;
      m.rule = `${m.rule}+times.of-date`;
    }
    return mentions;
  },
};
