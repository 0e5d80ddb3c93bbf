// Tagging plain narrative text (`make timex`): paragraphs and heading lines, no structure.
// A heading line is a short line without final punctuation standing between blank lines; a
// date in it scopes the section that follows.
import { parseIsoDate } from './calendar.ts';
import type { Mention, Resolution } from './model.ts';
import { recognise } from './recognise.ts';
import { enterSection, newState, noteBeginning, resolveAndAdvance, resolveContext, type NarrativeState, type ResolveContext } from './resolve.ts';
import { isRegexSpace } from './rules/rule.ts';
import { timexOf } from './timex.ts';

export interface TimexExpression {
  start: number;
  end: number;
  text: string;
  val?: string;
  mod?: string;
  sentence?: number;
  rule: string;
  /** The statement-level expression with its preposition ("On 8 May"). */
  leadStart?: number;
  qualifier?: string;
  yearBasis?: string;
  resolvedFrom?: string;
}

/** Sentence bounds of plain text, for the tense of a clause. */
export function sentenceBounds(text: string): number[] {
  // what a global scan by /[.!?]["”’)\]]?\s+(?=[A-Z"“(0-9])|\n/g cuts (each cut where a match
  // ends), found by jumping between the characters a match can start with
  const cuts = [0];
  const n = text.length;
  let dot = text.indexOf('.');
  let bang = text.indexOf('!');
  let ask = text.indexOf('?');
  let nl = text.indexOf('\n');
  let i = 0;
  for (;;) {
    if (dot >= 0 && dot < i) dot = text.indexOf('.', i);
    if (bang >= 0 && bang < i) bang = text.indexOf('!', i);
    if (ask >= 0 && ask < i) ask = text.indexOf('?', i);
    if (nl >= 0 && nl < i) nl = text.indexOf('\n', i);
    let p = nl;
    if (dot >= 0 && (p < 0 || dot < p)) p = dot;
    if (bang >= 0 && (p < 0 || bang < p)) p = bang;
    if (ask >= 0 && (p < 0 || ask < p)) p = ask;
    if (p < 0) break;
    if (p === nl) {
      cuts.push(p + 1);
      i = p + 1;
      continue;
    }
    let j = p + 1;
    if (j < n && isClosing(text.charCodeAt(j))) j++;
    let k = j;
    while (k < n && isRegexSpace(text.charCodeAt(k))) k++;
    if (k > j && k < n && opensSentence(text.charCodeAt(k))) {
      cuts.push(k);
      i = k;
    } else {
      i = p + 1;
    }
  }
  cuts.push(n);
  return cuts;
}

/** " ” ’ ) ] */
function isClosing(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 41 || c === 93;
}

/** A-Z " “ ( 0-9 */
function opensSentence(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 34 || c === 0x201c || c === 40;
}

export function clauseAt(text: string, cuts: number[], at: number): { clause: string; clauseStart: number } {
  let lo = 0;
  let hi = cuts.length - 1;
  while (lo < hi - 1) {
    const mid = (lo + hi) >> 1;
    if (cuts[mid]! <= at) lo = mid; else hi = mid;
  }
  return { clause: text.slice(cuts[lo], cuts[hi]), clauseStart: cuts[lo]! };
}

/** Words a sentence may open with before its date ("However, on 25 July"). */
export const OPENER = /^(?:\W*(?:however|then|also|but|and|meanwhile|still|again|finally|eventually|reportedly|subsequently|in\s+addition|furthermore|moreover|nevertheless|instead|thus|so)\b,?\s*)*\W*$/i;

/** Inside an unclosed parenthesis of the same line: an aside, not the narrative's time. */
export function inParentheses(text: string, at: number): boolean {
  const from = Math.max(0, at - 160);
  const before = text.slice(from, at);
  const open = before.lastIndexOf('(');
  return open >= 0 && before.lastIndexOf(')') < open && before.lastIndexOf('\n') < open;
}

/**
 * inParentheses for positions asked in ascending order (the mentions of a text): the last
 * '(', ')' and line break before each are carried forward by indexOf jumps instead of searching
 * back from every mention. A position before the last one asked falls back to inParentheses.
 */
class ParenthesesScan {
  private at = 0;
  private open = -1;
  private close = -1;
  private nl = -1;
  private nextOpen: number;
  private nextClose: number;
  private nextNl: number;

  constructor(private readonly text: string) {
    this.nextOpen = text.indexOf('(');
    this.nextClose = text.indexOf(')');
    this.nextNl = text.indexOf('\n');
  }

  inside(at: number): boolean {
    const text = this.text;
    if (at < this.at) return inParentheses(text, at);
    this.at = at;
    while (this.nextOpen >= 0 && this.nextOpen < at) { this.open = this.nextOpen; this.nextOpen = text.indexOf('(', this.open + 1); }
    while (this.nextClose >= 0 && this.nextClose < at) { this.close = this.nextClose; this.nextClose = text.indexOf(')', this.close + 1); }
    while (this.nextNl >= 0 && this.nextNl < at) { this.nl = this.nextNl; this.nextNl = text.indexOf('\n', this.nl + 1); }
    return this.open >= Math.max(0, at - 160) && this.close < this.open && this.nl < this.open;
  }
}

function headingLines(text: string): Array<{ start: number; end: number }> {
  // each line of 1-90 characters (a line scan, no regex over the whole text)
  const out: Array<{ start: number; end: number }> = [];
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const n = end - start;
    if (n >= 1 && n <= 90) {
      const prevBlank = start === 0 || (start >= 2 && text.charCodeAt(start - 2) === 10);
      const line = text.slice(start, end);
      if (prevBlank && !HEADING_END.test(line) && HEADING_START.test(line.trim())) out.push({ start, end });
    }
    start = end + 1;
  }
  return out;
}

const HEADING_END = /[.!?:;,]["”’)]?\s*$/;
const HEADING_START = /^[A-Z0-9"“(]/;

export function tagMentions(text: string, mentions: Mention[], st: NarrativeState, base: Omit<ResolveContext, 'clause' | 'clauseStart' | 'at'>, headings: Array<{ start: number; end: number }> = []): TimexExpression[] {
  const cuts = sentenceBounds(text);
  const parens = new ParenthesesScan(text);
  const out: TimexExpression[] = [];
  let h = 0;
  for (const m of mentions) {
    while (h < headings.length && headings[h]!.end <= m.start) h++;
    const inHeading = h < headings.length && headings[h]!.start <= m.start;
    const c = clauseAt(text, cuts, m.start);
    const ctx = resolveContext(base.mode, base.documentDate, c.clause, c.clauseStart, m.start);
    const initial = inHeading || OPENER.test(text.slice(c.clauseStart, m.lead ?? m.start));
    const r = resolveAndAdvance(m, st, ctx, { initial, aside: !inHeading && parens.inside(m.start) });
    const p = r.point;
    if (p && p.gran === 'day' && !r.to && m.anchor.kind === 'calendar') noteBeginning(st, c.clause, { y: p.y, m: p.m!, d: p.d! });
    if (inHeading && r.point && m.anchor.kind === 'calendar') {
      const to = r.to ?? r.point;
      st.scope = { from: { y: r.point.y, ...(r.point.m ? { m: r.point.m } : {}) }, to: { y: to.y, ...(to.m ? { m: to.m } : {}) }, text: m.text };
      // `Eastern Theater 1861-1863`: the section's story starts in 1861
      if (!m.attributive) enterSection(st, r.point);
    }
    if (m.statementOnly) continue;
    if (m.range?.split) {
      out.push(expression(m.range.from, timexOf(m.range.from, { yearBasis: r.yearBasis, ...(r.point ? { point: r.point } : {}) }), r));
      out.push(expression(m.range.to, timexOf(m.range.to, { yearBasis: r.yearBasis, ...(r.to ? { point: r.to } : {}) }), r));
    } else {
      out.push(expression(m, timexOf(m, r), r));
    }
  }
  return out;
}

// module level, not a closure per mention: the loader names every closure it creates
function expression(x: Mention, val: { val?: string; mod?: string }, r: Resolution): TimexExpression {
  const e: TimexExpression = { start: x.start, end: x.end, text: x.text, rule: x.rule };
  if ('val' in val) e.val = val.val;
  if ('mod' in val) e.mod = val.mod;
  if (x.lead !== undefined) e.leadStart = x.lead;
  if (x.qualifier) e.qualifier = x.qualifier;
  e.yearBasis = r.yearBasis;
  if (r.resolvedFrom) e.resolvedFrom = r.resolvedFrom;
  return e;
}

/** Every temporal expression of a plain narrative text, resolved in document order. */
export function tagPlainText(text: string, documentDate?: string): TimexExpression[] {
  const dct = parseIsoDate(documentDate);
  const mentions = recognise(text);
  return tagMentions(text, mentions, newState(), { mode: dct ? 'news' : 'narrative', ...(dct ? { documentDate: dct } : {}) }, headingLines(text));
}
