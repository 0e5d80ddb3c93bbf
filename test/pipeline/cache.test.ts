// The per-document cache: an unchanged document is never processed twice, and only the code a
// document's result depends on is in the key.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFolder, codeVersion, perDocumentCodeFiles } from '../../pipeline/build.ts';
import { processDocument } from '../../pipeline/process.ts';
import { createStages } from '../../pipeline/stages.ts';

const stages = createStages();

describe('per-document cache', () => {
  it('serves an unchanged raw folder entirely from the cache, with the same results', async () => {
    const cacheDir = mkdtempSync(join(tmpdir(), 'homs-cache-'));
    let processed = 0;
    const run = (entries: Parameters<Parameters<typeof buildFolder>[1]>[0]) => {
      processed += entries.length;
      return entries.map((e) => processDocument(e.entry, e.bytes, join('raw', e.entry.path), stages));
    };
    const first = await buildFolder({ raw: 'raw', cacheDir }, run);
    expect(first.cache).toEqual({ hits: 0, misses: 3 });
    const second = await buildFolder({ raw: 'raw', cacheDir }, run);
    expect(second.cache).toEqual({ hits: 3, misses: 0 });
    expect(processed).toBe(3);
    expect(second.results).toEqual(first.results);
    // results of another code version (and a file of an older layout) are removed once a release is written; this version's stay
    mkdirSync(join(cacheDir, '0123456789abcdef'));
    writeFileSync(join(cacheDir, '0123456789abcdef', 'x.json'), '{}');
    writeFileSync(join(cacheDir, 'flat.json'), '{}');
    second.pruneCache?.();
    expect(readdirSync(cacheDir)).toEqual([codeVersion()]);
    expect(readdirSync(join(cacheDir, codeVersion()))).toHaveLength(3);
    const third = await buildFolder({ raw: 'raw', cacheDir }, run);
    expect(third.cache).toEqual({ hits: 3, misses: 0 });
    expect(existsSync(join(cacheDir, 'flat.json'))).toBe(false);
  });

  it('keys results by the per-document stages, schemas and gazetteer, not by publish or the runners', () => {
    const files = perDocumentCodeFiles();
    expect(files).toContain('pipeline/dates/resolve.ts');
    expect(files).toContain('pipeline/dates/scan.wasm');
    expect(files).toContain('pipeline/ingest/sentences.ts');
    expect(files).toContain('gazetteer/places.json');
    expect(files).toContain('schemas/statement.schema.json');
    expect(files.some((f) => f.startsWith('pipeline/publish/') || f.startsWith('pipeline/landing/') || f.startsWith('pipeline/cli/'))).toBe(false);
  });
});
