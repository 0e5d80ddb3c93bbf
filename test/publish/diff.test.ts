import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { diffSchema, nextVersion, readPrevious } from '../../pipeline/publish/diff.ts';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { STATEMENTS } from '../../pipeline/publish/model.ts';
import { input, PLACES } from './fixtures.ts';

const dec = new TextDecoder();
const v1 = buildRelease(input());
const prev = { version: '1.0.0', files: v1.files };
const csv = (files: Map<string, Uint8Array>, name: string) => parse(dec.decode(files.get(name)), { columns: true }) as Record<string, string>[];

describe('semver from the diff', () => {
  it('no change: auto keeps the version and the bytes (re-publishing is a no-op)', () => {
    const again = buildRelease(input({ version: 'auto', previous: prev }));
    expect(again.version).toBe('1.0.0');
    expect(again.bump).toBe('none');
    expect(again.files).toEqual(v1.files);
  });

  it('a corrected value is a patch, listed by id with the changed field', () => {
    const inp = input({ version: 'auto', previous: prev });
    inp.statements[1]!.casualties = { ...inp.statements[1]!.casualties, killedLow: 11 };
    const r = buildRelease(inp);
    expect([r.bump, r.version]).toEqual(['patch', '1.0.1']);
    const diff = JSON.parse(dec.decode(r.files.get('diff.json')));
    expect(diff.tables.statements.changed).toEqual([{ id: expect.stringMatching(/^s[0-9a-f]{16}$/), fields: ['killed_low'] }]);
    expect(dec.decode(r.files.get('CHANGELOG.md'))).toContain('killed_low');
  });

  it('new rows are minor', () => {
    const r = buildRelease(input({ version: 'auto', previous: prev, places: [...PLACES, { place_id: 'al-waer', name: 'al-Waer', alt_names: [], type: 'neighbourhood', parent: 'homs', geo_precision: 'neighbourhood' }] }));
    expect([r.bump, r.version]).toEqual(['minor', '1.1.0']);
  });

  it('a withdrawn statement is major, listed with its reason and successor', () => {
    const inp = input({ version: 'auto', previous: prev });
    const s = inp.statements[4]!; // the =cmd sentence, re-segmented shorter
    s.text = s.text.slice(0, 30);
    s.span = { start: s.span.start, end: s.span.start + 30 };
    const r = buildRelease(inp);
    expect([r.bump, r.version]).toEqual(['major', '2.0.0']);
    const w = csv(r.files, 'withdrawn_ids.csv');
    expect(w).toHaveLength(1);
    const added = JSON.parse(dec.decode(r.files.get('diff.json'))).tables.statements.added;
    expect(w[0]).toMatchObject({ table: 'statements', withdrawn_in: '2.0.0', superseded_by: added[0] });
    expect(w[0]!.reason).toMatch(/boundaries changed/);
    // carried forward to the next release
    const r3 = buildRelease({ ...inp, version: 'auto', previous: { version: '2.0.0', files: r.files } });
    expect(csv(r3.files, 'withdrawn_ids.csv')).toEqual(w);
    expect(dec.decode(r3.files.get('CHANGELOG.md'))).toContain('## 2.0.0');
  });

  it('refuses a version below what the changes require', () => {
    const inp = input({ version: '1.0.1', previous: prev });
    inp.statements.pop();
    const r = buildRelease(inp);
    expect(r.messages.find((m) => m.ruleId === 'publish-version')?.reason).toMatch(/expected at least 2\.0\.0/);
  });

  it('classifies schema changes: removed or moved column major, appended column minor', () => {
    const old = readPrevious('1.0.0', v1.files).tables.get('statements')!;
    const removed = { ...STATEMENTS, fields: STATEMENTS.fields.filter((f) => f.name !== 'killed_text') };
    expect(diffSchema(removed, old).some((c) => c.field === 'killed_text' && c.bump === 'major')).toBe(true);
    const appended = { ...STATEMENTS, fields: [...STATEMENTS.fields, { name: 'event_type', type: 'string' as const, description: 'd', example: 'e' }] };
    expect(diffSchema(appended, old).map((c) => c.bump)).toEqual(['minor']);
    const retyped = { ...STATEMENTS, fields: STATEMENTS.fields.map((f) => (f.name === 'killed_low' ? { ...f, type: 'number' as const } : f)) };
    expect(diffSchema(retyped, old).map((c) => c.bump)).toEqual(['major']);
    expect(nextVersion('1.4.2', 'minor')).toBe('1.5.0');
  });
});
