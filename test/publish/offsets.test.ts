import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseSentence } from '../../pipeline/ids.ts';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { CodePointIndex, deriveStatementId } from '../../pipeline/publish/rows.ts';
import { DOC_A, DOC_B, input } from './fixtures.ts';

describe('code-point offsets', () => {
  it('maps UTF-16 offsets past astral characters to code points', () => {
    const t = 'a🙂b';
    const idx = new CodePointIndex(t);
    expect([idx.at(0), idx.at(1), idx.at(3), idx.at(4)]).toEqual([0, 1, 2, 3]);
    expect(idx.length).toBe(3);
  });

  it('published char_start/char_end select the text in code points (Python slicing)', () => {
    const r = buildRelease(input());
    const rows = parse(new TextDecoder().decode(r.files.get('statements.csv')), { columns: true }) as Record<string, string>[];
    const raw: Record<string, string[]> = { 'doc-a': Array.from(DOC_A), 'doc-b': Array.from(DOC_B) };
    for (const row of rows) expect(raw[row.document_id!]!.slice(Number(row.char_start), Number(row.char_end)).join('')).toBe(row.text);
  });
});

describe('statement ids', () => {
  it('derive from document and normalised text, not from row order', () => {
    const a = buildRelease(input());
    const shuffled = buildRelease(input({ statements: input().statements.reverse() }));
    expect(a.files.get('statements.csv')).toEqual(shuffled.files.get('statements.csv'));
    expect(deriveStatementId('d', 'Some  text\n here')).toBe(deriveStatementId('d', 'Some text here'));
    expect(deriveStatementId('d', 'x')).not.toBe(deriveStatementId('e', 'x'));
  });

  it('normalise a sentence as NFC, whitespace runs collapsed, trimmed, whatever its characters (the fast path agrees with the definition)', () => {
    const definition = (t: string) => t.normalize('NFC').replace(/\s+/gu, ' ').trim();
    const unit = fc.constantFrom(' ', '  ', 'a', 'Homs', '\t', '\n', '\r\n', '\u00a0', '\u2009', '\u3000', '\ufeff', '\u2028', '\u0085', '\u200b', 'e\u0301', '\u00e9', '\u1e9b\u0323', '🚌');
    fc.assert(fc.property(fc.array(unit, { maxLength: 12 }).map((a) => a.join('')), (t) => normaliseSentence(t) === definition(t)), { seed: 20261202, numRuns: 2000 });
    expect(normaliseSentence(' On  8\u00a0May\n2012 ')).toBe('On 8 May 2012');
    expect(normaliseSentence('Cafe\u0301 at 10am')).toBe('Caf\u00e9 at 10am');
  });

  it('give a repeated sentence an occurrence suffix in document order', () => {
    const rows = parse(new TextDecoder().decode(buildRelease(input()).files.get('statements.csv')), { columns: true }) as Record<string, string>[];
    const repeated = rows.filter((r) => r.text!.startsWith('On 8 May 2014'));
    expect(repeated.map((r) => r.statement_id!.replace(/^s[0-9a-f]{16}/, ''))).toEqual(['', '-2']);
    expect(Number(repeated[0]!.char_start)).toBeLessThan(Number(repeated[1]!.char_start));
  });
});
