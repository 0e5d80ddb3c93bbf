// CSV serialisation: RFC 4180 (header row, CRLF records, quoting by csv-stringify), every value
// formatted here exactly as its Table Schema type declares, so csv-stringify never casts.
import { stringify } from 'csv-stringify/sync';
import { TextChunks } from './chunks.ts';
import type { Cell, FieldSpec, Row, TableSpec } from './model.ts';

/** A number as Table Schema `number` lexical form: plain decimal, never an exponent. */
export function formatNumber(n: number): string {
  const s = String(n);
  if (!s.includes('e')) return s; // String() writes an exponent as e+ or e-
  // huge values are whole numbers (every double from 2^53 on is): their exact digits (toFixed
  // would still write an exponent from 1e21 on)
  if (Math.abs(n) >= 1e21) return BigInt(n).toString();
  // tiny values: fixed notation, trailing zeros trimmed
  return n.toFixed(20).replace(/\.?0+$/, '');
}

/** One cell as the canonical CSV writes it; '' only for null. */
export function formatCell(field: FieldSpec, value: Cell): string {
  if (value === null) return '';
  switch (field.type) {
    case 'integer':
      return typeof value === 'number' ? formatNumber(value) : String(value);
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

/** Rows per csv-stringify call: every record ends with its delimiter, so batches concatenate to the same bytes. */
const BATCH = 5000;

/**
 * A table's CSV written as rows arrive, stringified by csv-stringify a batch of rows at a time
 * (never the whole table as one string). `quoted_match` quotes any cell holding a lone CR or LF:
 * with CRLF records csv-stringify alone quotes only a full CRLF, and pandas/DuckDB split on a
 * bare LF.
 */
export class CsvStream {
  private pending: Array<Array<string | number>> = [];
  private readonly opts: Record<string, unknown>;
  /** `header`: begin with the header row (and the Excel copy's BOM); false for a run of records to join to others. */
  constructor(private readonly table: TableSpec, private readonly push: (s: string) => void, options: CsvOptions = {}, header = true) {
    const excel = options.excel === true;
    this.excel = excel;
    this.opts = { record_delimiter: 'windows', escape_formulas: excel, quoted_match: /[\r\n]/, cast: { number: (n: number) => formatNumber(n) } };
    if (header) push(stringify([table.fields.map((f) => f.name)], { ...this.opts, bom: excel }));
  }
  private readonly excel: boolean;
  /** A row; `cells`, when given, are its cells as formatCell makes them (not made again here). */
  add(r: Row, cells?: readonly string[]): void {
    const excel = this.excel;
    const fields = this.table.fields;
    const out: Array<string | number> = new Array(fields.length);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const v = r[f.name] ?? null;
      // numbers stay numbers in the Excel copy: escape_formulas would turn -5 into text
      if (excel && v !== null && (f.type === 'integer' || f.type === 'number')) {
        out[i] = v as number;
        continue;
      }
      const s = cells ? (cells[i] as string) : formatCell(f, v);
      // csv-stringify's escape_formulas does not catch a leading NUL
      out[i] = excel && s.startsWith('\u0000') ? `'${s}` : s;
    }
    this.pending.push(out);
    if (this.pending.length >= BATCH) this.flush();
  }
  flush(): void {
    if (!this.pending.length) return;
    this.push(stringify(this.pending, this.opts));
    this.pending = [];
  }
}

/**
 * Whether the spreadsheet copy writes this row exactly as the canonical CSV does (CsvStream.add
 * with `excel`): no text cell starts with a character it escapes, and every number is written
 * alike. A run of such rows needs csv-stringify once, for both copies.
 */
export function spreadsheetRowIsCanonical(table: TableSpec, r: Row, cells: readonly string[]): boolean {
  const fields = table.fields;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    const v = r[f.name] ?? null;
    if (v === null) continue; // the empty cell, in both
    if (f.type === 'integer' || f.type === 'number') {
      // the copy passes the number itself (csv-stringify's cast writes it with formatNumber)
      if (typeof v !== 'number' || formatNumber(v) !== cells[i]) return false;
    } else if (FORMULA_START.test(cells[i] as string)) return false;
  }
  return true;
}

/** The CSV as bytes (see CsvStream). */
export function toCsvBytes(table: TableSpec, rows: readonly Row[], options: CsvOptions = {}): Uint8Array {
  const sink = new TextChunks();
  const csv = new CsvStream(table, (s) => void sink.push(s), options);
  for (const r of rows) csv.add(r);
  csv.flush();
  return sink.finish();
}

export function toCsv(table: TableSpec, rows: readonly Row[], options: CsvOptions = {}): string {
  return Buffer.from(toCsvBytes(table, rows, options)).toString('utf8');
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
