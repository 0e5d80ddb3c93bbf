import { describe, expect, it } from 'vitest';
import { sentenceBounds } from '../../pipeline/dates/plain.ts';
import { localClause } from '../../pipeline/dates/resolve.ts';
import { CORPUS, randomTexts } from './generated.ts';

// sentenceBounds jumps between . ! ? and line breaks; it must cut where this regex does.
const SENTENCE_END = /[.!?]["”’)\]]?\s+(?=[A-Z"“(0-9])|\n/g;
function byRegex(text: string): number[] {
  const cuts = [0];
  SENTENCE_END.lastIndex = 0;
  while (SENTENCE_END.test(text)) cuts.push(SENTENCE_END.lastIndex);
  cuts.push(text.length);
  return cuts;
}

const PARTS = ['.', '!', '?', '\n', ' ', '  ', '\u00a0', '\t', '"', '”', '’', ')', ']', '“', '(', 'A', 'a', '1', 'x.', 'U.S.', '...', '.\n\n', '?"', '\r\n'];

describe('sentence bounds', () => {
  it('cut where the sentence-end regex cuts', () => {
    for (const t of [...CORPUS, ...randomTexts(3000, PARTS, 777, 30), '', '.', '\n', 'A. B', 'A.\u2003B', 'A.) B', 'A.”\n“B', 'a. b. C!\n']) {
      expect(sentenceBounds(t)).toEqual(byRegex(t));
    }
  });
});

// localClause finds the punctuation around a mention by native searches; it must give the clause
// a character-by-character reading gives.
function clauseByReading(s: string, at: number): string {
  const punct = (c: number) => c === 44 || c === 59 || c === 58 || c === 40 || c === 41;
  let lb = at - 1;
  let words = 0;
  let inWord = false;
  for (; lb >= 0; lb--) {
    const c = s.charCodeAt(lb);
    if (punct(c)) break;
    const w = /[A-Za-z0-9]/.test(s[lb]!);
    if (w && !inWord) words++;
    inWord = w;
  }
  let cut = at;
  while (cut < s.length && !punct(s.charCodeAt(cut))) cut++;
  let end = cut;
  if (lb < 0 && cut < s.length && s[cut] === ',' && words <= 2 && cut - at <= 60) {
    end = cut + 1;
    while (end < s.length && !punct(s.charCodeAt(end))) end++;
  }
  return s.slice(lb + 1, end);
}

const CLAUSE_PARTS = ['On', '8', 'May', ',', ';', ':', '(', ')', ' ', '  ', 'the', 'army', 'had', 'will', 'x', 'a1', '\n', '.'];

describe('localClause', () => {
  it('cuts where reading the clause character by character cuts', () => {
    let n = 0;
    for (const s of [...CORPUS.flatMap((t) => t.split('\n').slice(0, 200)), ...randomTexts(2000, CLAUSE_PARTS, 11, 30)]) {
      for (let at = 0; at <= s.length; at += 7) {
        const ctx = { mode: 'narrative' as const, clause: s, clauseStart: 100, at: 100 + at };
        n++;
        if (localClause(ctx) !== clauseByReading(s, at)) expect({ s, at, got: localClause(ctx) }).toEqual({ s, at, got: clauseByReading(s, at) });
      }
    }
    expect(n).toBeGreaterThan(1000);
  });
});
