// Durations and sets: three years, a few days, 90 days, one-year, nineteen years old, a decade,
// half a century; annually, daily, each year. They are TIMEXes with a non-calendar value
// (P3Y, PXD, XXXX) and never anchor a statement.
import { COUNT_LAST_WORDS, NUMBER_WORD_RE, numberValue } from '../lexicon.ts';
import type { Rule } from './rule.ts';
import { rule, wordBefore } from './rule.ts';

const UNIT_CODE: Record<string, string> = {
  hour: 'TH', minute: 'TM', day: 'D', week: 'W', month: 'M', year: 'Y', decade: 'DE', century: 'CE',
};

function unitCode(w: string): string {
  // a handful of spellings ("days", "Years"): each worked out once
  let code = unitCodes.get(w);
  if (code === undefined) {
    const u = w.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
    code = UNIT_CODE[u] ?? 'D';
    if (unitCodes.size >= 1000) unitCodes.clear();
    unitCodes.set(w, code);
  }
  return code;
}

const unitCodes = new Map<string, string>();

function value(n: number | 'X', code: string): string {
  return code.startsWith('T') ? `PT${n}${code.slice(1)}` : `P${n}${code}`;
}

const MOD: Record<string, string> = {
  nearly: 'LESS_THAN', almost: 'LESS_THAN', under: 'LESS_THAN', 'less than': 'LESS_THAN', 'fewer than': 'LESS_THAN',
  over: 'MORE_THAN', 'more than': 'MORE_THAN', 'at least': 'EQUAL_OR_MORE', about: 'APPROX', around: 'APPROX',
  roughly: 'APPROX', approximately: 'APPROX', some: 'APPROX', 'up to': 'EQUAL_OR_LESS',
};

const NUM = `(\\d+(?:\\.\\d+)?|${NUMBER_WORD_RE}|an?|one|a\\s+single|half\\s+a|a\\s+dozen)`;

export const durationRules: Rule[] = [
  rule('durations.counted', { on: ['unit'], reach: [42, 24], near: wordBefore([...COUNT_LAST_WORDS, 'full', 'long', 'more'], { digits: true, hyphen: true }) }, `\\b(?:(nearly|almost|under|less\\s+than|fewer\\s+than|over|more\\s+than|at\\s+least|about|around|roughly|approximately|up\\s+to)\\s+)?${NUM}(?:\\s+|-)(?:full\\s+|long\\s+|more\\s+)?(hours?|minutes?|days?|weeks?|months?|years?|decades?|century|centuries)(?:\\s+(?:old|of\\s+age|long))?\\b`, (m) => {
    // numberValue folds whitespace itself
    const n = numberValue(m[2]!);
    if (n === undefined) return null;
    const d = { known: {}, anchor: { kind: 'duration' as const, value: value(n, unitCode(m[3]!)) } };
    const mod = m[1] ? MOD[m[1].toLowerCase().replace(/\s+/g, ' ')] : undefined;
    return mod ? { ...d, mod } : d;
  }, 'gi'),

  rule('durations.vague', { on: ['unit'], reach: [30, 10], near: wordBefore(['few', 'several', 'many', 'some', 'following', 'coming', 'succeeding', 'intervening', 'of']) }, '\\b(a\\s+few|several|many|some|the\\s+next\\s+few|the\\s+past\\s+few|the\\s+last\\s+few|the\\s+following|the\\s+coming|the\\s+succeeding|the\\s+intervening|a\\s+couple\\s+of)\\s+(hours|days|weeks|months|years|decades)\\b', (m) => ({
    known: {}, anchor: { kind: 'duration', value: value('X', unitCode(m[2]!)) },
    ...(/^the\s+(?:next|coming|following)/i.test(m[1]!) ? { prospective: true } : {}),
  }), 'gi'),

  // the past 24 hours, the last three years, the past decade: a span ending at the current time
  // (TIMEX2 PT24H, P3Y, P1DE); `the last year of the war`, `the last two days before` are no span
  rule('durations.past-count', { on: ['pastfut', 'next'], reach: [6, 40], near: wordBefore(['the']) }, `\\bthe\\s+(?:past|last)\\s+(?:${NUM}\\s+)?(hours?|days?|weeks?|months?|years?|decades?|century|centuries)\\b(?!\\s+(?:of|before|after|to|when|that|in\\s+which)\\b)`, (m) => {
    const n = m[1] ? numberValue(m[1]) : 1;
    if (n === undefined || (!m[1] && /s$/i.test(m[2]!))) return null;
    return { known: {}, anchor: { kind: 'duration', value: value(n, unitCode(m[2]!)) } };
  }, 'gi'),

  // after days of fighting, damaged by years of conflict, stocked with months of food: a span of
  // unstated length (PXD, PXY)
  rule('durations.bare-plural', { on: ['unit'], reach: [12, 14], near: wordBefore(['after', 'by', 'with', 'for', 'over', 'amid', 'through', 'despite', 'following']) }, '\\b(?:after|by|with|for|over|amid|through|despite|following)\\s+(minutes|hours|days|weeks|months|years|decades)(?=\\s+of\\b)', (m) => ({
    known: {}, anchor: { kind: 'duration', value: value('X', unitCode(m[1]!)) }, leadChars: m[0]!.length - m[1]!.length,
  }), 'gi'),

  // within days, within a week, in a matter of hours: a plan counted from the current time
  rule('durations.within', { on: ['unit'], reach: [32, 10], near: wordBefore(['within', 'of', 'few', ...COUNT_LAST_WORDS], { digits: true }) }, `\\b(within|in\\s+a\\s+matter\\s+of)\\s+((?:${NUM}\\s+|a\\s+few\\s+)?(minutes?|hours?|days?|weeks?|months?))\\b`, (m) => {
    const n = m[3] ? numberValue(m[3]) : undefined;
    return {
      known: {}, anchor: { kind: 'duration', value: value(n ?? 'X', unitCode(m[4]!)) }, prospective: true, leadChars: m[1]!.length + 1,
    };
  }, 'gi'),

  rule('durations.half-century', { on: ['unit'], reach: [14, 10], near: wordBefore(['half', 'a'], { hyphen: true }) }, '\\b(?:a\\s+)?half[- ](?:a[- ])?century\\b', () => ({
    known: {}, anchor: { kind: 'duration', value: 'P.5CE' },
  }), 'gi'),

  rule('sets.frequency', { on: ['every', 'set'], reach: [2, 16], start: true }, '\\b(annually|yearly|daily|weekly|monthly|nightly|every\\s+(?:day|week|month|year)|each\\s+(?:day|week|month|year)|per\\s+(?:day|week|month|year))\\b', (m) => {
    const w = m[1]!.toLowerCase();
    const v = /ann|year/.test(w) ? 'XXXX' : /month/.test(w) ? 'XXXX-XX' : /week/.test(w) ? 'XXXX-WXX' : /night/.test(w) ? 'XXXX-XX-XXTNI' : 'XXXX-XX-XX';
    return { known: {}, anchor: { kind: 'set', value: v } };
  }, 'gi'),
];
