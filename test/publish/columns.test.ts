// The join's compact per-statement store: what goes in comes back, across chunk boundaries.
import { describe, expect, it } from 'vitest';
import { LightColumns, Numbers } from '../../pipeline/publish/columns.ts';

describe('Numbers', () => {
  it('keeps offsets above 2^32 and lengths, across chunks', () => {
    const offsets = new Numbers();
    const lengths = new Numbers('length');
    const n = 200_000; // three chunks
    for (let i = 0; i < n; i++) {
      offsets.push(i * 70_000);
      lengths.push(i % 4_000_000);
    }
    expect(offsets.length).toBe(n);
    for (const i of [0, 1, 65_535, 65_536, 131_072, n - 1]) {
      expect(offsets.get(i)).toBe(i * 70_000);
      expect(lengths.get(i)).toBe(i % 4_000_000);
    }
    expect(offsets.get(n - 1)).toBeGreaterThan(2 ** 32);
  });
});

describe('LightColumns', () => {
  it("gives back each statement's columns as a row, with its id and index", () => {
    const ids = ['s1', 's2', 's3'];
    const cols = new LightColumns(ids);
    cols.push('doc-a', 0, 10, '2012-02-04', '2012-02-04', 'homs;baba-amr', '');
    cols.push('doc-a', 11, 25, '2012-02-04', '2012-02-05', '', 'fsa');
    cols.push('doc-b', 3, 4, '', '', 'homs', 'syrian-armed-forces;fsa');
    const rows = cols.rows();
    expect(rows.map((r) => ({ ...ownColumns(r) }))).toEqual([
      { statement_id: 's1', document_id: 'doc-a', char_start: 0, char_end: 10, date_start: '2012-02-04', date_end: '2012-02-04', place_ids: 'homs;baba-amr', actor_ids: '' },
      { statement_id: 's2', document_id: 'doc-a', char_start: 11, char_end: 25, date_start: '2012-02-04', date_end: '2012-02-05', place_ids: '', actor_ids: 'fsa' },
      { statement_id: 's3', document_id: 'doc-b', char_start: 3, char_end: 4, date_start: '', date_end: '', place_ids: 'homs', actor_ids: 'syrian-armed-forces;fsa' },
    ]);
    expect(rows.map((r) => cols.indexOf(r))).toEqual([0, 1, 2]);
    expect(cols.indexOf({ statement_id: 's1' })).toBeUndefined();
  });
});

const COLUMNS = ['statement_id', 'document_id', 'char_start', 'char_end', 'date_start', 'date_end', 'place_ids', 'actor_ids'] as const;
const ownColumns = (r: Record<string, unknown>) => Object.fromEntries(COLUMNS.map((k) => [k, r[k]]));
