import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../pipeline/dates/rules/index.ts';
import { digitAfter, matchesAt } from '../../pipeline/dates/rules/rule.ts';

// Hand-written guards must say what the sticky regex tests they replace said, at any position.
const REPLACED: Record<string, [string, number]> = {
  'absolute.decade': ['\\d{2,3}0s', 5],
  'ranges.year-dash': ['\\d{4}\\s*[–—-]', 7],
  'times.clock': ['\\d{1,2}(?:[:.]\\d\\d)?\\s*[aApP]\\.?[mM]', 10],
};

const CORPUS = ['../shared/corpus/wikiwars', '../shared/seeds'].flatMap((d) => {
  try {
    return readdirSync(d).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(d, f), 'utf8'));
  } catch {
    return [];
  }
});

function randomTexts(n: number): string[] {
  const parts = ['0', '1', '9', '19', '196', '0s', 's', ' ', '  ', '\u00a0', '-', '–', '—', ':', '.', 'a', 'A', 'p', 'P', 'm', 'M', '.m', 'x', '\n'];
  let seed = 99;
  const rnd = () => { seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; return seed / 2 ** 32; };
  const out: string[] = [];
  for (let k = 0; k < n; k++) {
    let s = '';
    const len = Math.floor(rnd() * 14);
    for (let i = 0; i < len; i++) s += parts[Math.floor(rnd() * parts.length)]!;
    out.push(s);
  }
  return out;
}

describe('hand-written guards', () => {
  for (const [id, [source, limit]] of Object.entries(REPLACED)) {
    it(`${id} guards as /${source}/y within ${limit} did`, () => {
      const near = RULES.find((r) => r.id === id)!.triggers.near!;
      const byRegex = matchesAt(source, limit);
      for (const t of [...CORPUS, ...randomTexts(5000)]) {
        for (let at = 0; at <= t.length; at++) {
          if (near(t, at) !== byRegex(t, at)) expect({ text: t.slice(at, at + 12), at, near: near(t, at) }).toEqual({ text: t.slice(at, at + 12), at, near: byRegex(t, at) });
        }
      }
    });
  }
});

// Guards tightened to what a rule's own regex needs: where the tightened guard says no and the
// guard it refines says yes, the rule's sticky regex must fail (so no match is lost).
const TIGHTENED: Record<string, (text: string, at: number) => boolean> = {
  'absolute.year': () => true,
  'absolute.month-day-year': digitAfter(3),
  'absolute.month-day': digitAfter(3),
  'absolute.month-day-of-year': digitAfter(3),
  'ranges.month-days': digitAfter(3),
};

describe('tightened guards', () => {
  for (const [id, looser] of Object.entries(TIGHTENED)) {
    it(`${id}: no position its regex matches at is dropped`, () => {
      const r = RULES.find((x) => x.id === id)!;
      const re = new RegExp(r.pattern.source, 'y');
      for (const t of [...CORPUS, ...randomTexts(3000).map((x) => `May ${x} 1939`)]) {
        for (let at = 0; at < t.length; at++) {
          if (r.triggers.near!(t, at) || !looser(t, at)) continue;
          re.lastIndex = at;
          if (re.test(t)) expect({ id, at, text: t.slice(at, at + 20) }).toBeUndefined();
        }
      }
    });
  }
});
