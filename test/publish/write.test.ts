import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildRelease } from '../../pipeline/publish/index.ts';
import { latestVersion, publishRelease, readTree, type PublishStep } from '../../pipeline/publish/write.ts';
import { input } from './fixtures.ts';

const dirs: string[] = [];
const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'publish-'));
  dirs.push(d);
  return join(d, 'dist-data');
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const v1 = buildRelease(input());
// compared as digests: a Map of Buffers against a Map of Uint8Arrays is not deep-equal, and a failing diff of raw bytes is unreadable
const digest = (files: Map<string, Uint8Array>) => Object.fromEntries([...files].map(([k, b]) => [k, createHash('sha256').update(b).digest('hex')]));
const tree = (dir: string) => digest(readTree(dir));
const publish = (dist: string, r = v1, faultAt?: (s: PublishStep) => void) => publishRelease({ distDir: dist, version: r.version, date: r.date, files: r.files, ...(faultAt ? { faultAt } : {}) });

describe('publishRelease', () => {
  it('publishes into vX.Y.Z with releases.json and latest.json', () => {
    const dist = tmp();
    expect(publish(dist).status).toBe('published');
    expect(tree(join(dist, 'v1.0.0'))).toEqual(digest(v1.files));
    const index = JSON.parse(readFileSync(join(dist, 'releases.json'), 'utf8'));
    expect(index.releases[0]).toMatchObject({ version: '1.0.0', date: '2026-12-01', path: 'v1.0.0/' });
    expect(latestVersion(dist)).toBe('1.0.0');
  });

  it('same version, same bytes: a no-op', () => {
    const dist = tmp();
    publish(dist);
    const before = tree(dist);
    expect(publish(dist).status).toBe('unchanged');
    expect(tree(dist)).toEqual(before);
  });

  it('refuses an existing version with different bytes, naming the version and the files', () => {
    const dist = tmp();
    publish(dist);
    const inp = input();
    inp.statements[0]!.casualties = { killedLow: 3 };
    const changed = buildRelease(inp);
    const before = tree(dist);
    const r = publish(dist, changed);
    expect(r.status).toBe('refused');
    if (r.status !== 'refused') return;
    expect(r.reason).toMatch(/v1\.0\.0 already exists/);
    expect(r.differing).toContain('statements.csv');
    expect(r.reason).toContain('statements.csv');
    expect(tree(dist)).toEqual(before);
  });

  it.each(['stage-files', 'fsync', 'rename-release', 'write-index', 'write-latest'] as PublishStep[])('a failure at %s leaves dist-data exactly as it was', (step) => {
    const dist = tmp();
    publish(dist);
    const next = buildRelease(input({ version: 'auto', previous: { version: '1.0.0', files: v1.files }, places: [...input().places, { place_id: 'x', name: 'X', alt_names: [], type: 'city', geo_precision: 'city' }] }));
    const before = tree(dist);
    expect(() => publish(dist, next, (s) => {
      if (s === step) throw new Error(`injected at ${s}`);
    })).toThrow(/injected/);
    expect(tree(dist)).toEqual(before);
    expect(publish(dist, next).status).toBe('published');
    expect(latestVersion(dist)).toBe('1.1.0');
  });
});
