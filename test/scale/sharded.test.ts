// The map side as a JSON Lines command, run shard by shard (as Spark `pipe` or Beam would), then
// merged: the release must be the same bytes as one `build` run of the whole folder.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTree, ROOT, smallCorpus } from './corpus.ts';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const cli = (name: string) => join(ROOT, 'pipeline', 'cli', `${name}.ts`);
const run = (args: string[], input?: string) => execFileSync(TSX, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 28, stdio: ['pipe', 'pipe', 'pipe'], ...(input !== undefined ? { input } : {}), env: { ...process.env, CI: '1' } });

describe('sharded build', () => {
  it('map on each shard separately, then merge, gives the bytes of one build run (without quality.json)', () => {
    const raw = smallCorpus();
    const work = dirname(raw);
    const inputs = run([cli('map'), '--inputs', '--raw', raw]).trimEnd().split('\n');
    expect(inputs.length).toBeGreaterThan(10);
    // uneven shards, and one shard with its lines in reverse order: merge joins by id, not position
    const shards = [inputs.slice(0, 2), inputs.slice(2, 7).reverse(), inputs.slice(7)];
    const outputs = shards.map((lines, k) => {
      const out = run([cli('map')], lines.join('\n') + '\n');
      expect(out.trimEnd().split('\n')).toHaveLength(lines.length);
      const file = join(work, `shard-${k}.jsonl`);
      writeFileSync(file, out);
      return file;
    });
    run([cli('merge'), '--raw', raw, '--out', join(work, 'merged'), '--build-dir', join(work, 'build-merged'), '--no-quality', ...outputs]);
    run([cli('build'), '--raw', raw, '--out', join(work, 'single'), '--build-dir', join(work, 'build-single'), '--no-cache', '--no-quality', '--workers', '2']);

    // the same shards concatenated on stdin (read once into a file, then by offset)
    run([cli('merge'), '--raw', raw, '--out', join(work, 'merged-stdin'), '--build-dir', join(work, 'build-stdin'), '--no-quality'], outputs.map((f) => readFileSync(f, 'utf8')).join(''));

    const single = readTree(join(work, 'single'));
    for (const name of ['merged', 'merged-stdin']) {
      const merged = readTree(join(work, name));
      expect([...merged.keys()]).toEqual([...single.keys()]);
      for (const [file, bytes] of single) expect(merged.get(file)?.equals(bytes), `${name}/${file}`).toBe(true);
    }
    expect(readFileSync(join(work, 'build-merged', 'messages.json'), 'utf8')).toBe(readFileSync(join(work, 'build-single', 'messages.json'), 'utf8'));
  }, 180_000);

  it('map reads inline bytes and file references alike, and reports a bad line without stopping', () => {
    const raw = smallCorpus();
    const byFile = run([cli('map'), '--inputs', '--raw', raw]).trimEnd().split('\n').slice(0, 2);
    const inline = run([cli('map'), '--inputs', '--inline', '--raw', raw]).trimEnd().split('\n').slice(0, 2);
    expect(JSON.parse(inline[0] as string)).toHaveProperty('bytes_base64');
    expect(run([cli('map')], inline.join('\n') + '\n')).toBe(run([cli('map')], byFile.join('\n') + '\n'));

    const r = spawnSync(TSX, [cli('map')], { cwd: ROOT, encoding: 'utf8', input: `${byFile[0]}\n{"entry": 3}\nnot json\n${byFile[1]}\n` });
    expect(r.status).toBe(1);
    expect(r.stdout.trimEnd().split('\n').map((l) => (JSON.parse(l) as { entry: { id: string } }).entry.id)).toEqual(byFile.map((l) => (JSON.parse(l) as { entry: { id: string } }).entry.id));
    expect(r.stderr).toMatch(/<stdin>:2:1: Unexpected input without an entry/);
    expect(r.stderr).toMatch(/<stdin>:3:1: Unexpected invalid JSON/);
  }, 60_000);

  it('merge refuses shards that miss a document', () => {
    const raw = smallCorpus();
    const work = dirname(raw);
    const inputs = run([cli('map'), '--inputs', '--raw', raw]).trimEnd().split('\n');
    const partial = join(work, 'partial.jsonl');
    mkdirSync(work, { recursive: true });
    writeFileSync(partial, run([cli('map')], inputs.slice(1).join('\n') + '\n'));
    const r = spawnSync(TSX, [cli('merge'), '--raw', raw, '--out', join(work, 'merged'), '--build-dir', join(work, 'b'), partial], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Unexpected no result for document .*\[merge-missing\]/);
    // nothing published, nothing half-written
    expect(existsSync(join(work, 'merged'))).toBe(false);
    expect(existsSync(join(work, 'merged.partial'))).toBe(false);

    // a result given twice and a line that is no JSON: each named by file and line
    const lines = readFileSync(partial, 'utf8').trimEnd().split('\n');
    const bad = join(work, 'bad.jsonl');
    writeFileSync(bad, [lines[0], 'not json', lines[0]].join('\n') + '\n');
    const b = spawnSync(TSX, [cli('merge'), '--raw', raw, '--out', join(work, 'merged'), '--build-dir', join(work, 'b'), partial, bad], { cwd: ROOT, encoding: 'utf8' });
    expect(b.status).toBe(1);
    expect(b.stderr).toContain(`${bad}:2:1: Unexpected invalid JSON, expected one map result a line [merge-json]`);
    expect(b.stderr).toMatch(new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:1: Unexpected second result for document .*\\[merge-duplicate\\]`));
    expect(existsSync(join(work, 'merged'))).toBe(false);
  }, 60_000);

  it('build prints progress as whole lines when piped', () => {
    const raw = smallCorpus();
    const work = dirname(raw);
    const r = spawnSync(TSX, [cli('build'), '--raw', raw, '--out', join(work, 'rel'), '--build-dir', join(work, 'b'), '--no-cache', '--no-quality'], { cwd: ROOT, encoding: 'utf8' });
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('build: ') && / docs \(\d+%\)/.test(l));
    expect(r.stderr).not.toContain('\r');
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.length).toBeLessThanOrEqual(11);
    expect(lines.at(-1)).toMatch(/\(100%\)/);
  }, 60_000);
});
