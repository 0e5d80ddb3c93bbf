// The shape every recognition rule has: an id stamped on what it produces, the trigger words
// it needs (recognition runs a rule only in windows around its triggers, so most text is never
// scanned by most rules), one regex compiled once (global, no nested quantifiers), and an
// extractor that reads the known parts.
import type { Anchor, Known, Mention } from '../model.ts';

export type Trigger =
  | 'digit' | 'month' | 'weekday' | 'unit' | 'tod' | 'season' | 'anaphor' | 'deictic' | 'sequence'
  | 'pastfut' | 'set' | 'holiday' | 'event' | 'era' | 'clock'
  | 'next' | 'same' | 'edge' | 'during' | 'every' | 'ordinal';

export interface Draft {
  known: Known;
  anchor: Anchor;
  mod?: string;
  /** Trim the TIMEX span: characters at the start of the match that belong to the lead. */
  leadChars?: number;
  /** Trim characters from the end of the match (a lookahead word kept for context). */
  trimEnd?: number;
  range?: { from: Draft & { start: number; end: number }; to: Draft & { start: number; end: number }; list?: boolean; split?: boolean };
  attributive?: boolean;
  statementOnly?: boolean;
  noValue?: boolean;
  prospective?: boolean;
  event?: boolean;
  qualifier?: Mention['qualifier'];
}

/** The trigger words a rule needs, and how far (chars) before and after one its match may reach. */
export interface RuleTriggers {
  on: readonly Trigger[];
  reach: readonly [number, number];
  /** A cheap test at a trigger's position; the rule skips triggers that fail it. */
  near?: (text: string, at: number) => boolean;
  /**
   * Every match starts at one of the trigger words: the rule is tried (sticky) at each trigger
   * instead of scanning a window around it.
   */
  start?: boolean;
  /**
   * Every match (in a window) starts where a digit run starts: the window is not scanned
   * position by position, its regex is tried (sticky, on the window's text) at the digit runs in
   * it, which finds what the scan would (a scan can only match where a match can start).
   */
  digitStart?: boolean;
}

/**
 * Guards made by the factories below are shared: the same arguments give the same function,
 * so recognition filters a trigger's positions once for every rule with that guard.
 */
const guards = new Map<string, (text: string, at: number) => boolean>();
function shared(key: string, make: () => (text: string, at: number) => boolean): (text: string, at: number) => boolean {
  let g = guards.get(key);
  if (!g) guards.set(key, (g = make()));
  return g;
}

/** A digit within `back` characters before `at`. */
export function digitBefore(back: number): (text: string, at: number) => boolean {
  return shared(`digitBefore:${back}`, () => (text, at) => {
    for (let i = Math.max(0, at - back); i < at; i++) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
    return false;
  });
}

/** A digit within `ahead` characters after the word at `at`. */
export function digitAfter(ahead: number): (text: string, at: number) => boolean {
  return shared(`digitAfter:${ahead}`, () => (text, at) => {
    let i = at;
    while (i < text.length && text.charCodeAt(i) > 64) i++;
    for (const end = Math.min(text.length, i + ahead); i < end; i++) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
    return false;
  });
}

/**
 * digitAfter(ahead), and the word at `at` is followed by whitespace (after one '.' at most) and
 * then a digit, as a day after a month name always is (`MONTH\s+DAY`): the second test only
 * drops positions where such a pattern cannot match.
 */
export function dayAfterMonth(ahead: number): (text: string, at: number) => boolean {
  const near = digitAfter(ahead);
  return shared(`dayAfterMonth:${ahead}`, () => (text, at) => {
    if (!near(text, at)) return false;
    let i = at;
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    if (text.charCodeAt(i) === 46) i++;
    const s = i;
    while (i < text.length && isRegexSpace(text.charCodeAt(i))) i++;
    return i > s && isDigit(text.charCodeAt(i));
  });
}

/**
 * The regex matches at `at` within `limit` characters (a sticky test on the text itself, no
 * slice). Only for patterns with one possible match length at a position.
 */
export function matchesAt(source: string, limit: number): (text: string, at: number) => boolean {
  const re = new RegExp(source, 'y');
  return (text, at) => {
    re.lastIndex = at;
    return re.test(text) && re.lastIndex <= at + limit;
  };
}

/** " of " starts within `ahead - 4` characters after `at`. */
export function ofAhead(ahead: number): (text: string, at: number) => boolean {
  return (text, at) => {
    for (let i = at, end = Math.min(text.length, at + ahead) - 4; i <= end; i++) {
      if (text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 111 && text.charCodeAt(i + 2) === 102 && text.charCodeAt(i + 3) === 32) return true;
    }
    return false;
  };
}

export interface Rule {
  id: string;
  triggers: RuleTriggers;
  pattern: RegExp;
  /** The pattern made sticky, for a digitStart rule. */
  sticky: RegExp | undefined;
  /**
   * `m.index` is an offset into `text`, the whole text (so look-arounds in code see real
   * context); `from` is where the scanned range starts (a sentence start, when dating sentences).
   */
  extract: (m: RegExpExecArray, text: string, from: number) => Draft | null;
}

export function rule(id: string, triggers: RuleTriggers, source: string, extract: Rule['extract'], flags = 'g'): Rule {
  // one shape for every rule's triggers (recognition reads them for each rule of each text)
  const t: RuleTriggers = { on: triggers.on, reach: triggers.reach, near: triggers.near, start: triggers.start ?? false, digitStart: triggers.digitStart ?? false };
  const sticky = t.digitStart ? new RegExp(source, flags.replace('g', '') + 'y') : undefined;
  return { id, triggers: t, pattern: new RegExp(source, t.start ? flags.replace('g', '') + 'y' : flags), sticky, extract };
}

/** Regex `\s` (ASCII and Unicode spaces), without a regex call. */
export function isRegexSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * The word after the word at `at`, across whitespace, is one of `words` (lower case): a
 * cheap guard for rules whose trigger is followed by a fixed word ("days later").
 */
export function wordAfter(words: readonly string[]): (text: string, at: number) => boolean {
  const set = byLength(words);
  return (text, at) => {
    let i = at;
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    const gap = i;
    while (i < text.length && isRegexSpace(text.charCodeAt(i))) i++;
    if (i === gap) return false;
    const s = i;
    while (i < text.length && isLetter(text.charCodeAt(i))) i++;
    return i > s && runIsOneOf(set, text, s, i);
  };
}

/**
 * The word before `at`, across whitespace (and hyphens when `hyphen`), is one of `words`
 * (lower case), ends in one of `suffixes`, or is a number when `digits`: a cheap guard for rules whose trigger follows a
 * fixed word ("several days", "3-day").
 */
export function wordBefore(words: readonly string[], opts: { digits?: boolean; hyphen?: boolean; suffixes?: readonly string[] } = {}): (text: string, at: number) => boolean {
  const set = byLength(words);
  const hyphen = opts.hyphen ?? false;
  const digits = opts.digits ?? false;
  const suffixes = opts.suffixes ?? [];
  return (text, at) => {
    let i = at;
    while (i > 0) {
      const c = text.charCodeAt(i - 1);
      if (!isRegexSpace(c) && !(hyphen && c === 45)) break;
      i--;
    }
    if (i === at || i === 0) return false;
    const e = i;
    if (isDigit(text.charCodeAt(i - 1))) return digits;
    while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
    if (i === e) return false;
    if (runIsOneOf(set, text, i, e)) return true;
    for (const x of suffixes) if (runEndsWith(text, i, e, x)) return true;
    return false;
  };
}

/**
 * The words before `at`, nearest first, each across whitespace, are one of the words of its
 * list (lower case): a cheap guard for rules whose trigger ends a fixed phrase ("during the war").
 */
export function wordsBefore(...lists: ReadonlyArray<readonly string[]>): (text: string, at: number) => boolean {
  const sets = lists.map(byLength);
  return (text, at) => {
    let i = at;
    for (const set of sets) {
      const gap = i;
      while (i > 0 && isRegexSpace(text.charCodeAt(i - 1))) i--;
      if (i === gap) return false;
      const e = i;
      while (i > 0 && isLetter(text.charCodeAt(i - 1))) i--;
      if (i === e || !runIsOneOf(set, text, i, e)) return false;
    }
    return true;
  };
}

/** The word at `at` (its run of ASCII letters) is one of `words` (lower case). */
export function wordIs(words: readonly string[]): (text: string, at: number) => boolean {
  const set = byLength(words);
  return (text, at) => {
    let e = at;
    while (e < text.length && isLetter(text.charCodeAt(e))) e++;
    return e > at && runIsOneOf(set, text, at, e);
  };
}

/** One of two guards holds at `at`. */
export function either(a: (text: string, at: number) => boolean, b: (text: string, at: number) => boolean): (text: string, at: number) => boolean {
  return (text, at) => a(text, at) || b(text, at);
}

/** Both guards hold at `at`. */
export function both(a: (text: string, at: number) => boolean, b: (text: string, at: number) => boolean): (text: string, at: number) => boolean {
  return (text, at) => a(text, at) && b(text, at);
}

/**
 * Words by length, for telling whether a run of ASCII letters in the text, lower-cased, is one
 * of them without cutting it out (only words of letters can be such a run).
 */
export function byLength(words: readonly string[]): string[][] {
  const letters = words.filter((w) => /^[a-z]+$/.test(w));
  const out: string[][] = Array.from({ length: Math.max(0, ...letters.map((w) => w.length)) + 1 }, () => []);
  for (const w of letters) out[w.length]!.push(w);
  return out;
}

/** text[s, e), a run of ASCII letters, lower-cased is one of the words (as set.has(lowerWord(text, s, e))). */
export function runIsOneOf(words: string[][], text: string, s: number, e: number): boolean {
  if (e - s >= words.length) return false;
  for (const w of words[e - s]!) {
    let i = 0;
    while (i < w.length && (text.charCodeAt(s + i) | 32) === w.charCodeAt(i)) i++;
    if (i === w.length) return true;
  }
  return false;
}

/** text[s, e), a run of ASCII letters, lower-cased ends with the lower-case `x`. */
function runEndsWith(text: string, s: number, e: number, x: string): boolean {
  if (x.length > e - s) return false;
  for (let i = 0; i < x.length; i++) if ((text.charCodeAt(e - x.length + i) | 32) !== x.charCodeAt(i)) return false;
  return true;
}

/** text[s, e) in lower case (ASCII letters), lower-cased only when it has a capital. */
export function lowerWord(text: string, s: number, e: number): string {
  const w = text.slice(s, e);
  for (let i = s; i < e; i++) { const c = text.charCodeAt(i); if (c >= 65 && c <= 90) return w.toLowerCase(); }
  return w;
}
