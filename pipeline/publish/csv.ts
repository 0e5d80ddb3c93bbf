// CSV serialisation: RFC 4180 (header row, CRLF records, minimal quoting), every value formatted
// here exactly as its Table Schema type declares.
import { TextChunks } from './chunks.ts';
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

// The record writer follows csv-stringify 6 with the options this project uses (',' and '"', CRLF
// records, escape_formulas for the Excel copy), which test/publish/csv.test.ts checks byte for
// byte on hostile strings: a general-purpose stringifier costs ~10 s on the 100x corpus.
const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_FIRST = new Set(['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']);

/** A text cell as RFC 4180 writes it: quoted (quotes doubled) only when it holds a quote, comma or line break. */
function quoteField(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** A cell of the Excel copy: numbers as numbers, text that a spreadsheet would run as a formula prefixed with `'`. */
function excelField(f: FieldSpec, v: Cell): string {
  if (v !== null && (f.type === 'integer' || f.type === 'number')) return quoteField(formatNumber(v as number));
  const s = formatCell(f, v);
  // csv-stringify's escape_formulas does not catch a leading NUL: we do
  return quoteField(s.startsWith('\u0000') || FORMULA_FIRST.has(s.charAt(0)) ? `'${s}` : s);
}

/** The CSV as bytes, written a record at a time (never the whole table as one string). */
export function toCsvBytes(table: TableSpec, rows: readonly Row[], options: CsvOptions = {}): Uint8Array {
  const sink = new TextChunks();
  const fields = table.fields;
  const excel = options.excel === true;
  sink.push(`${excel ? '\uFEFF' : ''}${fields.map((f) => quoteField(f.name)).join(',')}\r\n`);
  for (const r of rows) {
    let line = '';
    for (let j = 0; j < fields.length; j++) {
      const f = fields[j] as FieldSpec;
      const v = r[f.name] ?? null;
      line += (j ? ',' : '') + (excel ? excelField(f, v) : quoteField(formatCell(f, v)));
    }
    sink.push(`${line}\r\n`);
  }
  return sink.finish();
}

export function toCsv(table: TableSpec, rows: readonly Row[], options: CsvOptions = {}): string {
  return Buffer.from(toCsvBytes(table, rows, options)).toString('utf8');
}

/** The cells of the canonical CSV as a reader gets them back (header first): what csv-parse returns for toCsv's output. */
export function csvCells(table: TableSpec, rows: readonly Row[]): string[][] {
  return [table.fields.map((f) => f.name), ...rows.map((r) => table.fields.map((f) => formatCell(f, r[f.name] ?? null)))];
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
