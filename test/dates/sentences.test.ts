import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sentenceBounds } from '../../pipeline/dates/plain.ts';

// sentenceBounds jumps between . ! ? and line breaks; it must cut where this regex does.
const SENTENCE_END = /[.!?]["”’)\]]?\s+(?=[A-Z"“(0-9])|\n/g;
function byRegex(text: string): number[] {
  const cuts = [0];
  SENTENCE_END.lastIndex = 0;
  while (SENTENCE_END.test(text)) cuts.push(SENTENCE_END.lastIndex);
  cuts.push(text.length);
  return cuts;
}

const CORPUS = ['../shared/corpus/wikiwars', '../shared/seeds'].flatMap((d) => {
  try {
    return readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8'));
  } catch {
    return [];
  }
});

function randomTexts(n: number): string[] {
  const parts = ['.', '!', '?', '\n', ' ', '  ', '\u00a0', '\t', '"', '”', '’', ')', ']', '“', '(', 'A', 'a', '1', 'x.', 'U.S.', '...', '.\n\n', '?"', '\r\n'];
  let seed = 777;
  const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let s = '';
    const len = Math.floor(rnd() * 30);
    for (let i = 0; i < len; i++) s += parts[Math.floor(rnd() * parts.length)]!;
    out.push(s);
  }
  return out;
}

describe('sentence bounds', () => {
  it('cut where the sentence-end regex cuts', () => {
    for (const t of [...CORPUS, ...randomTexts(3000), '', '.', '\n', 'A. B', 'A.\u2003B', 'A.) B', 'A.”\n“B', 'a. b. C!\n']) {
      expect(sentenceBounds(t)).toEqual(byRegex(t));
    }
  });
});
