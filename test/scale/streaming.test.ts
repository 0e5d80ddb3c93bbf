// The streaming release (fragments made in the map's workers, joined in document order while the
// map goes on, files written to disk as they are made) against the in-memory one.
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildFolder, documentMeta, loadGazetteer, takeFragment, releaseInput } from '../../pipeline/build.ts';
import { hasErrors } from '../../pipeline/diagnostics.ts';
import { buildRelease, releaseFolderWriter, type WrittenRelease } from '../../pipeline/publish/index.ts';
import { folderSink, memorySink } from '../../pipeline/publish/sink.ts';
import { workerMap } from '../../pipeline/workers.ts';
import { smallCorpus, tree } from './corpus.ts';

const raw = smallCorpus();
// two files with the same bytes: the graph then has one snapshot node per sha256 met twice
copyFileSync(join(raw, 'news/2014/02/7/index.md'), join(raw, 'news/2014/02/7/copy.md'));
const fileOf = (e: { entry: { path: string } }) => join(raw, e.entry.path);
const gazetteer = loadGazetteer();

async function streamed(workers: number, batch: number, fragmentBacklog?: number): Promise<{ dir: string; release: WrittenRelease; order: number[]; blobs: Set<string> }> {
  const work = mkdtempSync(join(tmpdir(), 'homs-stream-'));
  const dir = join(work, 'release');
  // as many threads for the release as the map has lanes: with two, graph.nq is written by a second thread
  const writer = releaseFolderWriter({ version: '0.1.0', places: gazetteer.places, actors: gazetteer.actors }, dir, workers);
  const order: number[] = [];
  /** The blob files the fragments' texts went to: one per thread that made fragments. */
  const blobs = new Set<string>();
  const outcome = await buildFolder({
    raw,
    fragments: { dir: join(work, 'fragments'), withCells: false },
    map: workerMap({ workers, fileOf, batch, minPerWorker: 1, ...(fragmentBacklog !== undefined ? { fragmentBacklog } : {}) }),
    onOrdered: (i, r) => {
      order.push(i);
      const f = takeFragment(r);
      if (f?.blob) blobs.add(basename(f.blob.file));
      if (f && !hasErrors(r.messages)) writer.add(documentMeta(r), f);
    },
  }, () => []);
  const release = writer.finish({}, { skipped: outcome.skipped });
  if (release.kind !== 'written') throw new Error('expected a release');
  return { dir, release, order, blobs };
}

describe('streaming release', () => {
  const memory = (async () => {
    const outcome = await buildFolder({ raw, map: workerMap({ workers: 1, fileOf }) }, () => []);
    return buildRelease(releaseInput(outcome, raw, gazetteer, '0.1.0')).files;
  })();

  it('writes the same bytes as the in-memory release, with 1 or 2 workers, and hands results over in order', async () => {
    const expected = await memory;
    // some rows are written differently in the spreadsheet copy (a BC date_edtf starts with `-`):
    // a worker's fragment then carries both texts
    const excel = Buffer.from(expected.get('excel/statements.csv')!).subarray(3);
    expect(excel.equals(Buffer.from(expected.get('statements.csv')!))).toBe(false);
    // two workers: fragments made where this thread decides (by its backlog), and all in the worker
    for (const [workers, batch, backlog] of [[1, 8, undefined], [2, 1, undefined], [2, 2, 0]] as const) {
      const { dir, release, order } = await streamed(workers, batch, backlog);
      const got = tree(dir);
      expect([...got.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [name, bytes] of expected) expect(got.get(name)?.equals(Buffer.from(bytes)), `${name} with ${workers} worker(s)`).toBe(true);
      // the facts the writer reports are those of the files on disk
      for (const [name, f] of release.facts) {
        expect(f.bytes, name).toBe(got.get(name)?.length);
        expect(f.sha256, name).toBe(createHash('sha256').update(got.get(name)!).digest('hex'));
      }
      expect(order).toEqual(order.map((_, i) => i));
      // no scratch file is left in the release
      expect([...got.keys()].some((n) => n.includes('.scratch'))).toBe(false);
      rmSync(join(dir, '..'), { recursive: true, force: true });
    }
  }, 120_000);

  it("makes a worker's documents' fragments in this thread unless it falls behind, then in the worker", async () => {
    const mine = `blob-${threadId}.bin`;
    // never behind (a backlog no corpus reaches): every fragment is made here
    const here = await streamed(2, 2, 1e9);
    expect([...here.blobs]).toEqual([mine]);
    // always behind: the worker makes the fragments of the documents it runs
    const there = await streamed(2, 2, 0);
    expect([...there.blobs].filter((b) => b !== mine).length).toBe(1);
    for (const r of [here, there]) rmSync(join(r.dir, '..'), { recursive: true, force: true });
  }, 120_000);

  it('lists in diff.json every row key of the first release, as the CSVs hold them', async () => {
    const files = await memory;
    const diff = JSON.parse(Buffer.from(files.get('diff.json')!).toString('utf8')) as { tables: Record<string, { added: Array<string | string[]> }> };
    const rows = (name: string) => parse(Buffer.from(files.get(`${name}.csv`)!).toString('utf8'), { columns: true }) as Array<Record<string, string>>;
    expect(diff.tables.statements!.added).toEqual(rows('statements').map((r) => r.statement_id));
    expect(diff.tables.statement_places!.added).toEqual(rows('statement_places').map((r) => [r.statement_id, r.place_id, r.char_start]));
    expect(diff.tables.statement_places!.added.length).toBeGreaterThan(100);
  }, 60_000);

  it('gives a document met twice (same bytes) one snapshot node in graph.nq, with both documents under it', async () => {
    const files = await memory;
    const nq = Buffer.from(files.get('graph.nq')!).toString('utf8').split('\n').filter(Boolean);
    const specialisations = nq.filter((l) => l.startsWith('<ni:///sha-256;') && l.includes('specializationOf'));
    const shared = specialisations.filter((l) => l.includes('copy'));
    expect(shared).toHaveLength(1);
    const subject = shared[0]!.split(' ')[0]!;
    expect(specialisations.filter((l) => l.startsWith(subject + ' '))).toHaveLength(2);
    // and the whole file stays sorted and free of repeats
    expect(nq).toEqual([...new Set(nq)].sort());
  }, 60_000);
});

describe('sinks', () => {
  it('write the same bytes and facts in memory and on disk, scratch read back by range', () => {
    const dir = mkdtempSync(join(tmpdir(), 'homs-sink-'));
    const disk = folderSink(dir);
    const mem = memorySink();
    const big = 'x'.repeat(3 << 20); // larger than the folder sink's block
    const facts = [disk, mem].map((sink) => {
      const w = sink.open('a/b.txt');
      w.write('héllo ');
      w.writeBytes(new Uint8Array([0xf0, 0x9f, 0x98, 0x80]));
      w.write(big);
      const s = sink.scratch();
      s.write('0123');
      s.write('ünï');
      s.seal();
      expect(Buffer.from(s.read(4, 5)).toString('utf8')).toBe('ünï');
      s.copyTo(w);
      s.dispose();
      return w.end();
    });
    expect(facts[0]).toEqual(facts[1]);
    const onDisk = readFileSync(join(dir, 'a/b.txt'));
    expect(onDisk.equals(Buffer.from(mem.files.get('a/b.txt')!))).toBe(true);
    expect(onDisk.toString('utf8')).toBe(`héllo 😀${big}0123ünï`);
    expect(readdirSync(dir)).toEqual(['a']);
  });

  it('write a file in the background from byte ranges of files and given bytes, in order, or say why not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'homs-sink-'));
    const src = join(dir, 'src.bin');
    const big = 'y'.repeat(3 << 20); // more than one block, and one piece larger than a block
    writeFileSync(src, `abcdef${big}`);
    const sink = folderSink(join(dir, 'out'));
    const pieces = (files: string[]) => ({
      files,
      file: Int32Array.from([0, -1, 0, 0]),
      offset: Float64Array.from([3, 0, 0, 6]),
      length: Float64Array.from([3, 5, 2, big.length]),
      bytes: [new Uint8Array(Buffer.from('ünï'))],
    });
    const facts = sink.background!('n/q.nq', pieces([src])).wait();
    const written = readFileSync(join(dir, 'out', 'n/q.nq'));
    expect(written.toString('utf8')).toBe(`defünïab${big}`);
    expect(facts).toEqual({ bytes: written.length, sha256: createHash('sha256').update(written).digest('hex') });
    // a source that is not there: the wait throws, naming it
    expect(() => sink.background!('n/r.nq', pieces([join(dir, 'missing.bin')])).wait()).toThrow(/in the background failed: .*missing\.bin/);
    rmSync(dir, { recursive: true, force: true });
  });
});
