// Weekday names: "on Wednesday", "Thursday". Resolved in pass 2 by tense against the document
// date (news) or the narrative anchor; plurals ("on Fridays") are sets.
import { WEEKDAY_RE, WEEKDAYS } from '../lexicon.ts';
import type { Rule } from './rule.ts';
import { rule } from './rule.ts';

export const weekdayRules: Rule[] = [
  rule('weekdays.plural', { on: ['weekday'], reach: [2, 14], start: true }, `\\b(${WEEKDAY_RE})s\\b`, (m) => ({
    known: { weekday: WEEKDAYS[m[1]!.toLowerCase()]! },
    anchor: { kind: 'set', value: `XXXX-WXX-${WEEKDAYS[m[1]!.toLowerCase()]!}` },
  })),
  rule('weekdays.name', { on: ['weekday'], reach: [2, 14], start: true }, `\\b(${WEEKDAY_RE})\\b(?!\\s+(?:Prayers?|prayer|Mosque)\\b)`, (m) => ({
    known: { weekday: WEEKDAYS[m[1]!.toLowerCase()]! },
    anchor: { kind: 'weekday' },
  })),
];
