import { describe, expect, it } from 'vitest';
import { sentenceBounds } from '../../pipeline/dates/plain.ts';
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
