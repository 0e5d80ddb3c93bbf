// The fragment cache: a rebuild makes the publish fragments of the changed documents only, reads
// the others' from the cache, and writes the same bytes as a build without any cache; a cache
// entry that can no longer be used is a miss, never an error or a wrong byte.
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFolder, documentMeta, loadGazetteer, takeFragment, type BuildOutcome } from '../../pipeline/build.ts';
import { hasErrors } from '../../pipeline/diagnostics.ts';
import { fragmentCache, MAX_PACKS, pruneFragmentCache } from '../../pipeline/fragment-cache.ts';
import { loadRawFolder } from '../../pipeline/manifest.ts';
import { releaseFolderWriter } from '../../pipeline/publish/index.ts';
import { workerMap } from '../../pipeline/workers.ts';
import { smallCorpus, tree } from './corpus.ts';

const gazetteer = loadGazetteer();

/** A release built as `make` builds one (fragments made in the map and joined), with or without a cache. */
async function build(raw: string, cacheDir: string | undefined, workers: number, fragmentBacklog?: number): Promise<{ files: Map<string, Buffer>; outcome: BuildOutcome; used: Set<string> }> {
  const work = mkdtempSync(join(tmpdir(), 'homs-fcache-'));
  const dir = join(work, 'release');
  const writer = releaseFolderWriter({ version: '0.1.0', places: gazetteer.places, actors: gazetteer.actors }, dir, workers);
  /** The files the fragments' texts were read from. */
  const used = new Set<string>();
  const outcome = await buildFolder({
    raw,
    ...(cacheDir ? { cacheDir } : {}),
    fragments: { dir: join(work, 'fragments'), withCells: false },
    map: workerMap({ workers, fileOf: (e) => join(raw, e.entry.path), batch: 2, minPerWorker: 1, ...(fragmentBacklog !== undefined ? { fragmentBacklog } : {}) }),
    onOrdered: (_, r) => {
      const f = takeFragment(r);
      if (f?.blob) used.add(f.blob.file);
      if (f && !hasErrors(r.messages)) writer.add(documentMeta(r), f);
    },
  }, () => []);
  if (writer.finish({}, { skipped: outcome.skipped }).kind !== 'written') throw new Error('expected a release');
  outcome.pruneCache?.();
  const files = tree(dir);
  rmSync(work, { recursive: true, force: true });
  return { files, outcome, used };
}

function expectSameFiles(got: Map<string, Buffer>, expected: Map<string, Buffer>, label: string): void {
  expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [name, bytes] of expected) expect(got.get(name)?.equals(bytes), `${name} (${label})`).toBe(true);
}

const headers = (cacheDir: string) => readdirSync(join(cacheDir, 'fragments')).filter((n) => n.endsWith('.json')).sort();
const packs = (cacheDir: string) => readdirSync(join(cacheDir, 'fragments', 'packs')).sort();
/** Documents with a text (a fragment each). */
const withDocument = (o: BuildOutcome) => o.results.filter((r) => r.document).length;

describe('fragment cache', () => {
  it('rebuilds an unchanged folder from cached fragments, then remakes only the changed document\'s, with the bytes of an uncached build', async () => {
    const raw = smallCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), 'homs-fcache-dir-'));
    const plain = await build(raw, undefined, 1);
    // first build with the cache: every fragment made (by the worker as well as this thread), and cached
    const first = await build(raw, cacheDir, 2, 0);
    expectSameFiles(first.files, plain.files, 'cold cache');
    expect(first.outcome.cache).toMatchObject({ hits: 0, fragments: 0 });
    const docs = withDocument(first.outcome);
    expect(docs).toBeGreaterThan(5);
    expect(headers(cacheDir)).toHaveLength(docs);
    const packsBefore = packs(cacheDir);
    expect(packsBefore.length).toBeGreaterThanOrEqual(1);
    // unchanged: every fragment read from the cache, no pack written, the same bytes
    for (const workers of [1, 2]) {
      const warm = await build(raw, cacheDir, workers);
      expect(warm.outcome.cache).toMatchObject({ hits: docs, fragments: docs });
      expectSameFiles(warm.files, plain.files, `warm, ${workers} worker(s)`);
      expect(packs(cacheDir)).toEqual(packsBefore);
    }
    // one document changed, one removed: one fragment made; the removed and the stale headers pruned
    appendFileSync(join(raw, 'wikiwars', '09_GrecoPersian.txt'), '\n\nOn 9 February 2014, shelling killed 12 people in Homs.\n');
    const removed = loadRawFolder(raw).entries.find((e) => e.entry.path.endsWith('2014/05/7/index.md'));
    rmSync(join(raw, removed!.entry.path));
    const changedPlain = await build(raw, undefined, 1);
    const changed = await build(raw, cacheDir, 2);
    expect(changed.outcome.cache).toMatchObject({ hits: docs - 2, fragments: docs - 2 });
    expectSameFiles(changed.files, changedPlain.files, 'one document changed');
    expect(changed.files.get('statements.csv')?.toString('utf8')).toContain('On 9 February 2014, shelling killed 12 people in Homs.');
    expect(headers(cacheDir)).toHaveLength(docs - 1);
    rmSync(raw, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }, 180_000);

  it('takes a cache entry whose pack is short or gone, or whose header is unreadable, for a miss', async () => {
    const raw = smallCorpus();
    const cacheDir = mkdtempSync(join(tmpdir(), 'homs-fcache-dir-'));
    const plain = await build(raw, undefined, 1);
    const first = await build(raw, cacheDir, 1);
    const docs = withDocument(first.outcome);
    // one pack (one thread): cut it short, so the fragments at its end can no longer be read
    const [pack] = packs(cacheDir);
    const packFile = join(cacheDir, 'fragments', 'packs', pack as string);
    truncateSync(packFile, 1000);
    // and one header unreadable
    const [header] = headers(cacheDir);
    writeFileSync(join(cacheDir, 'fragments', header as string), '{"format": 1, "result": ');
    const damaged = await build(raw, cacheDir, 1);
    expect(damaged.outcome.cache.fragments).toBeLessThan(docs - 1);
    expectSameFiles(damaged.files, plain.files, 'damaged cache');
    // the packs this build read from are kept, the rest pruned (the damaged one too, unless a fragment in its first 1000 bytes was still whole)
    expect(packs(cacheDir).map((n) => join(cacheDir, 'fragments', 'packs', n))).toEqual([...damaged.used].sort());
    expect(damaged.used.size).toBeGreaterThanOrEqual(1);
    // every pack gone: every fragment made again, from the cached results
    rmSync(join(cacheDir, 'fragments', 'packs'), { recursive: true, force: true });
    const noPacks = await build(raw, cacheDir, 1);
    expect(noPacks.outcome.cache).toMatchObject({ hits: docs, fragments: 0 });
    expectSameFiles(noPacks.files, plain.files, 'packs removed');
    rmSync(raw, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
  }, 180_000);

  it('keys a fragment by all the code and by whether it carries cells, and empties itself past MAX_PACKS packs', () => {
    const raw = smallCorpus();
    const e = loadRawFolder(raw).entries[0]!;
    const dir = mkdtempSync(join(tmpdir(), 'homs-fcache-keys-'));
    const a = fragmentCache(dir, 'code-a', false);
    expect(a.headerOf(e)).toBe(fragmentCache(dir, 'code-a', false).headerOf(e));
    expect(a.headerOf(e)).not.toBe(fragmentCache(dir, 'code-b', false).headerOf(e));
    expect(a.headerOf(e)).not.toBe(fragmentCache(dir, 'code-a', true).headerOf(e));
    // pruning: what the build used stays, the rest goes
    mkdirSync(a.packs, { recursive: true });
    const pack = (k: number) => join(a.packs, `pack-${k}.bin`);
    for (let k = 0; k <= MAX_PACKS; k++) writeFileSync(pack(k), 'x');
    const kept = join(dir, 'fragments', 'kept.json');
    const stale = join(dir, 'fragments', 'stale.json');
    writeFileSync(kept, '{}');
    writeFileSync(stale, '{}');
    pruneFragmentCache(a, { headers: new Set([kept]), packs: new Set([pack(0), pack(1)]) });
    expect(readdirSync(a.packs).sort()).toEqual(['pack-0.bin', 'pack-1.bin']);
    expect(existsSync(kept) && !existsSync(stale)).toBe(true);
    // more packs in use than a join should hold open: all of it goes, to be made afresh
    for (let k = 0; k <= MAX_PACKS; k++) writeFileSync(pack(k), 'x');
    pruneFragmentCache(a, { headers: new Set([kept]), packs: new Set(Array.from({ length: MAX_PACKS + 1 }, (_, k) => pack(k))) });
    expect(readdirSync(a.packs)).toEqual([]);
    expect(existsSync(kept)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
    rmSync(raw, { recursive: true, force: true });
  });
});
