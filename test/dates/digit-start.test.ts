import { describe, expect, it } from 'vitest';
import { RULES } from '../../pipeline/dates/rules/index.ts';
import { CORPUS, randomTexts } from './generated.ts';

// A digitStart rule is tried at the digit runs of a window instead of scanning it: on any text
// that must find exactly the matches (spans and groups) of the global scan.
const PARTS = ['1', '8', '20', '19', '2011', '1945', '480', ' ', '  ', '\n', 'May', 'March', 'Jan.', 'of', 'and', 'to', '–', '-', ',', '.', 'th', 'BC', 'B.C.', 'x', 'a'];

function digitRuns(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57 && !(i > 0 && s.charCodeAt(i - 1) >= 48 && s.charCodeAt(i - 1) <= 57)) out.push(i);
  }
  return out;
}

type Found = Array<{ index: number; groups: Array<string | undefined> }>;

function byScan(re: RegExp, s: string): Found {
  const g = new RegExp(re.source, re.flags);
  const out: Found = [];
  for (let m = g.exec(s); m; m = g.exec(s)) {
    if (m[0].length === 0) { g.lastIndex++; continue; }
    out.push({ index: m.index, groups: [...m] });
  }
  return out;
}

function byDigitRuns(sticky: RegExp, s: string): Found {
  const out: Found = [];
  let next = 0;
  for (const q of digitRuns(s)) {
    if (q < next) continue;
    sticky.lastIndex = q;
    const m = sticky.exec(s);
    if (!m) continue;
    if (m[0].length === 0) { next = q + 1; continue; }
    out.push({ index: m.index, groups: [...m] });
    next = q + m[0].length;
  }
  return out;
}

describe('digitStart rules', () => {
  const rules = RULES.filter((r) => r.triggers.digitStart);
  it('there are some', () => expect(rules.length).toBeGreaterThan(0));
  for (const r of rules) {
    it(`${r.id}: the digit runs find what the scan finds`, () => {
      for (const t of [...CORPUS, ...randomTexts(4000, PARTS, 4242, 24)]) expect(byDigitRuns(r.sticky!, t)).toEqual(byScan(r.pattern, t));
    });
  }
});
