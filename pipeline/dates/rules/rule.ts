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
}

/** A digit within `back` characters before `at`. */
export function digitBefore(back: number): (text: string, at: number) => boolean {
  return (text, at) => {
    for (let i = Math.max(0, at - back); i < at; i++) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
    return false;
  };
}

/** A digit within `ahead` characters after the word at `at`. */
export function digitAfter(ahead: number): (text: string, at: number) => boolean {
  return (text, at) => {
    let i = at;
    while (i < text.length && text.charCodeAt(i) > 64) i++;
    for (const end = Math.min(text.length, i + ahead); i < end; i++) { const c = text.charCodeAt(i); if (c >= 48 && c <= 57) return true; }
    return false;
  };
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
  /**
   * `m.index` is an offset into `text`, the whole text (so look-arounds in code see real
   * context); `from` is where the scanned range starts (a sentence start, when dating sentences).
   */
  extract: (m: RegExpExecArray, text: string, from: number) => Draft | null;
}

export function rule(id: string, triggers: RuleTriggers, source: string, extract: Rule['extract'], flags = 'g'): Rule {
  return { id, triggers, pattern: new RegExp(source, triggers.start ? flags.replace('g', '') + 'y' : flags), extract };
}
