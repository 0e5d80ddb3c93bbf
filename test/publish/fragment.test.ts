// A document's fragment moved to a blob file (toBlob): what a worker posts to the joining thread
// must read back, range by range, as the texts it replaced.
import { describe, expect, it } from 'vitest';
import { documentFragment, STREAMED, toBlob, type BlobFile, type Fragment } from '../../pipeline/publish/fragment.ts';
import { ACTORS, input, PLACES } from './fixtures.ts';

/** A blob file in memory: the parts appended one after the other, as the thread's file has them. */
function memoryBlob(): BlobFile & { bytes(): Buffer; at(r: [number, number]): string } {
  const chunks: Buffer[] = [];
  let pos = 0;
  const bytes = () => Buffer.concat(chunks);
  return {
    file: 'blob-test.bin',
    put(parts) {
      return parts.map((p) => {
        const b = Buffer.from(p, 'utf8');
        chunks.push(b);
        pos += b.length;
        return [pos - b.length, b.length] as [number, number];
      });
    },
    bytes,
    at: ([offset, length]) => bytes().subarray(offset, offset + length).toString('utf8'),
  };
}

const ctx = { placeIds: new Set(PLACES.map((p) => p.place_id)), actorIds: new Set(ACTORS.map((a) => a.actor_id)), withCells: false };

function fragmentOf(id: string): Fragment {
  const base = input();
  const doc = base.documents.find((d) => d.entry.id === id)!;
  const { text, ...meta } = doc;
  return documentFragment(id, meta, text, base.statements.filter((s) => s.documentId === id), ctx);
}

describe('a fragment moved to a blob file', () => {
  it('reads back as its CSV records, both copies, its cells, graph nodes and N-Quads', () => {
    for (const id of ['doc-a', 'doc-b']) {
      const f = fragmentOf(id);
      const blob = memoryBlob();
      const moved = toBlob(f, blob, true);
      expect(moved.csv.flat().every((s) => s === '')).toBe(true);
      STREAMED.forEach((name, k) => {
        const [c, x] = moved.blob!.csv![k]!;
        expect([blob.at(c), blob.at(x)], `${id} ${name}`).toEqual(f.csv[k]);
      });
      expect(blob.at(moved.blob!.cells!)).toBe(f.cellsJson);
      expect(blob.at(moved.blob!.graph)).toBe(f.graph);
      expect(blob.at(moved.blob!.nq)).toBe(f.nq.join(''));
      expect(moved.nqBytes).toEqual(f.nq.map((g) => Buffer.byteLength(g)));
    }
  });

  it('writes a spreadsheet copy once when it is the canonical text, twice only when a row differs there', () => {
    const a = fragmentOf('doc-a'); // a sentence that starts like a formula: escaped in the copy
    const b = fragmentOf('doc-b');
    expect(a.csv[0]![1]).not.toBe(a.csv[0]![0]);
    expect(b.csv.every(([c, x]) => c === x)).toBe(true);
    for (const f of [a, b]) {
      const blob = memoryBlob();
      const moved = toBlob(f, blob, true);
      const csvBytes = f.csv.reduce((n, [c, x]) => n + Buffer.byteLength(c) + (x === c ? 0 : Buffer.byteLength(x)), 0);
      const rest = Buffer.byteLength(f.cellsJson) + Buffer.byteLength(f.graph) + f.nq.reduce((n, g) => n + Buffer.byteLength(g), 0);
      expect(blob.bytes().length).toBe(csvBytes + rest);
      STREAMED.forEach((_, k) => {
        const [c, x] = moved.blob!.csv![k]!;
        expect(x === c || x[0] !== c[0]).toBe(true);
        if (f.csv[k]![0] === f.csv[k]![1]) expect(x).toEqual(c);
      });
    }
  });

  it("keeps the joining thread's own CSV records and cells as text: only the graph goes", () => {
    const f = fragmentOf('doc-a');
    const blob = memoryBlob();
    const kept = toBlob(f, blob, false);
    expect(kept.csv).toEqual(f.csv);
    expect(kept.cellsJson).toBe(f.cellsJson);
    expect(kept.blob!.csv).toBeUndefined();
    expect(blob.at(kept.blob!.graph)).toBe(f.graph);
  });
});
