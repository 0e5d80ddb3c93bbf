// Weekday names: "on Wednesday", "Thursday". Resolved in pass 2 by tense against the document
// date (news) or the narrative anchor; plurals ("on Fridays") are sets.
import { MONTH_RE, WEEKDAY_RE, WEEKDAYS } from '../lexicon.ts';
import type { Rule } from './rule.ts';
import { rule } from './rule.ts';

const NAME_AFTER = new RegExp(`^\\s+(?!${MONTH_RE})\\p{Lu}\\p{Ll}`, 'u');
const NAME_BEFORE = /(?:\bthe|\b(?!(?:On|By|Since|Until|Till|From|Last|Next|Every|Early|Late|Before|After|Through|Or|And|But|Then|That|This)\s)\p{Lu}\p{Ll}+)\s+$/u;

export const weekdayRules: Rule[] = [
  rule('weekdays.plural', { on: ['weekday'], reach: [2, 14], start: true }, `\\b(${WEEKDAY_RE})s\\b`, (m) => ({
    known: { weekday: WEEKDAYS[m[1]!.toLowerCase()]! },
    anchor: { kind: 'set', value: `XXXX-WXX-${WEEKDAYS[m[1]!.toLowerCase()]!}` },
  })),
  rule('weekdays.name', { on: ['weekday'], reach: [2, 14], start: true }, `\\b(${WEEKDAY_RE})\\b(?!\\s+(?:Prayers?|prayer|Mosque)\\b)`, (m, text) => {
    // `the Sunday Times`, `the British Sunday Telegraph`: a word of a name, between `the` or a
    // capitalised word and another capitalised word (not `On Sunday Homs`, `Late Friday Syrian`)
    if (NAME_AFTER.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16)) && NAME_BEFORE.test(text.slice(Math.max(0, m.index - 16), m.index))) return null;
    return { known: { weekday: WEEKDAYS[m[1]!.toLowerCase()]! }, anchor: { kind: 'weekday' } };
  }),
];
