// Test helpers: tag a text and pick one expression by its verbatim text, so each case checks
// the span (start, end, text) as well as the value.
import { expect } from 'vitest';
import { tagPlainText, type TimexExpression } from '../../pipeline/dates/index.ts';

export function tag(text: string, documentDate?: string): TimexExpression[] {
  return tagPlainText(text, documentDate);
}

/** The expression whose text is `expr` (the n-th occurrence of it in the text, from 1). */
export function find(text: string, expr: string, documentDate?: string, occurrence = 1): TimexExpression | undefined {
  const re = new RegExp(`(?<![\\w])${expr.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w])`, 'g');
  let at = -1;
  for (let i = 0; i < occurrence; i++) { const m = re.exec(text); at = m ? m.index : -1; }
  if (at < 0) at = text.indexOf(expr); // glued forms ("6 May 20119 May 2014") have no boundary
  expect(at, `"${expr}" is in the text`).toBeGreaterThanOrEqual(0);
  return tag(text, documentDate).find((e) => e.start === at && e.end === at + expr.length);
}

export function expectTimex(text: string, expr: string, want: { val?: string; mod?: string }, documentDate?: string, occurrence = 1): TimexExpression {
  const e = find(text, expr, documentDate, occurrence);
  expect(e, `an expression spanning exactly "${expr}"; got ${JSON.stringify(tag(text, documentDate).map((x) => x.text))}`).toBeDefined();
  expect(e!.text).toBe(expr);
  expect({ val: e!.val, mod: e!.mod }).toEqual({ val: want.val, mod: want.mod });
  return e!;
}
