import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFolder, loadGazetteer, releaseInput } from '../../pipeline/build.ts';
import { loadRawFolder } from '../../pipeline/manifest.ts';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { fileCount, workerMap } from '../../pipeline/workers.ts';
import { smallCorpus } from './corpus.ts';

const raw = smallCorpus();
const fileOf = (e: { entry: { path: string } }) => join(raw, e.entry.path);

async function release(workers: number, batch = 8): Promise<Map<string, Uint8Array>> {
  const outcome = await buildFolder({ raw, map: workerMap({ workers, fileOf, batch, minPerWorker: 1 }) }, () => []);
  return buildRelease(releaseInput(outcome, raw, loadGazetteer(), '0.1.0')).files;
}

describe('worker pool', () => {
  it('counts a folder\'s files, nested ones too, only as far as asked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'homs-count-'));
    try {
      for (const [sub, n] of [['a', 3], ['a/b', 4], ['c', 5]] as const) {
        mkdirSync(join(dir, sub), { recursive: true });
        for (let k = 0; k < n; k++) writeFileSync(join(dir, sub, `f${k}.txt`), 'x');
      }
      expect(fileCount(dir)).toBe(12);
      expect(fileCount(dir, 5)).toBe(5);
      expect(fileCount(dir, 100)).toBe(12);
      expect(fileCount(join(dir, 'missing'))).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('returns results in input order, whatever order the workers finish in', async () => {
    const { entries } = loadRawFolder(raw);
    const seen: number[] = [];
    // batch 1 over 2 workers interleaves completions; the progress count still rises by one
    const results = await workerMap({ workers: 2, fileOf, batch: 1, minPerWorker: 1, onProgress: (d) => seen.push(d) })(entries);
    expect(results.map((r) => r.entry.id)).toEqual(entries.map((e) => e.entry.id));
    expect(seen).toEqual(entries.map((_, i) => i + 1));
    expect(results.some((r) => r.statements.length > 0)).toBe(true);
  }, 60_000);

  it('gives the same results in a worker as in this thread', async () => {
    const { entries } = loadRawFolder(raw);
    const inThread = await workerMap({ workers: 1, fileOf })(entries);
    const pooled = await workerMap({ workers: 2, fileOf, minPerWorker: 1 })(entries);
    expect(pooled).toEqual(inThread);
  }, 60_000);

  it('workers=1 and workers=2 publish identical release bytes', async () => {
    const one = await release(1);
    const two = await release(2, 3);
    expect([...two.keys()]).toEqual([...one.keys()]);
    for (const [name, bytes] of one) expect(Buffer.from(two.get(name) as Uint8Array).equals(Buffer.from(bytes)), name).toBe(true);
    expect(one.get('statements.csv')?.length).toBeGreaterThan(1000);
  }, 120_000);

  it('runs on threads started before the documents were read, or ends them when the map does not need them', async () => {
    const { entries } = loadRawFolder(raw);
    const inThread = await workerMap({ workers: 1, fileOf })(entries);
    // started at once (prestart), then given the whole folder: the same results
    const pooled = await workerMap({ workers: 2, fileOf, minPerWorker: 1, prestart: entries.length })(entries);
    expect(pooled).toEqual(inThread);
    // started, then given three documents (fewer than minPerWorker): this thread does them, synchronously
    const threads: number[] = [];
    const pending = workerMap({ workers: 2, fileOf, minPerWorker: 2, prestart: 100, onProgress: (d) => threads.push(d) })(entries.slice(0, 1));
    expect(threads).toEqual([1]);
    expect((await pending).map((r) => r.entry.id)).toEqual([entries[0]!.entry.id]);
  }, 60_000);

  it('stays in this thread when there are too few documents to pay for a worker', async () => {
    const { entries } = loadRawFolder(raw);
    const threads: number[] = [];
    // no pool: progress is reported synchronously, before the promise settles
    const pending = workerMap({ workers: 4, fileOf, onProgress: (d) => threads.push(d) })(entries.slice(0, 3));
    expect(threads).toEqual([1, 2, 3]);
    expect((await pending).length).toBe(3);
  });
});
