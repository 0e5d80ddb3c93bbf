import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countFormulaCells, CsvStream, formatCell, formatNumber, spreadsheetRowIsCanonical, toCsv } from '../../pipeline/publish/csv.ts';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { STATEMENTS, type Row, type TableSpec } from '../../pipeline/publish/model.ts';
import { input } from './fixtures.ts';

const HOSTILE = ['plain', 'a,b', 'say "hi"', 'two\nlines', 'crlf\r\ninside', '=cmd|\' /C calc\'!A0', '+1', '-2', '@SUM(A1)', '\ttab', 'حمص الخالدية', 'emoji 🙂 👨‍👩‍👧', ' leading and trailing ', '"', ',', 'NA', 'null', 'None'];

const TABLE: TableSpec = {
  name: 't',
  title: 't',
  description: 't',
  primaryKey: ['id'],
  foreignKeys: [],
  fields: [
    { name: 'id', type: 'string', description: '', example: '' },
    { name: 'value', type: 'string', description: '', example: '' },
    { name: 'n', type: 'integer', description: '', example: '' },
    { name: 'items', type: 'list', delimiter: ';', itemType: 'string', description: '', example: '' },
  ],
};

const rows: Row[] = HOSTILE.map((v, i) => ({ id: `r${i}`, value: v, n: i % 3 === 0 ? null : -i, items: i % 2 ? [v.replace(/;/g, ''), 'x'] : null }));

/** A row's record as CsvStream writes it, canonical or the spreadsheet copy (no header). */
function recordOf(table: TableSpec, r: Row, excel: boolean): string {
  let out = '';
  const s = new CsvStream(table, (x) => void (out += x), { excel }, false);
  s.add(r, table.fields.map((f) => formatCell(f, r[f.name] ?? null)));
  s.flush();
  return out;
}

describe('the spreadsheet copy made from the canonical text', () => {
  const T: TableSpec = { ...TABLE, fields: [...TABLE.fields, { name: 'x', type: 'number', description: '', example: '' }] };
  const text = fc.oneof(fc.constantFrom(...HOSTILE, '\u0000nul', '\uFF1Dfull', '\uFF0D', '\r', '-'), fc.string(), fc.string({ unit: 'grapheme' }));
  const row = fc.record({
    id: text,
    value: fc.option(text, { nil: null }),
    n: fc.option(fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(1e21, -1e22, 2 ** 53)), { nil: null }),
    items: fc.option(fc.array(text.filter((v) => v !== '' && !v.includes(';')), { minLength: 1, maxLength: 3 }), { nil: null }),
    x: fc.option(fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(-0.5, 1e-7, -3)), { nil: null }),
  });

  it('is the canonical record exactly when the check says so', () => {
    fc.assert(
      fc.property(row, (r) => {
        const cells = T.fields.map((f) => formatCell(f, (r as Row)[f.name] ?? null));
        if (spreadsheetRowIsCanonical(T, r as Row, cells)) expect(recordOf(T, r as Row, true)).toBe(recordOf(T, r as Row, false));
      }),
      { numRuns: 3000, seed: 20261202 },
    );
  });

  it('says so for plain rows, and not for a formula, a NUL or a number column holding text', () => {
    const plain: Row = { id: 'a', value: 'Shelling in Baba Amr', n: -5, items: ['x'], x: -0.5 };
    const cells = (r: Row) => T.fields.map((f) => formatCell(f, r[f.name] ?? null));
    expect(spreadsheetRowIsCanonical(T, plain, cells(plain))).toBe(true);
    for (const r of [{ ...plain, value: '=1+1' }, { ...plain, value: '-2' }, { ...plain, id: '\u0000x' }, { ...plain, items: ['@a'] }, { ...plain, n: '-5' }]) {
      expect(spreadsheetRowIsCanonical(T, r, cells(r))).toBe(false);
      expect(recordOf(T, r, true)).not.toBe(recordOf(T, r, false));
    }
  });
});

describe('canonical CSV', () => {
  it('reads back with csv-parse exactly as written, hostile strings included', () => {
    const csv = toCsv(TABLE, rows);
    const back = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(back).toHaveLength(rows.length);
    back.forEach((b, i) => {
      const r = rows[i]!;
      expect(b.value).toBe(r.value);
      expect(b.n).toBe(r.n === null ? '' : String(r.n));
      expect(b.items).toBe(r.items === null ? '' : (r.items as string[]).join(';'));
    });
  });

  it('is RFC 4180: CRLF records, no BOM, header first', () => {
    const csv = toCsv(TABLE, rows.slice(0, 2));
    expect(csv.startsWith('id,value,n,items\r\n')).toBe(true);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('keeps formula-looking text untouched (the data is not the spreadsheet)', () => {
    const back = parse(toCsv(TABLE, rows), { columns: true }) as Record<string, string>[];
    expect(back.map((b) => b.value)).toContain('=cmd|\' /C calc\'!A0');
    // = + - @ tab in `value` (5 rows), and the odd rows' list cells that start with one (3)
    expect(countFormulaCells(TABLE, rows)).toBe(8);
  });

  it('writes null as an empty cell and never NA/None/null for a missing value', () => {
    const csv = toCsv(TABLE, [{ id: 'x', value: null, n: null, items: null }]);
    expect(csv.split('\r\n')[1]).toBe('x,,,');
  });

  it('formats numbers without exponents', () => {
    expect(formatNumber(1e-7)).toBe('0.0000001');
    expect(formatNumber(34.7324)).toBe('34.7324');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(-1.5e22)).toBe('-15000000000000000000000');
    expect(formatNumber(2 ** 70)).toBe('1180591620717411303424');
    expect(formatCell(TABLE.fields[2]!, 1e21)).toBe('1000000000000000000000');
    expect(formatCell(TABLE.fields[2]!, -7)).toBe('-7');
  });
});

describe('canonical CSV round-trips arbitrary awkward cells', () => {
  const cellText = fc.oneof(fc.constantFrom(...HOSTILE, '\u0000x', '\r', 'a\r', '＝1', "'quoted'"), fc.string({ unit: 'grapheme' }), fc.string({ unit: fc.constantFrom('"', ',', '\r', '\n', '=', '-', 'a', ' ', '\t', ';'), minLength: 1 }));
  it('reads back with csv-parse as written, whatever record delimiter the reader splits on', () => {
    fc.assert(
      fc.property(fc.array(cellText.filter((x) => x !== ''), { minLength: 1, maxLength: 8 }), (values) => {
        const rs = values.map((v, i) => ({ id: `r${i}`, value: v, n: null, items: null }) as Row);
        const back = parse(toCsv(TABLE, rs), { columns: true, record_delimiter: ['\r\n', '\n', '\r'] }) as Record<string, string>[];
        expect(back.map((r) => r.value)).toEqual(values);
      }),
      { seed: 20261201, numRuns: 300 },
    );
  });
});

describe('a cell with a line break', () => {
  it('is quoted for a lone LF or CR as for CRLF, so readers that split records on either keep the row', () => {
    const csv = toCsv(TABLE, [{ id: 'a', value: 'two\nlines', n: null, items: null }, { id: 'b', value: 'cr\ronly', n: null, items: null }]);
    expect(csv).toContain('a,"two\nlines",,');
    expect(csv).toContain('b,"cr\ronly",,');
    expect((parse(csv, { columns: true, record_delimiter: ['\n', '\r\n', '\r'] }) as Record<string, string>[]).map((r) => r.value)).toEqual(['two\nlines', 'cr\ronly']);
  });
});

describe('excel copy', () => {
  it('has a BOM and no cell that starts a formula, and numbers stay numbers', () => {
    const csv = toCsv(TABLE, rows, { excel: true });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const back = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    for (const b of back) {
      expect(b.value).not.toMatch(/^[=+\-@\t\r]/);
      expect(b.items).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(back.find((b) => b.id === 'r1')!.n).toBe('-1');
    expect(back.find((b) => b.id === 'r5')!.value).toBe("'=cmd|' /C calc'!A0");
  });
});

describe('statements.csv of a release', () => {
  it('round-trips every statement text and NFC holds', () => {
    const r = buildRelease(input());
    const text = new TextDecoder().decode(r.files.get('statements.csv'));
    const back = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(back[0]!)).toEqual(STATEMENTS.fields.map((f) => f.name));
    const texts = input().statements.map((s) => s.text).sort();
    expect(back.map((b) => b.text).sort()).toEqual(texts);
    expect(text).toBe(text.normalize('NFC'));
  });
});

describe('a date outside the years a Table Schema date can hold', () => {
  it('keeps the statement, its exact value in date_edtf, empty start/end cells, and warns', () => {
    const base = input();
    const [first, ...rest] = base.statements;
    const bc = { ...first!, date: { ...first!.date, start: '-0491-01-01', end: '-0491-12-31', edtf: '-0491' } };
    const r = buildRelease({ ...base, statements: [bc, ...rest] });
    expect(r.messages.filter((m) => m.severity === 'error')).toEqual([]);
    expect(r.messages.map((m) => m.ruleId)).toContain('publish-date-out-of-range');
    const rows = parse(Buffer.from(r.files.get('statements.csv')!), { columns: true }) as Record<string, string>[];
    const row = rows.find((x) => x.text === bc.text)!;
    expect([row.date_start, row.date_end, row.date_edtf]).toEqual(['', '', '-0491']);
  });
  it('warns once per document, with the count, however many of its statements are BC', () => {
    const base = input();
    const bc = (s: (typeof base.statements)[number], edtf: string) => ({ ...s, date: { ...s.date, start: `${edtf}-01-01`, end: `${edtf}-12-31`, edtf } });
    const ofFirst = base.statements.filter((s) => s.documentId === 'doc-a');
    expect(ofFirst.length).toBeGreaterThanOrEqual(2);
    const statements = base.statements.map((s) => (ofFirst.includes(s) ? bc(s, '-0491') : s));
    const r = buildRelease({ ...base, statements });
    const warned = r.messages.filter((m) => m.ruleId === 'publish-date-out-of-range');
    expect(warned).toHaveLength(1);
    expect(warned[0]!.reason).toContain(`-0491-01-01..-0491-12-31 (and ${ofFirst.length - 1} more statement`);
    const rows = parse(Buffer.from(r.files.get('statements.csv')!), { columns: true }) as Record<string, string>[];
    expect(rows.filter((x) => (x.date_edtf ?? '').startsWith('-')).map((x) => x.date_start)).toEqual(ofFirst.map(() => ''));
  });
});
