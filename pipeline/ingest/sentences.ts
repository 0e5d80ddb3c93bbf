// Sentence segmentation of one block of prose. A boundary is a terminator run (. ! ? …),
// any closing quotes or brackets, then whitespace and a sentence-like start. The period cases
// that are not boundaries (abbreviations, initials, dotted acronyms mid-sentence) are decided
// from the token before the period and the word after it.
import type { Span } from '../types.ts';

/** Abbreviations that are never the end of a sentence when a word follows. */
const TITLE_ABBREVIATIONS = new Set(
  [
    'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'mt', 'ft', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt',
    'cpl', 'pvt', 'adm', 'brig', 'cmdr', 'cdr', 'gov', 'sen', 'rep', 'rev', 'hon', 'pres', 'supt', 'insp', 'messrs',
    'no', 'nos', 'vs', 'v', 'cf', 'ca', 'approx', 'est', 'dept', 'univ', 'assn', 'bros', 'inc', 'ltd', 'co', 'corp',
    'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mon', 'tue', 'tues', 'wed',
    'thu', 'thur', 'thurs', 'fri', 'sat', 'sun', 'al', 'fig', 'vol', 'pp', 'p', 'ed', 'eds', 'km', 'sq',
  ],
);

/** Words that begin a new sentence after an ambiguous period (`U.S.`, `a.m.`, `etc.`). */
const SENTENCE_STARTERS = new Set(
  [
    'the', 'a', 'an', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her', 'its', 'their', 'our', 'this', 'that',
    'these', 'those', 'there', 'in', 'on', 'at', 'by', 'for', 'from', 'after', 'before', 'during', 'since', 'until',
    'when', 'while', 'as', 'but', 'and', 'however', 'meanwhile', 'later', 'according', 'some', 'many', 'most', 'other',
    'one', 'two', 'three', 'several', 'both', 'following', 'despite', 'although', 'though', 'if', 'what', 'who',
    'thousands', 'hundreds', 'dozens', 'government', 'rebels', 'rebel', 'activists', 'syrian', 'state', 'no', 'not',
  ],
);

const TERMINATORS = '.!?\u2026';
/** `[27]`, `[a]`, `[note 3]`, `[citation needed]`. */
const CITATION_MARK = /^\[(?:\d{1,3}|[a-z]|note \d{1,3}|nb \d{1,3}|citation needed|clarification needed|when\?|who\?)\]/i;
const CLOSERS = '"\'\u201d\u2019\u00bb)]';

function isSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\u00a0' || c === '\u2009' || c === '\u202f';
}

function isLower(c: string): boolean {
  return c !== c.toUpperCase() && c === c.toLowerCase();
}

function isUpper(c: string): boolean {
  return c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The word ending just before `dot` (letters, digits, dots, hyphens, apostrophes). */
function tokenBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && !isSpace(text[i - 1] as string) && !'("\u201c\u2018['.includes(text[i - 1] as string)) i--;
  return text.slice(i, dot);
}

function wordAt(text: string, at: number, end: number): string {
  let i = at;
  while (i < end && /[\p{L}\p{N}'’-]/u.test(text[i] as string)) i++;
  return text.slice(at, i);
}

/** Whether a period at `dot` (already followed by space and `next` at `k`) ends the sentence. */
function periodEnds(text: string, dot: number, k: number, floor: number, end: number): boolean {
  const token = tokenBefore(text, dot, floor);
  const bare = token.replace(/^[^\p{L}\p{N}]+/u, '');
  const next = text[k] as string;
  const nextWord = wordAt(text, k, end).toLowerCase();
  if (bare === '') return true;
  // An ellipsis-like or repeated dot: decided by the next character alone.
  if (text[dot - 1] === '.') return isUpper(next) || !/\p{L}/u.test(next);
  // Dotted acronyms and abbreviations with inner dots (U.N., U.S., a.m., e.g.).
  if (/^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(bare)) {
    if (/^(?:e\.g|i\.e|viz|cf)$/i.test(bare)) return false;
    return SENTENCE_STARTERS.has(nextWord);
  }
  // A single capital letter is an initial (Abdul F. Hamid), unless a plain sentence start follows.
  if (/^\p{Lu}$/u.test(bare)) return SENTENCE_STARTERS.has(nextWord) && nextWord !== 'a';
  // The last part of a hyphenated token decides (`mid-Feb.`).
  const word = bare.split(/[-\u2013]/).pop() as string;
  if (TITLE_ABBREVIATIONS.has(word.toLowerCase())) {
    // "Lt. Gen. Smith", "Feb. 2012", "No. 5": the abbreviation binds to what follows, unless
    // that is a plain sentence start ("... and Co. The next day").
    if (/\p{N}/u.test(next)) return false;
    return SENTENCE_STARTERS.has(nextWord) && !isTitleCase(word);
  }
  if (bare.toLowerCase() === 'etc') return SENTENCE_STARTERS.has(nextWord);
  return true;
}

function isTitleCase(word: string): boolean {
  return ['mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'gov', 'sen', 'rep', 'rev', 'st'].includes(
    word.toLowerCase(),
  );
}

/**
 * Split `text[start, end)` into sentence spans (trimmed of surrounding whitespace). A blank
 * line inside the range is always a boundary.
 */
export function segment(text: string, start = 0, end = text.length): Span[] {
  const spans: Span[] = [];
  let from = start;
  const push = (a: number, b: number): void => {
    while (a < b && isSpace(text[a] as string)) a++;
    while (b > a && isSpace(text[b - 1] as string)) b--;
    if (b > a) spans.push({ start: a, end: b });
  };
  let i = start;
  while (i < end) {
    const c = text[i] as string;
    if (c === '\n' || c === '\r') {
      // Blank line: a hard boundary.
      let j = i + (c === '\r' && text[i + 1] === '\n' ? 2 : 1);
      let k = j;
      while (k < end && (text[k] === ' ' || text[k] === '\t')) k++;
      if (k < end && (text[k] === '\n' || text[k] === '\r')) {
        push(from, i);
        from = k;
        i = k;
        continue;
      }
      i = j;
      continue;
    }
    if (!TERMINATORS.includes(c)) {
      i++;
      continue;
    }
    const termStart = i;
    let j = i;
    while (j < end && TERMINATORS.includes(text[j] as string)) j++;
    const runEnd = j;
    for (;;) {
      while (j < end && (CLOSERS.includes(text[j] as string) || TERMINATORS.includes(text[j] as string))) j++;
      // Wikipedia's citation marks after the stop (`in April.[27] In May`, `."[5][6]`) end with it
      const mark = text[j] === '[' ? CITATION_MARK.exec(text.slice(j, Math.min(end, j + 24))) : null;
      if (!mark) break;
      j += mark[0].length;
    }
    if (j >= end) break;
    if (!isSpace(text[j] as string)) {
      i = j;
      continue;
    }
    let k = j;
    while (k < end && isSpace(text[k] as string)) k++;
    if (k >= end) break;
    const next = text[k] as string;
    let ends: boolean;
    if (isLower(next)) ends = false;
    else if (c === '.' && runEnd - termStart === 1) ends = periodEnds(text, termStart, k, from, end);
    else if (c === '.' || c === '\u2026') ends = isUpper(next) || /["\u201c(\p{N}]/u.test(next);
    else ends = true;
    if (ends) {
      push(from, j);
      from = k;
    }
    i = k;
  }
  push(from, end);
  return mergeCredits(text, spans);
}

/** A trailing parenthetical with no sentence of its own (`(AAP)`, `(file photo)`) stays with the sentence before it. */
function mergeCredits(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    if (prev && /^\([^()]{1,40}\)$/.test(text.slice(s.start, s.end))) prev.end = s.end;
    else out.push(s);
  }
  return out;
}
