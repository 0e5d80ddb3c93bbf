import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureQualityDir } from '../../pipeline/quality.ts';

// The gold annotates the three seed documents: a release holding one of them is measured, one
// holding none is marked not measured (its figures would be about documents it does not have).
describe('quality.json', () => {
  const work = mkdtempSync(join(tmpdir(), 'homs-quality-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('measures a release that holds the seed documents on the gold', () => {
    const q = measureQualityDir('dist-data/v1.0.0') as { results: { gold: number; found: number } };
    expect(q.results.gold).toBe(320);
    expect(q.results.found).toBeGreaterThan(300);
  });

  it('does not measure a release that holds none of them', () => {
    const dir = join(work, 'other');
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    for (const f of ['statements.csv', 'places.csv', 'actors.csv']) copyFileSync(join('dist-data/v1.0.0', f), join(dir, f));
    writeFileSync(join(dir, 'documents.csv'), `document_id,sha256\nother,${'0'.repeat(64)}\n`);
    expect(measureQualityDir(dir)).toEqual({ measured: false, note: expect.stringContaining('seed documents') });
  });
});
