// CSV serialisation: RFC 4180 (header row, CRLF records, quoting by csv-stringify), every value
// formatted here exactly as its Table Schema type declares, so csv-stringify never casts.
import { stringify } from 'csv-stringify/sync';
import type { Cell, FieldSpec, Row, TableSpec } from './model.ts';

/** A number as Table Schema `number` lexical form: plain decimal, never an exponent. */
export function formatNumber(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  // tiny or huge values: fixed notation, trailing zeros trimmed
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** One cell as the canonical CSV writes it; '' only for null. */
export function formatCell(field: FieldSpec, value: Cell): string {
  if (value === null) return '';
  switch (field.type) {
    case 'integer':
      return String(value);
    case 'number':
      return formatNumber(value as number);
    case 'list':
      return (value as string[]).join(field.delimiter ?? ';');
    default:
      return String(value);
  }
}

export interface CsvOptions {
  /** The spreadsheet copy: BOM, formula-escaped text cells. Never the canonical data. */
  excel?: boolean;
}

export function toCsv(table: TableSpec, rows: readonly Row[], options: CsvOptions = {}): string {
  const header = table.fields.map((f) => f.name);
  const records = rows.map((r) =>
    table.fields.map((f) => {
      const v = r[f.name] ?? null;
      if (options.excel && v !== null && (f.type === 'integer' || f.type === 'number')) return v as number; // numbers stay numbers: escape_formulas would turn -5 into text
      const s = formatCell(f, v);
      // csv-stringify's escape_formulas does not catch a leading NUL
      return options.excel && s.startsWith('\u0000') ? `'${s}` : s;
    }),
  );
  return stringify([header, ...records], {
    record_delimiter: 'windows',
    bom: options.excel === true,
    escape_formulas: options.excel === true,
    cast: { number: (n: number) => formatNumber(n) },
  });
}

const FORMULA_START = /^[=+\-@\t\r\u0000\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** Text cells of the canonical tables that a spreadsheet would run as a formula (for the card's warning). */
export function countFormulaCells(table: TableSpec, rows: readonly Row[]): number {
  let n = 0;
  for (const r of rows) {
    for (const f of table.fields) {
      if (f.type === 'integer' || f.type === 'number') continue;
      const v = r[f.name];
      if (v !== null && v !== undefined && FORMULA_START.test(formatCell(f, v))) n++;
    }
  }
  return n;
}
