// A refiner rewrites the recognised mentions (in document order) once all rules have run:
// attaching part words and prepositions, joining ranges. Each has an id stamped on its output.
import type { Mention } from '../model.ts';
import { isRegexSpace, lowerWord, runIsOneOf } from './rule.ts';

export interface Refiner {
  id: string;
  refine: (mentions: Mention[], text: string) => Mention[];
}

/**
 * Whether the character before `at` is whitespace (regex `\s`): a cheap guard before a
 * look-behind regex that ends in `\s+$`, which cannot match otherwise.
 */
export function spaceBefore(text: string, at: number): boolean {
  return at > 0 && isRegexSpace(text.charCodeAt(at - 1));
}

/**
 * The letters (lower case) ending where the whitespace before `at` starts, not reaching
 * before `lo` (as a regex on text.slice(lo, at) would see them); one '.' between allowed when
 * `dot`. A cheap guard before a regex `\b(word|...)\s+$` on that slice: its word is this one.
 */
export function wordBeforeSpace(text: string, at: number, lo: number, dot = false): string {
  const run = lettersBeforeSpace(text, at, lo, dot);
  return run ? lowerWord(text, run[0], run[1]) : '';
}

/** [start, end) of the letters wordBeforeSpace reads, or undefined when no whitespace ends at `at`. */
function lettersBeforeSpace(text: string, at: number, lo: number, dot: boolean): [number, number] | undefined {
  let i = at;
  while (i > lo && isRegexSpace(text.charCodeAt(i - 1))) i--;
  if (i === at) return undefined;
  if (dot && i > lo && text.charCodeAt(i - 1) === 46) i--;
  const e = i;
  while (i > lo) {
    const c = text.charCodeAt(i - 1);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) break;
    i--;
  }
  return [i, e];
}

/**
 * words.has(wordBeforeSpace(text, at, lo, dot)) for words made by byLength (of letters): the
 * letters compared in place, no word cut out.
 */
export function wordBeforeSpaceIsOneOf(words: string[][], text: string, at: number, lo: number, dot = false): boolean {
  const run = lettersBeforeSpace(text, at, lo, dot);
  return !!run && run[1] > run[0] && runIsOneOf(words, text, run[0], run[1]);
}
