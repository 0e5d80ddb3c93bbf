// Expressions counted from the narrative's current anchor: the next day, the following week,
// the previous year, that day, the same day, later that month, two days later, a week prior,
// and deictic ones counted from the document date: yesterday, today, tomorrow.
import { NUMBER_WORD_RE, numberValue, TIMES_OF_DAY } from '../lexicon.ts';
import type { Season, TimeOfDay, Unit } from '../model.ts';
import type { Draft, Rule } from './rule.ts';
import { rule, wordAfter, wordBefore } from './rule.ts';

const UNIT_OF: Record<string, Unit> = {
  day: 'day', days: 'day', week: 'week', weeks: 'week', month: 'month', months: 'month', year: 'year', years: 'year',
  decade: 'decade', decades: 'decade', weekend: 'weekend', spring: 'season', summer: 'season', autumn: 'season',
  fall: 'season', winter: 'season', morning: 'day', afternoon: 'day', evening: 'day', night: 'day', century: 'century',
};
const TOD_WORDS = new Set(['morning', 'afternoon', 'evening', 'night']);

function unitDraft(word: string, n: number): Draft {
  const w = word.toLowerCase();
  const tod: TimeOfDay | undefined = TOD_WORDS.has(w) ? TIMES_OF_DAY[w] : undefined;
  return { known: tod ? { tod } : {}, anchor: n === 0 ? { kind: 'same', unit: UNIT_OF[w]! } : { kind: 'offset', unit: UNIT_OF[w]!, n } };
}

const SEASON_OF: Record<string, Season | undefined> = { spring: 'SP', summer: 'SU', autumn: 'FA', fall: 'FA', winter: 'WI' };

/**
 * `this week`, `last month`, `next week`: counted from the publication in news, from the story's
 * time in a narrative (the resolver decides; see the `deictic` anchor's `orSame`).
 */
function fromPublication(d: Draft): void {
  const a = d.anchor;
  if (a.kind === 'same' && a.unit !== 'any') d.anchor = { kind: 'deictic', n: 0, unit: a.unit, orSame: true };
  else if (a.kind === 'offset') d.anchor = { kind: 'deictic', n: a.n, unit: a.unit, orSame: true };
}

/** The word an event is remembered by (`offensive` and `offensives` are one). */
export function eventNoun(w: string): string {
  return w.toLowerCase().replace(/s$/, '');
}

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];

const DIR: Record<string, number> = {
  next: 1, following: 1, subsequent: 1, succeeding: 1, previous: -1, preceding: -1, prior: -1, last: -1,
};
const AFTER_WORDS = /^(?:later|after|afterwards?|afterward|on|hence|following)$/i;

const NUM = `(?:\\d+|${NUMBER_WORD_RE}|an?|one|a\\s+single)`;
const UNIT = '(?:days?|weeks?|months?|years?|decades?)';

/** The units of 'that same day', 'that month'. */
const SAME_UNITS = ['day', 'weekend', 'night', 'morning', 'afternoon', 'evening', 'week', 'month', 'year', 'spring', 'summer', 'autumn', 'fall', 'winter'];

export const relativeRules: Rule[] = [
  // the next day / the following morning / the previous year (not "the next few days")
  // ... and next week, last month, last night without `the`: counted from the publication in news
  // (the story's time in a narrative); `the last year of` is no count
  rule('relative.next-unit', { on: ['next'], reach: [10, 28] }, '\\b(the\\s+)?(next|following|previous|preceding|prior|subsequent|succeeding|last)\\s+(day|morning|afternoon|evening|night|week|weekend|month|year|decade|century|spring|summer|autumn|fall|winter)\\b(?!\\s+(?:of|after|before)\\b)', (m) => {
    const word = m[2]!.toLowerCase();
    const deictic = !m[1] && (word === 'next' || word === 'last');
    if (word === 'last' && !deictic) return null;
    const unit = m[3]!.toLowerCase();
    if (deictic && (unit === 'day' || unit === 'decade' || unit === 'century')) return null;
    const d = unitDraft(unit, DIR[word]!);
    if (deictic) fromPublication(d);
    const season = SEASON_OF[unit];
    if (season) d.known.season = season;
    return d;
  }, 'gi'),

  // over the weekend, at the weekend, during the weekend: this weekend (the one just gone in a
  // report of what happened, in news) or, in a narrative, the story's
  rule('relative.the-weekend', { on: ['unit'], reach: [12, 12], near: wordBefore(['the']) }, '\\b(?:over|at|during|on)\\s+the\\s+weekend\\b(?!\\s+(?:of|before|after)\\b)', (m) => {
    const d: Draft = { known: {}, anchor: { kind: 'same', unit: 'weekend' }, leadChars: m[0]!.search(/the/i) };
    fromPublication(d);
    return d;
  }, 'gi'),

  // the day before / the day after / the day following (a narrative anchor, not a named event)
  rule('relative.unit-before-after', { on: ['unit', 'tod'], reach: [8, 20], near: wordAfter(['before', 'after', 'following']) }, '\\b(?:the\\s+)(day|week|month|year|night|morning)\\s+(before|after|following)\\b', (m) => {
    const n = m[2]!.toLowerCase() === 'before' ? -1 : 1;
    return unitDraft(m[1]!, n);
  }, 'gi'),

  // that day, that same day, the same day, this very morning, that month, this morning, this week
  // (a trigger followed by same, very or the unit; not `that day of`)
  rule('relative.same-unit', { on: ['same'], reach: [6, 26], near: wordAfter(['same', 'very', ...SAME_UNITS]) }, `\\b(?:(?:that|the|this)\\s+(?:same|very)|that|(this))\\s+(${SAME_UNITS.join('|')})\\b(?!\\s+(?:of|before|after)\\b)`, (m, text) => {
    // `remains a controversy to this day`, `until this very day`: the writer's present
    if (/^this\b/i.test(m[0]) && /^day$/i.test(m[2]!) && /\b(?:to|until|till)\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index))) {
      return { known: {}, anchor: { kind: 'present' } };
    }
    const d = unitDraft(m[2]!, 0);
    // `this morning`, `this week`: the publication's day or week in news
    if (m[1]) fromPublication(d);
    const season = SEASON_OF[m[2]!.toLowerCase()];
    if (season) d.known.season = season;
    return d;
  }, 'gi'),

  // later that month, earlier that year, later in the day, later the same day
  rule('relative.later-that', { on: ['sequence'], reach: [2, 34], start: true }, '\\b(later|earlier)\\s+(?:that|in\\s+the|on\\s+the|the\\s+same|(this))\\s+(day|week|month|year|morning|afternoon|evening|night|summer|spring|autumn|winter)\\b', (m) => {
    const d = unitDraft(m[3]!, 0);
    // `earlier this month`: the publication's month in news
    if (m[2]) fromPublication(d);
    const season = SEASON_OF[m[3]!.toLowerCase()];
    if (season) d.known.season = season;
    d.qualifier = m[1]!.toLowerCase() === 'later' ? 'after' : 'before';
    return d;
  }, 'gi'),

  // two days later, one week earlier, a week prior, twelve days after, 14 years later, two days previously
  rule('relative.n-units', { on: ['unit'], reach: [40, 30], near: wordAfter(['later', 'earlier', 'after', 'before', 'afterwards', 'afterward', 'previously', 'prior', 'ago', 'beforehand', 'on']) }, `(?<![\\d.,])\\b(?:(just|only|some|about|around|nearly|almost|barely)\\s+)?(${NUM})\\s+(${UNIT})\\s+(later|earlier|after|before|afterwards?|previously|prior|ago|beforehand|on)\\b`, (m) => {
    const n = numberValue(m[2]!); // numberValue folds whitespace itself
    if (n === undefined) return null;
    const dir = AFTER_WORDS.test(m[4]!) ? 1 : -1;
    let unit = UNIT_OF[m[3]!.toLowerCase()]!;
    let k = n;
    if (unit === 'week') { unit = 'day'; k = 7 * n; } // "one week later" is a day, not an ISO week
    const d: Draft = { known: {}, anchor: { kind: 'offset', unit, n: dir * k } };
    // "two days ago" counts back from the document's own date, not the narrative's
    if (m[4]!.toLowerCase() === 'ago') d.anchor = unit === 'day' ? { kind: 'deictic', n: -k } : { kind: 'deictic', n: -k, unit };
    if (m[1] && /about|around|nearly|almost/i.test(m[1])) d.mod = 'APPROX';
    return d;
  }, 'gi'),

  // a few days later, several weeks earlier, months later
  rule('relative.vague-units', { on: ['unit'], reach: [26, 20], near: wordAfter(['later', 'earlier', 'afterwards', 'afterward', 'before', 'previously', 'prior', 'ago']) }, '\\b(?:(?:a\\s+few|several|some|many|a\\s+couple\\s+of)\\s+)?(days|weeks|months|years)\\s+(later|earlier|afterwards?|before|previously|prior|ago)\\b', (m) => {
    const dir = /later|after/i.test(m[2]!) ? 1 : -1;
    return { known: {}, anchor: { kind: 'vague-offset', dir, unit: UNIT_OF[m[1]!.toLowerCase()]! } };
  }, 'gi'),

  // the second day of the bombardment: counted from the current day (the event's first day)
  // ... counted from the day the text said that event began, where it did (`On 29 June, troops
  // launched an offensive` ... `the second day of the offensive`: 30 June)
  rule('relative.nth-day-of', { on: ['ordinal'], reach: [6, 40], near: wordAfter(['day', 'night', 'morning']) }, '\\b(?:the\\s+)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\\s+(day|night|morning)\\s+of\\s+(?:the|its|their|this)\\s+([a-z]+)', (m) => {
    const n = ORDINALS.indexOf(m[1]!.toLowerCase());
    const tod = TOD_WORDS.has(m[2]!.toLowerCase()) ? TIMES_OF_DAY[m[2]!.toLowerCase()] : undefined;
    return { known: tod ? { tod } : {}, anchor: { kind: 'event-part', noun: eventNoun(m[3]!), n, days: 1 } };
  }, 'gi'),

  // the first two days of the offensive: from the day it began, that many days
  rule('relative.first-days-of', { on: ['ordinal'], reach: [6, 50], near: wordAfter(['two', 'three', 'four', 'five', 'six', 'seven', 'few']) }, `\\b(?:the\\s+)first\\s+(${NUMBER_WORD_RE}|\\d+)\\s+days\\s+of\\s+(?:the|its|their|this)\\s+([a-z]+)`, (m) => {
    const days = numberValue(m[1]!);
    if (days === undefined || days < 2 || days > 31) return null;
    return { known: {}, anchor: { kind: 'event-part', noun: eventNoun(m[2]!), n: 0, days } };
  }, 'gi'),

  // on the seventh day, the third evening (no `of` after it): counted from the current day, the
  // first day being the current day itself
  rule('relative.nth-day', { on: ['ordinal'], reach: [6, 24], near: wordAfter(['day', 'night', 'morning', 'evening', 'afternoon']) }, '\\b(?:the\\s+)(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\\s+(day|night|morning|evening|afternoon)\\b(?!\\s+(?:of|in|that|when|after|before)\\b)', (m) => {
    const n = ORDINALS.indexOf(m[1]!.toLowerCase());
    return unitDraft(m[2]!, n);
  }, 'gi'),

  // yesterday / today / tomorrow / tonight
  rule('relative.deictic-day', { on: ['deictic'], reach: [2, 12], start: true }, '\\b(yesterday|today|tomorrow|tonight)\\b', (m) => {
    const w = m[1]!.toLowerCase();
    const n = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    return { known: w === 'tonight' ? { tod: 'NI' } : {}, anchor: { kind: 'deictic', n } };
  }, 'gi'),
];
