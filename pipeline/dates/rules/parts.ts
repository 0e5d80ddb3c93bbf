// Parts of a period: seasons (the spring of 1862, summer), "the end of the month", and the
// part words put before any month/year/season/decade (early, mid-, late, the end of, the
// beginning of, the middle of): the `parts.prefix` refiner attaches them to the expression.
import { ERA_AFTER_RE, eraOf, SEASONS } from '../lexicon.ts';
import type { Mention, Part, Unit } from '../model.ts';
import type { Rule } from './rule.ts';
import { both, byLength, isRegexSpace, rule, runIsOneOf, wordAfter, wordBefore } from './rule.ts';
import type { Refiner } from './refiner.ts';

const PART_OF: Record<string, Part> = {
  early: 'START', beginning: 'START', start: 'START', 'early part': 'START', 'first half': 'START', dawn: 'START',
  mid: 'MID', middle: 'MID', late: 'END', end: 'END', close: 'END', 'latter part': 'END', 'second half': 'END',
  'late part': 'END', turn: 'END',
};

const FALL_BUSINESS = /^\s+(?:campaigns?|offensives?|elections?|session|semester|term|harvest|manoeuvres|maneuvers)\b/;

export const partRules: Rule[] = [
  // the spring of 1862, summer 1962, the winter, autumn of 481 BC; "fall" only with a year or "in the fall"
  rule('parts.season', { on: ['season'], reach: [6, 20] }, `\\b(?:(the)\\s+)?(spring|summer|autumn|winter|fall)(?:\\s+of)?(?:\\s+(\\d{3,4})(${ERA_AFTER_RE})?(?!\\d|,\\d))?\\b`, (m, text) => {
    const w = m[2]!.toLowerCase();
    // `fall` is the season with a year, in `in the fall`, or before a word of a season's business
    // (`Meade's inconclusive fall campaign`, `the fall elections`); `the fall of Homs` is no season.
    const seasonal = (w === 'fall' || w === 'autumn') && FALL_BUSINESS.test(text.slice(m.index + m[0].length, m.index + m[0].length + 14));
    if (w === 'fall' && !m[3] && !seasonal && !/\bin\s+the\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index + (m[1] ? 4 : 0)))) return null;
    if (w === 'fall' && !m[1] && !m[3] && !seasonal) return null;
    if (/^\s*(?:of|offensive|campaign|session|palace)\b/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12)) && !m[3] && !seasonal && w !== 'winter' && w !== 'summer' && w !== 'spring') return null;
    // `the Autumn Harvest Uprising`, `the Winter War`: a capitalised season that opens a name.
    if (!m[3] && /^[A-Z]/.test(m[2]!) && /^ (?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Offensive|Campaign)\b)[A-Z][a-z]/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 3 + 10))) return null;
    const era = eraOf(m[4]);
    return {
      known: { season: SEASONS[w]!, ...(m[3] ? { year: Number(m[3]) } : {}), ...(era ? { era } : {}) },
      anchor: { kind: 'calendar' },
    };
  }, 'gi'),

  // the end of the month / the beginning of the year / the middle of that week
  rule('parts.unit', { on: ['edge'], reach: [16, 30], near: both(wordBefore(['the', 'very']), wordAfter(['of'])) }, '\\b(?:the\\s+)(?:very\\s+)?(end|beginning|start|middle|close)\\s+of\\s+(?:the|that|this)\\s+(month|year|week)\\b', (m) => ({
    known: { part: PART_OF[m[1]!.toLowerCase()]! },
    anchor: { kind: 'same', unit: m[2]!.toLowerCase() as Unit },
  }), 'gi'),
];

export const PREFIX = /(?:\b(?:the\s+)?(?:very\s+)?(early|mid|late|beginning\s+of|start\s+of|middle\s+of|end\s+of|close\s+of|latter\s+part\s+of|early\s+part\s+of|late\s+part\s+of|first\s+half\s+of|second\s+half\s+of|turn\s+of)(?:\s+in|\s+of)?(?:\s+the)?|\bmid)[\s-]*$/i;

/** The last word of each PREFIX phrase. */
const PREFIX_LAST = byLength(['early', 'mid', 'late', 'of', 'in', 'the']);

/**
 * A cheap guard for PREFIX on text[at - 32, at): before the trailing spaces and hyphens stands
 * one of the words a PREFIX phrase ends with, a whole word (where the slice starts, or after a
 * character that is no regex word character, as PREFIX's \b and \s before it need).
 */
export function prefixWordBefore(text: string, at: number): boolean {
  const lo = Math.max(0, at - 32);
  let e = at;
  while (e > lo && (text.charCodeAt(e - 1) === 45 || isRegexSpace(text.charCodeAt(e - 1)))) e--;
  let s = e;
  while (s > lo && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  if (s === e || !runIsOneOf(PREFIX_LAST, text, s, e)) return false;
  return s === lo || !isWordCode(text.charCodeAt(s - 1));
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Regex \w (non-Unicode). */
function isWordCode(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === 95;
}

function partApplies(m: Mention): boolean {
  const k = m.known;
  if (m.range || m.anchor.kind !== 'calendar') return false;
  return k.day === undefined && (k.month !== undefined || k.year !== undefined || k.season !== undefined ||
    k.decade !== undefined || k.century !== undefined);
}

export const partsPrefix: Refiner = {
  id: 'parts.prefix',
  refine(mentions, text) {
    for (const m of mentions) {
      if (!partApplies(m) || m.known.part) continue;
      if (!prefixWordBefore(text, m.start)) continue;
      const before = text.slice(Math.max(0, m.start - 32), m.start);
      const p = PREFIX.exec(before);
      if (!p) continue;
      const word = (p[1] ?? 'mid').toLowerCase().replace(/\s+of$/, '').replace(/\s+/g, ' ');
      const part = PART_OF[word];
      if (!part) continue;
      m.known.part = part;
      if (/^(?:beginning|start|end|close|turn)/.test(word)) m.known.edge = true;
      m.start -= p[0].length;
      m.rule = `${m.rule}+parts.prefix`;
    }
    return mentions;
  },
};
