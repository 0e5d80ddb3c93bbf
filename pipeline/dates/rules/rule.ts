// The shape every recognition rule has: an id stamped on what it produces, one regex compiled
// once (global, linear: no nested quantifiers), and an extractor that reads the known parts.
import type { Anchor, Known, Mention } from '../model.ts';

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

export interface Rule {
  id: string;
  pattern: RegExp;
  /** `text` is the whole text scanned, `m.index` the match position in it. */
  extract: (m: RegExpExecArray, text: string) => Draft | null;
}

export function rule(id: string, source: string, extract: Rule['extract'], flags = 'g'): Rule {
  return { id, pattern: new RegExp(source, flags), extract };
}
