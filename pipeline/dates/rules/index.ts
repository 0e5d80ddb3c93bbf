// The rule order, in one place. Recognition runs every rule over the text; where matches
// overlap the longest wins, and on equal length the rule listed first. Refiners then run in
// the order listed.
import { absoluteRules, attributiveDates } from './absolute.ts';
import { anaphoricRules } from './anaphoric.ts';
import { durationRules } from './durations.ts';
import { partRules, partsPrefix } from './parts.ts';
import { qualifierLead } from './qualifiers.ts';
import { rangeJoin, rangeRules } from './ranges.ts';
import type { Refiner } from './refiner.ts';
import { relativeRules } from './relative.ts';
import type { Rule } from './rule.ts';
import { timeRules, timesOfDate } from './times.ts';
import { weekdayRules } from './weekdays.ts';

export const RULES: readonly Rule[] = [
  ...rangeRules,
  ...absoluteRules,
  ...partRules,
  ...relativeRules,
  ...timeRules,
  ...weekdayRules,
  ...anaphoricRules,
  ...durationRules,
];

export const REFINERS: readonly Refiner[] = [
  partsPrefix,
  timesOfDate,
  qualifierLead,
  rangeJoin,
  attributiveDates,
];
