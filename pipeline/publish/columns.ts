// What the join of a big release holds for every statement to its end, held compactly: numbers
// in chunked typed arrays outside the JavaScript heap, and the landing page's columns as indexes
// into tables of their distinct values: 36 bytes a statement (and its id), where an object of the
// same columns took about 100 bytes of heap, which the heap's own headroom then about doubled.
import type { CsvRow } from '../landing/release.ts';

/** A growable list of non-negative numbers in typed arrays (not a boxed array of 10^6 numbers): offsets (below 2^53) or byte lengths and indexes (below 2^32). */
export class Numbers {
  /** Fixed-size chunks: growing never copies, and never holds more than one chunk unused. */
  private readonly chunks: Array<Float64Array | Uint32Array> = [];
  length = 0;
  constructor(private readonly kind: 'offset' | 'length' = 'offset') {}
  push(n: number): void {
    const at = this.length & CHUNK_MASK;
    if (at === 0) this.chunks.push(this.kind === 'offset' ? new Float64Array(CHUNK) : new Uint32Array(CHUNK));
    (this.chunks[this.chunks.length - 1] as Float64Array | Uint32Array)[at] = n;
    this.length++;
  }
  get(i: number): number {
    return (this.chunks[i >>> CHUNK_BITS] as Float64Array | Uint32Array)[i & CHUNK_MASK] as number;
  }
}
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;

/** Distinct strings, each held once, by index. */
class Values {
  readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  of(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

/** The columns of a statement the landing page's counts and order read: its id, its document's, then fragment.ts LIGHT_COLUMNS. */
export interface LightRow {
  statement_id: string;
  document_id: string;
  /** Numbers: the landing page and withdrawn_ids compare them as numbers. */
  char_start: number;
  char_end: number;
  date_start: string;
  date_end: string;
  place_ids: string;
  actor_ids: string;
}

/**
 * Every statement's landing columns, by statement index. `ids` is the join's list of statement
 * ids (the same index), kept there for the N-Quads order and the key checks.
 */
export class LightColumns {
  private readonly docs = new Values();
  private readonly values = new Values();
  private readonly doc = new Numbers('length');
  private readonly start = new Numbers();
  private readonly end = new Numbers();
  private readonly text: Numbers[] = [0, 1, 2, 3].map(() => new Numbers('length'));
  constructor(private readonly ids: readonly string[]) {}
  get length(): number {
    return this.doc.length;
  }
  /** The next statement's columns (as the fragment's cells; the offsets as numbers). */
  push(documentId: string, charStart: number, charEnd: number, dateStart: string, dateEnd: string, placeIds: string, actorIds: string): void {
    this.doc.push(this.docs.of(documentId));
    this.start.push(charStart);
    this.end.push(charEnd);
    [dateStart, dateEnd, placeIds, actorIds].forEach((v, k) => (this.text[k] as Numbers).push(this.values.of(v)));
  }
  /**
   * The rows, as objects that read their columns from here when asked (one small object a
   * statement, made now: the landing page keeps and sorts them). `indexOf` gives a row's index.
   */
  rows(): CsvRow[] {
    const cols = this;
    const v = this.values.list;
    const [ds, de, pl, ac] = this.text as [Numbers, Numbers, Numbers, Numbers];
    class Row implements LightRow {
      constructor(readonly index: number) {}
      get statement_id(): string {
        return cols.ids[this.index] as string;
      }
      get document_id(): string {
        return cols.docs.list[cols.doc.get(this.index)] as string;
      }
      get char_start(): number {
        return cols.start.get(this.index);
      }
      get char_end(): number {
        return cols.end.get(this.index);
      }
      get date_start(): string {
        return v[ds.get(this.index)] as string;
      }
      get date_end(): string {
        return v[de.get(this.index)] as string;
      }
      get place_ids(): string {
        return v[pl.get(this.index)] as string;
      }
      get actor_ids(): string {
        return v[ac.get(this.index)] as string;
      }
    }
    this.rowClass = Row;
    return Array.from({ length: this.length }, (_, i) => new Row(i) as unknown as CsvRow);
  }
  private rowClass: (new (i: number) => LightRow & { index: number }) | undefined;
  /** A row's statement index, if it is one of `rows()`. */
  indexOf(row: CsvRow): number | undefined {
    return this.rowClass && row instanceof this.rowClass ? (row as unknown as { index: number }).index : undefined;
  }
}
